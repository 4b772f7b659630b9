namespace Flopwise.Architectures;

/// <content>Parameter counts, all derived from one per-layer count.</content>
public sealed partial record ModelShape
{
    /// <summary>Gets the parameters of one norm: 2·h for LayerNorm (gain and bias), h for RMSNorm.</summary>
    public long ParametersPerNorm => Norms.ParametersPerNorm;

    /// <summary>Gets the parameters of one transformer layer, counting every expert: attention + MLP + norms.</summary>
    /// <remarks>
    /// <para>The one general count (docs/formulas.md), a sum over the components:</para>
    /// <list type="bullet">
    /// <item><see cref="Attention"/>: Q and O 2·h·q, K and V 2·h·kv (q = a·d, kv = k·d); biases q + 2·kv + h
    /// (<see cref="Biases"/>) or q + 2·kv (<see cref="QkvBiases"/>); relative positions one h·q projection
    /// (<see cref="PositionKind.Relative"/>);</item>
    /// <item><see cref="MlpBlock"/> per expert: 2·h·f (GELU) or 3·h·f (SwiGLU), biases f + h (GELU) or 2·f + h (SwiGLU)
    /// with <see cref="Biases"/>; × E experts, plus a router h·E when E &gt; 1;</item>
    /// <item><see cref="Norms"/>: two per layer (one with <see cref="ParallelBlock"/>) of <see cref="ParametersPerNorm"/>.</item>
    /// </list>
    /// <para>
    /// GPT-3 gives L·(4h² + 2hf + 9h + f), PaLM L·(2·h·a·d + 2·h·d + 3·h·f + h), LLaMA
    /// L·(2·h·a·d + 2·h·k·d + 3·h·f + 2h).
    /// </para>
    /// </remarks>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long ParametersPerLayer => Attention.Parameters + MlpBlock.Parameters + Norms.Parameters;

    /// <summary>Gets the parameters of one transformer layer that one token uses: e experts instead of E.</summary>
    /// <remarks>The router (h·E) runs for every token and is counted. Equal to <see cref="ParametersPerLayer"/> for a dense model.</remarks>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long ActiveParametersPerLayer => Attention.ActiveParameters + MlpBlock.ActiveParameters + Norms.ActiveParameters;

    /// <summary>
    /// Gets the embedding parameters: the input table V·h, the output head V·h again unless
    /// <see cref="TiedEmbeddings"/>, and a learned position table <see cref="MaxPositions"/>·h.
    /// </summary>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long EmbeddingParameters => Embedding.Parameters + Head.OutputParameters;

    /// <summary>
    /// Gets N, every parameter: L × <see cref="ParametersPerLayer"/> + the <see cref="Embedding"/> + the <see cref="Head"/>
    /// (final norm and, unless tied, the output projection).
    /// </summary>
    /// <remarks>
    /// Exact: GPT-3 174,604,259,328; PaLM-540B 540,356,474,880; Llama-2-7B 6,738,415,616; Mixtral 8x7B
    /// 46,702,792,704. Sources: Brown et al. 2020 (arXiv 2005.14165) Table 2.1; Chowdhery et al. 2022
    /// (arXiv 2204.02311) Table 1; Jiang et al. 2024 (arXiv 2401.04088); each preset's Hugging Face config.json.
    /// </remarks>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long TotalParameters => (Layers * ParametersPerLayer) + Embedding.Parameters + Head.Parameters;

    /// <summary>Gets the parameters one token uses: <see cref="TotalParameters"/> with e experts instead of E.</summary>
    /// <remarks>Mixtral 8x7B: 12,879,925,248 (paper: 13B). The N of every <see cref="FlopConvention"/>.</remarks>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long ActiveParameters => (Layers * ActiveParametersPerLayer) + Embedding.ActiveParameters + Head.ActiveParameters;

    /// <summary>
    /// Gets Kaplan's N: <see cref="TotalParameters"/> minus <see cref="EmbeddingParameters"/> (input table, untied
    /// head, learned positions); ≈ 12·L·h² for a GPT-style model.
    /// </summary>
    /// <remarks>Source: Kaplan et al. 2020 (arXiv 2001.08361) §2.1.</remarks>
    /// <exception cref="OverflowException">The shape is far outside <see cref="Validate"/>'s limits.</exception>
    public long NonEmbeddingParameters => TotalParameters - EmbeddingParameters;
}
