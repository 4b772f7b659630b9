namespace Flopwise.Core.Tests.Reference;

/// <summary>
/// Published and derived figures for model architectures (REFERENCE.md §2, §12, §13.1, §13.5), each with its source
/// and tolerance: integer identities (parameter counts, KV bytes) exact; printed figures to half a unit of the last
/// printed digit (the <c>HalfUnit</c> constant beside each).
/// </summary>
public static class ModelFigures
{
    // ---- Exact parameter counts (REFERENCE §12 "params (formula)"; exact integer equality) ----

    /// <summary>GPT-3 175B: L·(12h² + 13h) + V·h + 2048·h + 2h. REFERENCE §2.1, §12; Brown et al. 2020, Table 2.1.</summary>
    public const long Gpt3Parameters = 174_604_259_328;

    /// <summary>PaLM 540B: L·(2·h·a·d + 2·h·d + 3·h·f + h) + V·h + h. REFERENCE §2.1; Chowdhery et al. 2022, Table 1 (540.35B).</summary>
    public const long Palm540BParameters = 540_356_474_880;

    /// <summary>PaLM 540B as printed, "540.35B" (Chowdhery et al. 2022, Table 1): it truncates the exact count (540.356B).</summary>
    public const double PalmPublishedParameters = 540.35e9;

    /// <summary>LLaMA-7B and Llama-2-7B. REFERENCE §12; HF config of meta-llama/Llama-2-7b-hf.</summary>
    public const long Llama7BParameters = 6_738_415_616;

    /// <summary>LLaMA-65B. REFERENCE §12.</summary>
    public const long Llama65BParameters = 65_285_660_672;

    /// <summary>Llama-2-13B. REFERENCE §12.</summary>
    public const long Llama2_13BParameters = 13_015_864_320;

    /// <summary>Llama-2-70B (GQA, 8 KV heads, untied). REFERENCE §12, §14 (tied would give 68.71B).</summary>
    public const long Llama2_70BParameters = 68_976_648_192;

    /// <summary>Llama-3(.1)-8B. REFERENCE §12; meta-llama/llama-models sku_list.py.</summary>
    public const long Llama3_8BParameters = 8_030_261_248;

    /// <summary>Llama-3(.1)-70B. REFERENCE §12.</summary>
    public const long Llama3_70BParameters = 70_553_706_496;

    /// <summary>Llama-3.1-405B. REFERENCE §12.</summary>
    public const long Llama31_405BParameters = 405_853_388_800;

    /// <summary>Mistral-7B. REFERENCE §12; Jiang et al. 2023, Table 1.</summary>
    public const long Mistral7BParameters = 7_241_732_096;

    /// <summary>Mixtral 8x7B total. REFERENCE §2.1, §12 (paper: 47B).</summary>
    public const long MixtralTotalParameters = 46_702_792_704;

    /// <summary>Mixtral 8x7B active (top-2, router counted). REFERENCE §2.1, §12 (paper: 13B).</summary>
    public const long MixtralActiveParameters = 12_879_925_248;

    /// <summary>GPT-2 small (n_embd 768, n_layer 12, n_head 12, vocab 50257, n_positions 1024, tied). The brief; HF <c>gpt2</c> (124M).</summary>
    public const long Gpt2SmallParameters = 124_439_808;

    // ---- Printed parameter figures (half a unit of the last printed digit) ----

    /// <summary>Chinchilla "70B" (Hoffmann et al. 2022, Table 4): 69.5e9 .. 70.5e9.</summary>
    public const double ChinchillaPublished = 70e9;
    public const double ChinchillaPublishedHalfUnit = 0.5e9;

    /// <summary>REFERENCE §2.1: 13·L·h² + V·h ≈ 70.06B for Chinchilla (an inferred rule of thumb, printed to 0.01B).</summary>
    public const double ChinchillaThirteenRule = 70.06e9;
    public const double ChinchillaThirteenRuleHalfUnit = 0.005e9;

    /// <summary>Gopher "280B" (Rae et al. 2021, Table 1): 279.5e9 .. 280.5e9.</summary>
    public const double GopherPublished = 280e9;
    public const double GopherPublishedHalfUnit = 0.5e9;

