namespace Flopwise.Architectures;

/// <content>Parameter counts, all derived from one per-layer count.</content>
public sealed partial record ModelShape
{
    /// <summary>Gets the parameters of one norm: 2·h for LayerNorm (gain and bias), h for RMSNorm.</summary>
    public long ParametersPerNorm => Norm == NormKind.LayerNorm ? 2L * DModel : DModel;

    /// <summary>Gets the parameters of one transformer layer, counting every expert.</summary>
    /// <remarks>
    /// <para>The one general count (docs/formulas.md), with q = a·d and kv = k·d:</para>
    /// <list type="bullet">
    /// <item>attention: Q and O 2·h·q, K and V 2·h·kv; biases q + 2·kv + h (<see cref="Biases"/>) or q + 2·kv
    /// (<see cref="QkvBiases"/>);</item>
    /// <item>MLP per expert: 2·h·f (GELU) or 3·h·f (SwiGLU), biases f + h (GELU) or 2·f + h (SwiGLU) with
    /// <see cref="Biases"/>; × E experts, plus a router h·E when E &gt; 1;</item>
    /// <item>norms: two per layer (one with <see cref="ParallelBlock"/>) of <see cref="ParametersPerNorm"/>;</item>
    /// <item>relative positions: one h·q projection (inferred, see <see cref="PositionKind.Relative"/>).</item>
    /// </list>
    /// <para>
    /// GPT-3 gives L·(4h² + 2hf + 9h + f), PaLM L·(2·h·a·d + 2·h·d + 3·h·f + h), LLaMA
    /// L·(2·h·a·d + 2·h·k·d + 3·h·f + 2h).
    /// </para>
    /// </remarks>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long ParametersPerLayer => LayerParameters(Experts);

    /// <summary>Gets the parameters of one transformer layer that one token uses: e experts instead of E.</summary>
    /// <remarks>The router (h·E) runs for every token and is counted. Equal to <see cref="ParametersPerLayer"/> for a dense model.</remarks>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long ActiveParametersPerLayer => LayerParameters(ActiveExperts);

    /// <summary>
    /// Gets the embedding parameters: the input table V·h, the output head V·h again unless
    /// <see cref="TiedEmbeddings"/>, and a learned position table <see cref="MaxPositions"/>·h.
    /// </summary>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long EmbeddingParameters =>
        ((long)Vocab * DModel * (TiedEmbeddings ? 1 : 2)) + (Position == PositionKind.Learned ? (long)MaxPositions * DModel : 0);

    /// <summary>
    /// Gets N, every parameter: L × <see cref="ParametersPerLayer"/> + the final norm + <see cref="EmbeddingParameters"/>.
    /// </summary>
    /// <remarks>
    /// Exact: GPT-3 174,604,259,328; PaLM-540B 540,356,474,880; Llama-2-7B 6,738,415,616; Mixtral 8x7B
    /// 46,702,792,704. Sources: Brown et al. 2020 (arXiv 2005.14165) Table 2.1; Chowdhery et al. 2022
    /// (arXiv 2204.02311) Table 1; Jiang et al. 2024 (arXiv 2401.04088); each preset's Hugging Face config.json.
    /// </remarks>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long TotalParameters => (Layers * ParametersPerLayer) + ParametersPerNorm + EmbeddingParameters;

    /// <summary>Gets the parameters one token uses: <see cref="TotalParameters"/> with e experts instead of E.</summary>
    /// <remarks>Mixtral 8x7B: 12,879,925,248 (paper: 13B). The N of every <see cref="FlopConvention"/>.</remarks>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long ActiveParameters => (Layers * ActiveParametersPerLayer) + ParametersPerNorm + EmbeddingParameters;

    /// <summary>
    /// Gets Kaplan's N: <see cref="TotalParameters"/> minus <see cref="EmbeddingParameters"/> (input table, untied
    /// head, learned positions); ≈ 12·L·h² for a GPT-style model.
    /// </summary>
    /// <remarks>Source: Kaplan et al. 2020 (arXiv 2001.08361) §2.1.</remarks>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long NonEmbeddingParameters => TotalParameters - EmbeddingParameters;

    private long LayerParameters(int experts)
    {
        long h = DModel;
        long q = (long)Heads * DHead;
        long kv = (long)KvHeads * DHead;
        long f = DFf;

        long attention = (2 * h * q) + (2 * h * kv);
        long attentionBiases = Biases ? q + (2 * kv) + h : QkvBiases ? q + (2 * kv) : 0;

        long upProjections = Mlp == MlpKind.SwiGlu ? 2 : 1;
        long mlpPerExpert = ((upProjections + 1) * h * f) + (Biases ? (upProjections * f) + h : 0);
        long router = IsMixtureOfExperts ? h * Experts : 0;

        long norms = (ParallelBlock ? 1 : 2) * ParametersPerNorm;
        long relativePositions = Position == PositionKind.Relative ? h * q : 0;

        return attention + attentionBiases + (experts * mlpPerExpert) + router + norms + relativePositions;
    }
}
