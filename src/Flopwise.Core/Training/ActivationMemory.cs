using Flopwise.Architectures;

namespace Flopwise.Training;

/// <summary>
/// Activation memory per transformer layer during training (Korthikanti et al. 2022, "Reducing Activation
/// Recomputation in Large Transformer Models", arXiv 2205.05198, Table 2), and the pipeline factor of the first stage.
/// </summary>
/// <remarks>
/// Bytes per layer for sequence length s, micro-batch b, hidden size h, a attention heads and tensor-parallel degree
/// t, with 16-bit activations and 1-byte dropout masks:
/// no recomputation s·b·h·(10 + 24/t + 5·a·s/(h·t)); with sequence parallelism s·b·h·(34 + 5·a·s/h)/t; selective
/// recomputation (or FlashAttention) removes the 5·a·s/h term; full recomputation keeps only the layer input,
/// 2·s·b·h (÷ t with sequence parallelism). The constants are those of a GPT block (4h GELU MLP, LayerNorm,
/// dropout); a SwiGLU block without dropout differs, so results for Llama-style models are an approximation, stated
/// in the assumptions.
/// </remarks>
public static class ActivationMemory
{
    /// <summary>Gets the activation bytes one layer stores for the backward pass.</summary>
    /// <param name="seq">Sequence length s (tokens).</param>
    /// <param name="microBatch">Micro-batch size b.</param>
    /// <param name="hidden">Hidden size h.</param>
    /// <param name="heads">Attention heads a.</param>
    /// <param name="tensorParallel">Tensor-parallel degree t ≥ 1.</param>
    /// <param name="sequenceParallel">Whether sequence parallelism shards the non-tensor-parallel parts.</param>
    /// <param name="recompute">The recomputation scheme.</param>
    /// <param name="flashAttention">Whether FlashAttention avoids storing the a·s² attention matrices.</param>
    /// <returns>Bytes per layer.</returns>
    public static double PerLayer(
        double seq, double microBatch, double hidden, double heads, double tensorParallel, bool sequenceParallel,
        Recompute recompute, bool flashAttention)
    {
        return PerLayer(seq, microBatch, hidden, tensorParallel, sequenceParallel, recompute, flashAttention, Attention.StoredScoresPerElement(heads, seq, hidden));
    }

    /// <summary>Gets the activation bytes one layer stores for the backward pass, its attention term from the model's attention.</summary>
    /// <param name="attention">The layer's attention (its width h and its stored scores).</param>
    /// <param name="seq">Sequence length s (tokens).</param>
    /// <param name="microBatch">Micro-batch size b.</param>
    /// <param name="tensorParallel">Tensor-parallel degree t ≥ 1.</param>
    /// <param name="sequenceParallel">Whether sequence parallelism shards the non-tensor-parallel parts.</param>
    /// <param name="recompute">The recomputation scheme.</param>
    /// <param name="flashAttention">Whether FlashAttention avoids storing the attention scores.</param>
    /// <returns>Bytes per layer.</returns>
    public static double PerLayer(
        Attention attention, double seq, double microBatch, double tensorParallel, bool sequenceParallel, Recompute recompute, bool flashAttention)
    {
        ArgumentNullException.ThrowIfNull(attention);
        return PerLayer(seq, microBatch, attention.DModel, tensorParallel, sequenceParallel, recompute, flashAttention, attention.StoredScoresPerElement(seq));
    }

    /// <summary>
    /// Gets how many layers' worth of activations the first pipeline stage holds under 1F1B: p micro-batches in
    /// flight × ⌈L/p⌉ layers (L when p divides L), times (1 + (p − 1)/(p·m)) with m interleaved chunks per stage
    /// (m = 1: no interleaving, factor 1).
    /// </summary>
    /// <param name="layers">p × the layers per stage (L when p divides L).</param>
    /// <param name="pipelineParallel">Pipeline stages p.</param>
    /// <param name="interleave">Model chunks per stage m.</param>
    /// <returns>The number of layers' worth of activations.</returns>
    public static double FirstStageLayers(double layers, double pipelineParallel, double interleave) =>
        interleave > 1 ? layers * (1 + ((pipelineParallel - 1) / (pipelineParallel * interleave))) : layers;

    /// <summary>Gets the fp32 logits of the output layer, 4·s·b·V/t bytes, held by the GPU with the output layer.</summary>
    /// <param name="seq">Sequence length s.</param>
    /// <param name="microBatch">Micro-batch b.</param>
    /// <param name="vocab">Vocabulary V.</param>
    /// <param name="tensorParallel">Tensor-parallel degree t.</param>
    /// <returns>Bytes.</returns>
    public static double LogitsBytes(double seq, double microBatch, double vocab, double tensorParallel) =>
        4 * seq * microBatch * vocab / tensorParallel;

    private static double PerLayer(
        double seq, double microBatch, double hidden, double tensorParallel, bool sequenceParallel, Recompute recompute, bool flashAttention, double storedScores)
    {
        double sbh = seq * microBatch * hidden;
        double t = tensorParallel;
        if (recompute == Recompute.Full)
        {
            return sequenceParallel ? 2 * sbh / t : 2 * sbh;
        }

        double attention = recompute == Recompute.Selective || flashAttention ? 0 : storedScores;
        return sequenceParallel ? sbh * (34 + attention) / t : sbh * (10 + (24 / t) + (attention / t));
    }
}
