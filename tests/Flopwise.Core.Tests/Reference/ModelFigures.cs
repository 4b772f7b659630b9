namespace Flopwise.Core.Tests.Reference;

/// <summary>
/// Published and derived figures for model architectures, each with its source
/// and tolerance: integer identities (parameter counts, KV bytes) exact; printed figures to half a unit of the last
/// printed digit (the <c>HalfUnit</c> constant beside each).
/// </summary>
public static class ModelFigures
{
    // ---- Exact parameter counts (the per-layer count of docs/formulas.md on published shapes; exact integer equality) ----

    /// <summary>GPT-3 175B: L·(12h² + 13h) + V·h + 2048·h + 2h. Brown et al. 2020 (arXiv 2005.14165), Table 2.1.</summary>
    public const long Gpt3Parameters = 174_604_259_328;

    /// <summary>PaLM 540B: L·(2·h·a·d + 2·h·d + 3·h·f + h) + V·h + h. Chowdhery et al. 2022 (arXiv 2204.02311), Table 1 (540.35B).</summary>
    public const long Palm540BParameters = 540_356_474_880;

    /// <summary>PaLM 540B as printed, "540.35B" (Chowdhery et al. 2022, Table 1): it truncates the exact count (540.356B).</summary>
    public const double PalmPublishedParameters = 540.35e9;

    /// <summary>LLaMA-7B and Llama-2-7B. Touvron et al. 2023 (arXiv 2302.13971), Table 2; HF config of meta-llama/Llama-2-7b-hf.</summary>
    public const long Llama7BParameters = 6_738_415_616;

    /// <summary>LLaMA-65B. Touvron et al. 2023 (arXiv 2302.13971), Table 2; d_ff from Meta's reference code.</summary>
    public const long Llama65BParameters = 65_285_660_672;

    /// <summary>Llama-2-13B. HF config of meta-llama/Llama-2-13b-hf (arXiv 2307.09288).</summary>
    public const long Llama2_13BParameters = 13_015_864_320;

    /// <summary>Llama-2-70B (GQA, 8 KV heads, untied). HF config of meta-llama/Llama-2-70b-hf (tied would give 68.71B, as llm-analysis counts).</summary>
    public const long Llama2_70BParameters = 68_976_648_192;

    /// <summary>Llama-3(.1)-8B. meta-llama/llama-models sku_list.py.</summary>
    public const long Llama3_8BParameters = 8_030_261_248;

    /// <summary>Llama-3(.1)-70B. meta-llama/llama-models sku_list.py.</summary>
    public const long Llama3_70BParameters = 70_553_706_496;

    /// <summary>Llama-3.1-405B. meta-llama/llama-models sku_list.py; Llama 3 paper (arXiv 2407.21783).</summary>
    public const long Llama31_405BParameters = 405_853_388_800;

    /// <summary>Mistral-7B. Jiang et al. 2023 (arXiv 2310.06825), Table 1.</summary>
    public const long Mistral7BParameters = 7_241_732_096;

    /// <summary>Mixtral 8x7B total. Jiang et al. 2024 (arXiv 2401.04088); HF config (paper: 47B).</summary>
    public const long MixtralTotalParameters = 46_702_792_704;

    /// <summary>Mixtral 8x7B active (top-2, router counted). Jiang et al. 2024 (arXiv 2401.04088); HF config (paper: 13B).</summary>
    public const long MixtralActiveParameters = 12_879_925_248;

    /// <summary>GPT-2 small (n_embd 768, n_layer 12, n_head 12, vocab 50257, n_positions 1024, tied). The brief; HF <c>gpt2</c> (124M).</summary>
    public const long Gpt2SmallParameters = 124_439_808;

    // ---- Printed parameter figures (half a unit of the last printed digit) ----

    /// <summary>Chinchilla "70B" (Hoffmann et al. 2022, Table 4): 69.5e9 .. 70.5e9.</summary>
    public const double ChinchillaPublished = 70e9;
    public const double ChinchillaPublishedHalfUnit = 0.5e9;

    /// <summary>Derived from Hoffmann et al. 2022 Table 4's shape: 13·L·h² + V·h ≈ 70.06B for Chinchilla (an inferred rule of thumb, printed to 0.01B).</summary>
    public const double ChinchillaThirteenRule = 70.06e9;
    public const double ChinchillaThirteenRuleHalfUnit = 0.005e9;

    /// <summary>Gopher "280B" (Rae et al. 2021, Table 1): 279.5e9 .. 280.5e9.</summary>
    public const double GopherPublished = 280e9;
    public const double GopherPublishedHalfUnit = 0.5e9;

    /// <summary>Derived from Rae et al. 2021 Table 1's shape: 13·L·h² + V·h ≈ 279.7B for Gopher (printed to 0.1B).</summary>
    public const double GopherThirteenRule = 279.7e9;
    public const double GopherThirteenRuleHalfUnit = 0.05e9;

