using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>
/// The MLP of one transformer layer: one expert (<see cref="DenseMlp"/>) or a routed mixture of them
/// (<see cref="MixtureOfExperts"/>).
/// </summary>
/// <remarks>
/// One expert holds 2·h·f (GELU) or 3·h·f (SwiGLU) parameters, plus biases f + h (GELU) or 2·f + h (SwiGLU) with
/// <see cref="Biases"/> (docs/formulas.md, "Parameters from an architecture"). Tensor parallelism splits f t ways. Immutable and thread-safe.
/// </remarks>
public abstract record MlpBlock : ModelComponent
{
    /// <summary>Gets h, the model width.</summary>
    public required int DModel { get; init; }

    /// <summary>Gets f, the inner width of one expert.</summary>
    public required int DFf { get; init; }

    /// <summary>Gets the kind: two matrices (GELU) or three (SwiGLU).</summary>
    public required MlpKind Kind { get; init; }

    /// <summary>Gets a value indicating whether the matrices have biases.</summary>
    public bool Biases { get; init; }

    /// <summary>Gets the parameters of one expert.</summary>
    /// <exception cref="OverflowException">The shape is far outside <see cref="ModelShape.Validate"/>'s limits.</exception>
    public long ParametersPerExpert
    {
        get
        {
            long h = DModel;
            long f = DFf;
            long up = UpMatrices;
            return ((up + 1) * h * f) + (Biases ? (up * f) + h : 0);
        }
    }

    /// <summary>Gets the up-projections: 2 (gate and up) for SwiGLU, 1 for GELU.</summary>
    private int UpMatrices => Kind == MlpKind.SwiGlu ? 2 : 1;

    /// <summary>Gets the weight bytes of one layer's MLP on one GPU.</summary>
    /// <param name="sizes">t and the element sizes.</param>
    /// <returns>Bytes.</returns>
    internal abstract double WeightBytesPerGpu(OperationSizes sizes);

    /// <summary>Gets how n tokens use the experts: expert assignments (token × expert pairs) and the distinct experts whose weights are read.</summary>
    /// <param name="tokens">n.</param>
    /// <returns>The assignments and the experts read.</returns>
    internal abstract (double Assignments, double ExpertsRead) Routing(double tokens);

    /// <inheritdoc/>
    internal override void Validate(List<FieldError> errors) => CheckCount(errors, "d-ff", DFf, ModelShape.MaxDFf);

    /// <summary>Adds the operations of n tokens: the router (if any), up (and gate), the activation, down.</summary>
    /// <param name="sink">The step.</param>
    /// <param name="tokens">n.</param>
    internal void AddOperations(OperationSink sink, double tokens)
    {
        AddRouter(sink, tokens);
        (double assignments, double expertsRead) = Routing(tokens);
        OperationSizes s = sink.Sizes;
        double h = DModel;
        double f = DFf / s.TensorParallel;
        double x = s.ActivationBytes;
        AddUpProjection(sink, assignments, expertsRead);
        if (Kind == MlpKind.SwiGlu)
        {
            sink.Add(5 * assignments * f, 0, 3 * assignments * f * x, 0);
        }
        else
        {
            sink.Add(8 * assignments * f, 0, 2 * assignments * f * x, 0);
        }

        sink.Add(2 * assignments * f * h, expertsRead * ((f * h * s.MatrixBytes) + (DownBiasElements * s.PlainBytes)), (assignments * f * x) + (assignments * h * x), 0, matrix: true);
    }

    /// <summary>Adds the up (and gate) projection of n tokens, the largest weight matmul of a decode step.</summary>
    /// <param name="sink">The step.</param>
    /// <param name="tokens">n.</param>
    internal void AddUpProjection(OperationSink sink, double tokens)
    {
        (double assignments, double expertsRead) = Routing(tokens);
        AddUpProjection(sink, assignments, expertsRead);
    }

    /// <summary>Adds the router's operation, if the block has one.</summary>
    /// <param name="sink">The step.</param>
    /// <param name="tokens">n.</param>
    internal virtual void AddRouter(OperationSink sink, double tokens)
    {
    }

    /// <summary>Gets the weight bytes of one expert on one GPU: its f/t slice.</summary>
    /// <param name="sizes">t and the element sizes.</param>
    /// <returns>Bytes.</returns>
    private protected double ExpertWeightBytesPerGpu(OperationSizes sizes)
    {
        double f = DFf / sizes.TensorParallel;
        return (((UpMatrices + 1) * (double)DModel * f) * sizes.MatrixBytes) + ((UpBiasElements(f) + DownBiasElements) * sizes.PlainBytes);
    }

    private void AddUpProjection(OperationSink sink, double assignments, double expertsRead)
    {
        OperationSizes s = sink.Sizes;
        double h = DModel;
        double f = DFf / s.TensorParallel;
        double u = UpMatrices;
        double x = s.ActivationBytes;
        sink.Add(
            2 * assignments * h * f * u,
            expertsRead * ((h * f * u * s.MatrixBytes) + (UpBiasElements(f) * s.PlainBytes)),
            (assignments * h * x) + (assignments * f * u * x),
            0,
            matrix: true);
    }

    private double DownBiasElements => Biases ? DModel : 0;

    private double UpBiasElements(double widthPerGpu) => Biases ? UpMatrices * widthPerGpu : 0;
}
