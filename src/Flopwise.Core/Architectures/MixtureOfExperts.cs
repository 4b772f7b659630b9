using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>A mixture of E experts, each token routed to e of them by a router of h·E parameters.</summary>
/// <remarks>
/// A step routing n tokens reads E·(1 − (1 − e/E)^n) distinct experts, the expectation under uniform independent
/// routing (e at n = 1). Every expert is held on every tensor-parallel GPU, its f split t ways. Immutable and
/// thread-safe.
/// </remarks>
public sealed record MixtureOfExperts : MlpBlock
{
    /// <summary>Gets E, the experts.</summary>
    public required int Experts { get; init; }

    /// <summary>Gets e, the experts each token is routed to.</summary>
    public required int ActiveExperts { get; init; }

    /// <summary>Gets the router's parameters: h·E.</summary>
    public long RouterParameters => (long)DModel * Experts;

    /// <inheritdoc/>
    public override long Parameters => (Experts * ParametersPerExpert) + RouterParameters;

    /// <inheritdoc/>
    /// <remarks>The router runs for every token and is counted.</remarks>
    public override long ActiveParameters => (ActiveExperts * ParametersPerExpert) + RouterParameters;

    /// <inheritdoc/>
    internal override void Validate(List<FieldError> errors)
    {
        base.Validate(errors);
        if (CheckCount(errors, "experts", Experts, ModelShape.MaxExperts))
        {
            CheckCount(errors, "active-experts", ActiveExperts, Experts);
        }
        else
        {
            CheckCount(errors, "active-experts", ActiveExperts, ModelShape.MaxExperts);
        }
    }

    /// <inheritdoc/>
    internal override double WeightBytesPerGpu(OperationSizes sizes) =>
        (Experts * ExpertWeightBytesPerGpu(sizes)) + ((double)DModel * Experts * sizes.PlainBytes);

    /// <inheritdoc/>
    internal override (double Assignments, double ExpertsRead) Routing(double tokens)
    {
        double experts = Experts;
        return (tokens * ActiveExperts, experts * (1 - Math.Pow(1 - (ActiveExperts / experts), tokens)));
    }

    /// <inheritdoc/>
    internal override void AddRouter(OperationSink sink, double tokens)
    {
        double n = tokens;
        double h = DModel;
        double experts = Experts;
        double x = sink.Sizes.ActivationBytes;
        sink.Add(2 * n * h * experts, h * experts * sink.Sizes.PlainBytes, (n * h * x) + (n * experts * x), 0);
    }
}