    /// <summary>REFERENCE §2.1: 13·L·h² + V·h ≈ 279.7B for Gopher (printed to 0.1B).</summary>
    public const double GopherThirteenRule = 279.7e9;
    public const double GopherThirteenRuleHalfUnit = 0.05e9;

    /// <summary>REFERENCE §2.1: 12·L·h² (+ V·h) gives only 64.7B for "70B" Chinchilla (printed to 0.1B).</summary>
    public const double ChinchillaTwelveRule = 64.7e9;
    public const double ChinchillaTwelveRuleHalfUnit = 0.05e9;

    // ---- FLOP per token (REFERENCE §2.2 vector; §13.1 T3) ----

    /// <summary>REFERENCE §13.1 T3: PaLM-540B at T 2048, model FLOP 6·540.35e9 + 12·118·48·256·2048 = 3.2777e12 FLOP/token.</summary>
    public const double PalmModelFlopPerToken = 3.2777e12;
    public const double PalmModelFlopPerTokenHalfUnit = 0.00005e12;

    /// <summary>REFERENCE §13.1 T3: PaLM training compute 2.56e24 FLOP (Chowdhery et al. 2022, Table 3 / App. B) from 780e9 tokens.</summary>
    public const double PalmTrainingFlop = 2.56e24;
    public const double PalmTrainingFlopHalfUnit = 0.005e24;

    /// <summary>REFERENCE §2.2 vector (derived): Llama-3-8B at T 8192, 6N = 4.818e10 FLOP/token.</summary>
    public const double Llama3_8BSixN = 4.818e10;

    /// <summary>REFERENCE §2.2 vector: 6·N_nonemb = 4.188e10 FLOP/token.</summary>
    public const double Llama3_8BSixNNonEmbedding = 4.188e10;

    /// <summary>REFERENCE §2.2 vector: PaLM non-causal (model FLOP) = 6.107e10 FLOP/token.</summary>
    public const double Llama3_8BModel = 6.107e10;

    /// <summary>REFERENCE §2.2 vector: causal = 5.462e10 FLOP/token.</summary>
    public const double Llama3_8BCausal = 5.462e10;

    /// <summary>Half a unit of the last printed digit of the four Llama-3-8B figures (4 significant figures, e10).</summary>
    public const double Llama3_8BHalfUnit = 0.0005e10;

    /// <summary>Sequence length of the Llama-3-8B vector.</summary>
    public const int Llama3_8BSeq = 8192;

    // ---- Reported training compute (REFERENCE §12, §13.1) ----

    /// <summary>GPT-3: 3.14e23 FLOP (Brown et al. 2020, Table D.1); 6·N·300e9 within 0.5% (REFERENCE §13.1 T1).</summary>
    public const double Gpt3TrainingFlop = 3.14e23;
    public const double Gpt3TrainingFlopRelTol = 0.005;

    /// <summary>Chinchilla and Gopher: 5.76e23 FLOP (Hoffmann et al. 2022). REFERENCE §13.1 T2.</summary>
    public const double ChinchillaGopherTrainingFlop = 5.76e23;

    /// <summary>REFERENCE §13.1 T2, the gap to report: 6·70e9·1.4e12 = 5.88e23 (printed to 3 figures).</summary>
    public const double ChinchillaSixNDPublished = 5.88e23;

    /// <summary>REFERENCE §13.1 T2: 6·280e9·300e9 = 5.04e23 for Gopher (printed to 3 figures).</summary>
    public const double GopherSixNDPublished = 5.04e23;
    public const double SixNDHalfUnit = 0.005e23;

    /// <summary>Llama 3.1 405B: 3.8e25 FLOP (Dubey et al. 2024, §1), printed to 2 figures.</summary>
    public const double Llama31_405BTrainingFlop = 3.8e25;
    public const double Llama31_405BTrainingFlopHalfUnit = 0.05e25;

    // ---- KV bytes per token at bf16 (REFERENCE §13.5; exact) ----

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

    /// <summary>REFERENCE §13.5 I3: Llama-2-7B weights at bf16 = 13.477 GB (2 × 6,738,415,616 B, exact).</summary>
    public const double Llama2_7BWeightsBytesBf16 = 13_476_831_232;
}