    /// <summary>Derived: 12·L·h² (+ V·h) gives only 64.7B for "70B" Chinchilla (printed to 0.1B).</summary>
    public const double ChinchillaTwelveRule = 64.7e9;
    public const double ChinchillaTwelveRuleHalfUnit = 0.05e9;

    // ---- FLOP per token (derived; PaLM from Chowdhery et al. 2022, App. B) ----

    /// <summary>Chowdhery et al. 2022, App. B: PaLM-540B at T 2048, model FLOP 6·540.35e9 + 12·118·48·256·2048 = 3.2777e12 FLOP/token.</summary>
    public const double PalmModelFlopPerToken = 3.2777e12;
    public const double PalmModelFlopPerTokenHalfUnit = 0.00005e12;

    /// <summary>PaLM training compute 2.56e24 FLOP (Chowdhery et al. 2022, Table 3 / App. B) from 780e9 tokens.</summary>
    public const double PalmTrainingFlop = 2.56e24;
    public const double PalmTrainingFlopHalfUnit = 0.005e24;

    /// <summary>Derived: Llama-3-8B at T 8192, 6N = 4.818e10 FLOP/token.</summary>
    public const double Llama3_8BSixN = 4.818e10;

    /// <summary>Derived: 6·N_nonemb = 4.188e10 FLOP/token.</summary>
    public const double Llama3_8BSixNNonEmbedding = 4.188e10;

    /// <summary>Derived: PaLM non-causal (model FLOP) = 6.107e10 FLOP/token.</summary>
    public const double Llama3_8BModel = 6.107e10;

    /// <summary>Derived: causal = 5.462e10 FLOP/token.</summary>
    public const double Llama3_8BCausal = 5.462e10;

    /// <summary>Half a unit of the last printed digit of the four Llama-3-8B figures (4 significant figures, e10).</summary>
    public const double Llama3_8BHalfUnit = 0.0005e10;

    /// <summary>Sequence length of the Llama-3-8B vector.</summary>
    public const int Llama3_8BSeq = 8192;

    // ---- Reported training compute ----

    /// <summary>GPT-3: 3.14e23 FLOP (Brown et al. 2020, Table D.1); 6·N·300e9 within 0.5%.</summary>
    public const double Gpt3TrainingFlop = 3.14e23;
    public const double Gpt3TrainingFlopRelTol = 0.005;

    /// <summary>Chinchilla and Gopher: 5.76e23 FLOP (Hoffmann et al. 2022, arXiv 2203.15556).</summary>
    public const double ChinchillaGopherTrainingFlop = 5.76e23;

    /// <summary>Derived, the gap to report: 6·70e9·1.4e12 = 5.88e23 (printed to 3 figures).</summary>
    public const double ChinchillaSixNDPublished = 5.88e23;

    /// <summary>Derived: 6·280e9·300e9 = 5.04e23 for Gopher (printed to 3 figures).</summary>
    public const double GopherSixNDPublished = 5.04e23;
    public const double SixNDHalfUnit = 0.005e23;

    /// <summary>Llama 3.1 405B: 3.8e25 FLOP (Dubey et al. 2024, §1), printed to 2 figures.</summary>
    public const double Llama31_405BTrainingFlop = 3.8e25;
    public const double Llama31_405BTrainingFlopHalfUnit = 0.05e25;

    // ---- KV bytes per token at bf16 (2 · L · k · d · 2 B; exact) ----

    /// <summary>Llama-2-7B: 2·32·32·128·2 = 524,288 (512 KiB).</summary>
    public const double Llama2_7BKvBytes = 524_288;

    /// <summary>Llama-2-70B and Llama-3-70B: 327,680 (320 KiB).</summary>
    public const double Llama2_70BKvBytes = 327_680;

    /// <summary>Llama-3-8B, Mistral-7B, Mixtral: 131,072 (128 KiB).</summary>
    public const double Llama3_8BKvBytes = 131_072;

    /// <summary>Llama-3.1-405B: 516,096 (504 KiB).</summary>
    public const double Llama31_405BKvBytes = 516_096;

    /// <summary>GPT-3: 4,718,592 (4.5 MiB).</summary>
    public const double Gpt3KvBytes = 4_718_592;

    /// <summary>PaLM-540B (multi-query): 120,832 (118 KiB).</summary>
    public const double PalmKvBytes = 120_832;

    /// <summary>Chinchilla-70B: 2,621,440 (2.5 MiB).</summary>
    public const double ChinchillaKvBytes = 2_621_440;

    /// <summary>Llama-2-7B weights at bf16 = 13.477 GB (2 × 6,738,415,616 B, exact).</summary>
    public const double Llama2_7BWeightsBytesBf16 = 13_476_831_232;
}
