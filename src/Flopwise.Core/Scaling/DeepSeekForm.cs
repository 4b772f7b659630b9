namespace Flopwise.Scaling;

/// <summary>
/// DeepSeek LLM 2024 (eq. 4, eq. 1): the model scale M_opt = k·C^m in non-embedding FLOP per token and the data
/// D_opt = H·C^b, with C = M·D; optionally the optimal learning rate and batch size as powers of C. No loss.
/// </summary>
/// <remarks>
/// Constants: <c>modelFlopPerTokenCoefficient</c>, <c>modelFlopPerTokenExponent</c>, <c>tokensCoefficient</c>,
/// <c>tokensExponent</c>; optional <c>parametersCoefficient</c>, <c>parametersExponent</c>, <c>computeUnit</c>,
/// <c>learningRateCoefficient</c>, <c>learningRateExponent</c>, <c>batchSizeCoefficient</c>,
/// <c>batchSizeExponent</c>. Parameters are approximated as M/6 (non-embedding). Stateless and thread-safe.
/// </remarks>
public sealed class DeepSeekForm : LawForm
{
    /// <summary>Initializes a new instance of the <see cref="DeepSeekForm"/> class; use <see cref="LawForm.DeepSeek"/>.</summary>
    internal DeepSeekForm()
    {
    }

    /// <inheritdoc/>
    public override string Name => "DeepSeek";

    /// <inheritdoc/>
    public override string JsonName => "deepseek";

    /// <inheritdoc/>
    public override bool HasLoss => false;

    /// <inheritdoc/>
    internal override string ParametersLabel => "Parameters N ≈ M/6 (non-embedding, approximate)";

    /// <inheritdoc/>
    internal override string? NonEmbeddingLabel => "Parameters are non-embedding (M counts non-embedding FLOP)";

    /// <inheritdoc/>
    /// <remarks>C in FLOP; N = M/6, flagged non-embedding and approximate; η_opt and B_opt when the law has them.</remarks>
    public override Allocation Optimal(ScalingLaw law, double compute)
    {
        ArgumentNullException.ThrowIfNull(law);
        double m = Require(law.ModelFlopPerTokenCoefficient, law) * Math.Pow(compute, Require(law.ModelFlopPerTokenExponent, law));
        double d = Require(law.TokensCoefficient, law) * Math.Pow(compute, Require(law.TokensExponent, law));
        return new Allocation
        {
            Compute = compute,
            Parameters = m / 6,
            Tokens = d,
            ModelFlopPerToken = m,
            ParametersAreNonEmbedding = true,
            ParametersAreApproximate = true,
            LearningRate = law.LearningRateCoefficient is double lr && law.LearningRateExponent is double lre ? lr * Math.Pow(compute, lre) : null,
            BatchSizeTokens = law.BatchSizeCoefficient is double bs && law.BatchSizeExponent is double bse ? bs * Math.Pow(compute, bse) : null,
        };
    }

    /// <inheritdoc/>
    public override string Summary(ScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return $"M = {Short(law.ModelFlopPerTokenCoefficient)}·C^{Short(law.ModelFlopPerTokenExponent)}, D = {Short(law.TokensCoefficient)}·C^{Short(law.TokensExponent)}";
    }

    /// <inheritdoc/>
    internal override ScalingLaw ReadConstants(ScalingLaw law, LawConstantReader read) => read.Frontier(law, required: false) with
    {
        ModelFlopPerTokenCoefficient = read.Required("modelFlopPerTokenCoefficient"),
        ModelFlopPerTokenExponent = read.Required("modelFlopPerTokenExponent"),
        TokensCoefficient = read.Required("tokensCoefficient"),
        TokensExponent = read.Required("tokensExponent"),
        LearningRateCoefficient = read.Optional("learningRateCoefficient"),
        LearningRateExponent = read.Double("learningRateExponent"),
        BatchSizeCoefficient = read.Optional("batchSizeCoefficient"),
        BatchSizeExponent = read.Double("batchSizeExponent"),
    };

    /// <inheritdoc/>
    internal override void WriteConstants(ScalingLaw law, LawConstantWriter write)
    {
        write.Add("modelFlopPerTokenCoefficient", "Law: M_opt coefficient", law.ModelFlopPerTokenCoefficient);
        write.Add("modelFlopPerTokenExponent", "Law: M_opt exponent", law.ModelFlopPerTokenExponent);
        WriteFrontier(write, law, law.ParametersCoefficient, law.ParametersExponent, law.TokensCoefficient, law.TokensExponent);
        write.Add("learningRateCoefficient", "Law: η_opt coefficient", law.LearningRateCoefficient);
        write.Add("learningRateExponent", "Law: η_opt exponent", law.LearningRateExponent);
        write.Add("batchSizeCoefficient", "Law: B_opt coefficient", law.BatchSizeCoefficient, "tokens");
        write.Add("batchSizeExponent", "Law: B_opt exponent", law.BatchSizeExponent);
    }

    /// <inheritdoc/>
    internal override (string Text, string Description) Convention(ScalingLaw law) =>
        ("M FLOP per token; N ≈ M/6, non-embedding",
         "DeepSeek's model scale M counts non-embedding FLOP per token (attention included), C = M·D; "
            + "parameters are approximated as M/6, which ignores the attention FLOP and, like M, counts non-embedding "
            + "parameters only.");

    /// <inheritdoc/>
    internal override bool HasSeparateFrontierFits(ScalingLaw law) => true;
}
