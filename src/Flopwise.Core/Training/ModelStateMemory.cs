namespace Flopwise.Training;

/// <summary>
/// Bytes of weights, gradients and optimizer state per GPU under ZeRO (Rajbhandari et al. 2019, "ZeRO: Memory
/// Optimizations Toward Training Trillion Parameter Models", arXiv 1910.02054, §5 and Fig. 1).
/// </summary>
/// <remarks>
/// With Ψ parameters on a model-parallel rank, data-parallel degree N_d, weight and gradient bytes per parameter in
/// the training dtype, and K optimizer bytes per parameter (mixed-precision Adam: fp32 master, m and v, K = 12):
/// stage 0 keeps everything, stage 1 shards the optimizer state (K·Ψ/N_d), stage 2 also the gradients, stage 3 also
/// the weights. With bf16 Adam that is 16·Ψ, 4·Ψ + 12·Ψ/N_d, 2·Ψ + 14·Ψ/N_d and 16·Ψ/N_d bytes.
/// </remarks>
public static class ModelStateMemory
{
    /// <summary>Gets the bytes of weights, gradients and optimizer state on one GPU.</summary>
    /// <param name="parameters">Ψ, parameters on this model-parallel rank.</param>
    /// <param name="weightBytes">Bytes per weight (2 for bf16).</param>
    /// <param name="gradientBytes">Bytes per gradient (the training dtype: 2 for bf16).</param>
    /// <param name="optimizerBytes">K, optimizer bytes per parameter (12 for mixed-precision Adam).</param>
    /// <param name="zeroStage">ZeRO stage 0–3.</param>
    /// <param name="dataParallel">Data-parallel degree N_d ≥ 1.</param>
    /// <returns>(weights, gradients, optimizer) bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="zeroStage"/> is not 0–3.</exception>
    public static (double Weights, double Gradients, double Optimizer) PerGpu(
        double parameters, double weightBytes, double gradientBytes, double optimizerBytes, int zeroStage, double dataParallel)
    {
        if (zeroStage is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(zeroStage), zeroStage, "Value should be in range [0, 3].");
        }

        double weights = parameters * weightBytes / (zeroStage >= 3 ? dataParallel : 1);
        double gradients = parameters * gradientBytes / (zeroStage >= 2 ? dataParallel : 1);
        double optimizer = parameters * optimizerBytes / (zeroStage >= 1 ? dataParallel : 1);
        return (weights, gradients, optimizer);
    }

    /// <summary>Gets K, the optimizer bytes per parameter.</summary>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="mixedPrecision">Whether weights are 16-bit with an fp32 master copy.</param>
    /// <returns>AdamW 12 (fp32 master + m + v) or 8 in pure fp32; SGD with momentum 8 (master + momentum) or 4.</returns>
    public static double OptimizerBytesPerParameter(Optimizer optimizer, bool mixedPrecision) => (optimizer, mixedPrecision) switch
    {
        (Optimizer.AdamW, true) => 12,
        (Optimizer.AdamW, false) => 8,
        (Optimizer.Sgd, true) => 8,
        _ => 4,
    };
}
