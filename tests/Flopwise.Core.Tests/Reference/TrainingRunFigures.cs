namespace Flopwise.Core.Tests.Reference;

/// <summary>
/// Published training-run figures with their sources and tolerances. "Half a unit" means half a
/// unit of the last printed digit of the published figure.
/// </summary>
public static class TrainingRunFigures
{
    /// <summary>T1: GPT-3 175B, 300B tokens: 3.14e23 FLOP (Brown et al. 2020, Table D.1). Half a unit: 0.005e23.</summary>
    public const double Gpt3Flop = 3.14e23;
    public const double Gpt3FlopHalfUnit = 0.005e23;
    public const double Gpt3Tokens = 300e9;

    /// <summary>T2: Chinchilla 70B on 1.4T tokens; reported 5.76e23 FLOP (Hoffmann et al. 2022, Table 1/3).</summary>
    public const double ChinchillaReportedFlop = 5.76e23;
    public const double ChinchillaPublishedParameters = 70e9;
    public const double ChinchillaTokens = 1.4e12;

    /// <summary>6·70e9·1.4e12 = 5.88e23 exceeds the reported 5.76e23 by 2.08 % (derived; docs/formulas.md, "Training runs", explains the gap).</summary>
    public const double ChinchillaSixNdGap = (6 * 70e9 * 1.4e12 / 5.76e23) - 1;

    /// <summary>T3: PaLM 540B, 780B tokens: 2.56e24 FLOP; MFU 46.2 % at 238.3e3 tokens/s on 6144 TPU v4 (Chowdhery et al. 2022, App. B, Table 3).</summary>
    public const double PalmFlop = 2.56e24;
    public const double PalmFlopHalfUnit = 0.005e24;
    public const double PalmTokens = 780e9;
    public const double PalmChips = 6144;
    public const double PalmTokensPerSecond = 238.3e3;
    public const double PalmMfu = 0.462;
    public const double PalmMfuTolerance = 0.001; // 0.1 percentage point: one unit of PaLM's printed 46.2% (Chowdhery et al. 2022, Table 3)

    /// <summary>T4: LLaMA-65B, 1.4T tokens on 2048 A100-80GB at 380 tokens/s/GPU: "~21 days", 1,022,362 GPU-h (Touvron et al. 2023).</summary>
    public const double Llama65Tokens = 1.4e12;
    public const double Llama65Gpus = 2048;
    public const double Llama65TokensPerSecondPerGpu = 380;
    public const double Llama65Days = 21;
    public const double Llama65DaysHalfUnit = 0.5;
    public const double Llama65GpuHours = 1_022_362;
    public const double Llama65GpuHoursRelativeTolerance = 0.01; // 1 %: the estimate rounds the throughput (Touvron et al. 2023, arXiv 2302.13971)

    /// <summary>T5: Llama-2 7B / 13B on 2T tokens: 184,320 / 368,640 A100-80GB GPU-h (Llama 2 model card); implied MFU 39.1 % / 37.7 % (derived, 0.1 pp).</summary>
    public const double Llama2Tokens = 2e12;
    public const double Llama2SevenGpuHours = 184_320;
    public const double Llama2ThirteenGpuHours = 368_640;
    public const double Llama2SevenMfu = 0.391;
    public const double Llama2ThirteenMfu = 0.377;
    public const double MfuTolerance = 0.001;

    /// <summary>T6: Llama-3 8B / 70B on 15T tokens: 1.3M / 6.4M H100 GPU-h (Llama 3 model card); implied MFU 15.6 % / 27.9 % (derived, 0.1 pp).</summary>
    public const double Llama3Tokens = 15e12;
    public const double Llama3EightGpuHours = 1.3e6;
    public const double Llama3SeventyGpuHours = 6.4e6;
    public const double Llama3EightMfu = 0.156;
    public const double Llama3SeventyMfu = 0.279;

    /// <summary>T8: seed 001, GPT-3's 3.14e23 FLOP on 10,000 V100 at 28 TFLOPS: "13 days" (1 %); 22.4 % of the 125 TFLOPS tensor peak.</summary>
    public const double Seed001Gpus = 10_000;
    public const double Seed001AchievedTflops = 28;
    public const double Seed001Days = 13;
    public const double Seed001DaysRelativeTolerance = 0.01;
    public const double Seed001Mfu = 0.224;
    public const double Seed001MfuTolerance = 0.0005; // printed to 0.1 pp: half a unit

    /// <summary>T9: seed 001, 10k V100 × 300 W × 13 days = 936 MWh; × PUE 1.5 = 1,404 MWh (exact arithmetic).</summary>
    public const double Seed001ItKwh = 936_000;
    public const double Seed001FacilityKwh = 1_404_000;
    public const double Seed001Pue = 1.5;

    /// <summary>E1–E3: Llama 2 7B / 13B / 70B, 31.22 / 62.44 / 291.42 tCO2e from GPU-hours × 400 W × 0.4235 kg/kWh (Llama 2 paper Table 2, model card); 0.5 %.</summary>
    public const double MetaA100Factor = 0.4235;
    public const double Llama2SeventyGpuHours = 1_720_320;
    public const double Llama2SevenCo2Kg = 31_220;
    public const double Llama2ThirteenCo2Kg = 62_440;
    public const double Llama2SeventyCo2Kg = 291_420;

    /// <summary>E4: Llama 3 70B, 1,900 tCO2e from 6.4M H100 GPU-h × 700 W × 0.424 kg/kWh (Llama 3 model card); 0.5 %.</summary>
    public const double MetaH100Factor = 0.424;
    public const double Llama3SeventyCo2Kg = 1_900_000;
    public const double Co2RelativeTolerance = 0.005;
}
