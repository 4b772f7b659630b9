namespace Flopwise.Core.Tests.Reference;

/// <summary>Published training-memory figures with sources and tolerances.</summary>
public static class MemoryFigures
{
    /// <summary>M1: ZeRO, Ψ = 7.5B, K = 12, N_d = 64: 120 / 31.4 / 16.6 / 1.9 GB per GPU for stages 0–3 (Rajbhandari et al. 2019, Fig. 1); half a unit of the printed digit.</summary>
    public const double ZeroParameters = 7.5e9;
    public const double ZeroDataParallel = 64;
    public static readonly double[] ZeroStageGigabytes = [120, 31.4, 16.6, 1.9];
    public static readonly double[] ZeroStageHalfUnits = [0.5, 0.05, 0.05, 0.05];

    /// <summary>M2–M4: Korthikanti et al. 2022, Fig. 1 as transcribed in calculon validation.py; per-layer bytes × L × pipeline factor, in GiB; tolerance 0.01 GiB.</summary>
    public const double GibTolerance = 0.01;

    /// <summary>M2: 22B (L 48, h 6144, a 64, s 2048, micro-batch 4, t 8, p 1): TP only 59.25 GiB; TP + SP + selective 9.56 GiB.</summary>
    public const double M2TensorParallelGib = 59.25;
    public const double M2SelectiveGib = 9.56;

    /// <summary>M3: 530B (L 105, h 20480, a 128, b 1, t 8, p 35, interleaved m 3): 114.02 GiB (86.13 before the factor); 23.08 GiB (17.43).</summary>
    public const double M3TensorParallelGib = 114.02;
    public const double M3TensorParallelBeforeFactorGib = 86.13;
    public const double M3SelectiveGib = 23.08;
    public const double M3SelectiveBeforeFactorGib = 17.43;

    /// <summary>M4: 1T (L 128, h 25600, a 160, b 1, t 8, p 64, not interleaved): 131.25 GiB; 26.56 GiB.</summary>
    public const double M4TensorParallelGib = 131.25;
    public const double M4SelectiveGib = 26.56;
}
