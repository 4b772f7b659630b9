namespace Flopwise.Architectures;

/// <summary>A dense MLP: one expert that every token uses.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DenseMlp : MlpBlock
{
    /// <inheritdoc/>
    public override long Parameters => ParametersPerExpert;

    /// <inheritdoc/>
    internal override double WeightBytesPerGpu(OperationSizes sizes) => ExpertWeightBytesPerGpu(sizes);

    /// <inheritdoc/>
    internal override (double Assignments, double ExpertsRead) Routing(double tokens) => (tokens, 1);
}
