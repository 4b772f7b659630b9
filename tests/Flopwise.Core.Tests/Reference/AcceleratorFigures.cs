namespace Flopwise.Core.Tests.Reference;

/// <summary>
/// Accelerator figures of the vendors' data sheets (each row names its own) that the GPU catalog must hold, and the derived ridge
/// points and seed 001 check it must reproduce. Each figure names its source.
/// </summary>
/// <remarks>
/// Table values are printed figures and must match exactly (tolerance: double rounding, 1e-12 relative). Ridge
/// points are printed to the unit, so the tolerance is half a unit of the last printed digit: ±0.5 FLOP/byte.
/// </remarks>
public static class AcceleratorFigures
{
    /// <summary>Relative tolerance for printed table values, which the catalog copies exactly.</summary>
    public const double TableRelativeTolerance = 1e-12;

    /// <summary>
    /// One accelerator as its data sheet prints it: dense peaks in TFLOPS (TOPS for int8), 2:4-sparse peaks where printed,
    /// memory in the unit printed, bandwidth in TB/s and TDP in watts.
    /// </summary>
    public sealed record Accelerator(
        string Id,
        double? Fp16Dense,
        double? Bf16Dense,
        double? Bf16Sparse,
        double? Fp8Dense,
        double? Fp8Sparse,
        double? Fp32Dense,
        double? Tf32Dense,
        double? Int8Dense,
        double MemoryValue,
        string MemoryUnit,
        double BandwidthTBps,
        double? TdpWatts,
        string Source);

    /// <summary>NVIDIA V100 datasheet: 125 FP16 tensor, no BF16, 15.7 FP32, 32 GB, 0.900 TB/s, 300 W.</summary>
    public static readonly Accelerator V100Sxm2 = new(
        "v100-sxm2-32gb", 125, null, null, null, null, 15.7, null, null, 32, "GB", 0.900, 300, "NVIDIA V100 datasheet, https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf");

    /// <summary>NVIDIA brief PB-08744: 112 FP16 tensor, 14 FP32, 32 GB, 0.900 TB/s, 250 W.</summary>
    public static readonly Accelerator V100Pcie = new(
        "v100-pcie-32gb", 112, null, null, null, null, 14, null, null, 32, "GB", 0.900, 250, "NVIDIA product brief PB-08744 (V100 PCIe)");

    /// <summary>NVIDIA A100 datasheet (…1758950-r4): 312 (624), 19.5 / 156 / 624, 40 GB, 1.555 TB/s, 400 W.</summary>
    public static readonly Accelerator A100Sxm40 = new(
        "a100-sxm4-40gb", 312, 312, 624, null, null, 19.5, 156, 624, 40, "GB", 1.555, 400, "NVIDIA A100 datasheet, https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf");

    /// <summary>NVIDIA A100 datasheet: 312 (624), 80 GB, 2.039 TB/s, 400 W.</summary>
    public static readonly Accelerator A100Sxm80 = new(
        "a100-sxm4-80gb", 312, 312, 624, null, null, 19.5, 156, 624, 80, "GB", 2.039, 400, "NVIDIA A100 datasheet, https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf");

    /// <summary>NVIDIA A100 datasheet: PCIe 40 GB, 1.555 TB/s, 250 W.</summary>
    public static readonly Accelerator A100Pcie40 = new(
        "a100-pcie-40gb", 312, 312, 624, null, null, 19.5, 156, 624, 40, "GB", 1.555, 250, "NVIDIA A100 datasheet, https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf");

    /// <summary>NVIDIA A100 datasheet: PCIe 80 GB, 1.935 TB/s, 300 W.</summary>
    public static readonly Accelerator A100Pcie80 = new(
        "a100-pcie-80gb", 312, 312, 624, null, null, 19.5, 156, 624, 80, "GB", 1.935, 300, "NVIDIA A100 datasheet, https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf");

    /// <summary>NVIDIA H100 datasheet and Hopper whitepaper: 989.4 (1978.9), FP8 1978.9 (3957.8), 66.9 / 494.7 / 1978.9, 80 GB, 3.35 TB/s, 700 W.</summary>
    public static readonly Accelerator H100Sxm = new(
        "h100-sxm5-80gb", 989.4, 989.4, 1978.9, 1978.9, 3957.8, 66.9, 494.7, 1978.9, 80, "GB", 3.35, 700, "NVIDIA H100 datasheet, https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet; Hopper architecture whitepaper");

    /// <summary>NVIDIA brief PB-11133: 756 (1513), FP8 1513 (3026), 51 / 378 / 1513, 80 GB, 2.0 TB/s, 300–350 W (350 used).</summary>
    public static readonly Accelerator H100Pcie = new(
        "h100-pcie-80gb", 756, 756, 1513, 1513, 3026, 51, 378, 1513, 80, "GB", 2.0, 350, "NVIDIA product brief PB-11133, https://www.nvidia.com/content/dam/en-zz/Solutions/gtcs22/data-center/h100/PB-11133-001_v01.pdf");

    /// <summary>NVIDIA H200 datasheet: compute as H100 SXM, 141 GB, 4.8 TB/s, 700 W.</summary>
    public static readonly Accelerator H200 = new(
        "h200-sxm-141gb", 989.4, 989.4, 1978.9, 1978.9, 3957.8, 66.9, 494.7, 1978.9, 141, "GB", 4.8, 700, "NVIDIA H200 datasheet, https://www.nvidia.com/en-us/data-center/h200/");

    /// <summary>NVIDIA HGX B200 table (via glennklockwood.com): 2250 (4500), FP8 4500 (9000), 180 GB, 7.7 TB/s, 1000 W.</summary>
    public static readonly Accelerator B200 = new(
        "b200", 2250, 2250, 4500, 4500, 9000, null, null, null, 180, "GB", 7.7, 1000, "NVIDIA HGX B200 table, https://www.nvidia.com/en-us/data-center/hgx/ (read via glennklockwood.com/garden/processors/B200)");

    /// <summary>NVIDIA GB200 NVL72 table: 2500 dense, FP8 5000, 186 GB, 8.0 TB/s, ≤ 1200 W (1200 used).</summary>
    public static readonly Accelerator Gb200 = new(
        "gb200", 2500, 2500, null, 5000, null, null, null, null, 186, "GB", 8.0, 1200, "NVIDIA GB200 NVL72 table, https://www.nvidia.com/en-us/data-center/gb200-nvl72/");

    /// <summary>AMD table (secondary copies only): 383 matrix, FP32 47.9 vector, INT8 383, 128 GB, 3.2 TB/s, 500–560 W (560 used).</summary>
    public static readonly Accelerator Mi250x = new(
        "mi250x", 383, 383, null, null, null, 47.9, null, 383, 128, "GB", 3.2, 560, "AMD MI250X table (secondary copies of https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html)");

    /// <summary>AMD Instinct MI300X data sheet: 1307.4 (2614.9), FP8 2614.9 (5229.8), 163.4 / 653.7 / 2614.9, 192 GB, 5.3 TB/s, 750 W.</summary>
    public static readonly Accelerator Mi300x = new(
        "mi300x", 1307.4, 1307.4, 2614.9, 2614.9, 5229.8, 163.4, 653.7, 2614.9, 192, "GB", 5.3, 750, "AMD Instinct MI300X data sheet, https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf");

    /// <summary>NVIDIA L4 datasheet: 121 (242), FP8 242.5 (485), 30.3 / 60 / 242.5, 24 GB, 0.300 TB/s, 72 W.</summary>
    public static readonly Accelerator L4 = new(
        "l4", 121, 121, 242, 242.5, 485, 30.3, 60, 242.5, 24, "GB", 0.300, 72, "NVIDIA L4 datasheet, https://resources.nvidia.com/en-us-data-center-overview/l4-gpu-datasheet");

    /// <summary>NVIDIA L40S table (reseller copies): 362.05 (733), FP8 733 (1466), 91.6 / 183 / –, 48 GB, 0.864 TB/s, 350 W.</summary>
    public static readonly Accelerator L40s = new(
        "l40s", 362.05, 362.05, 733, 733, 1466, 91.6, 183, null, 48, "GB", 0.864, 350, "NVIDIA L40S table (reseller copies of https://www.nvidia.com/en-us/data-center/l40s/)");

    /// <summary>NVIDIA Ada whitepaper appendix: 165.2 FP32-accumulate, FP8 330.3 FP32-accumulate, 82.6 / 82.6 / 660.6, 24 GB, 1.008 TB/s, 450 W.</summary>
    public static readonly Accelerator Rtx4090 = new(
        "rtx-4090", 165.2, 165.2, null, 330.3, null, 82.6, 82.6, 660.6, 24, "GB", 1.008, 450, "NVIDIA Ada GPU architecture whitepaper, appendix, https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf");

    /// <summary>cloud.google.com/tpu/docs/v4: 275 BF16, INT8 275, 32 GiB, 1.2 TB/s, 192 W max measured.</summary>
    public static readonly Accelerator TpuV4 = new(
        "tpu-v4", null, 275, null, null, null, null, null, 275, 32, "GiB", 1.2, 192, "https://cloud.google.com/tpu/docs/v4");

    /// <summary>cloud.google.com/tpu/docs/v5e: 197 BF16, INT8 394, 16 GB, 0.819 TB/s, TDP not published.</summary>
    public static readonly Accelerator TpuV5e = new(
        "tpu-v5e", null, 197, null, null, null, null, null, 394, 16, "GB", 0.819, null, "https://cloud.google.com/tpu/docs/v5e");

    /// <summary>cloud.google.com/tpu/docs/v5p: 459 BF16, 95 GB, 2.765 TB/s, TDP not published.</summary>
    public static readonly Accelerator TpuV5p = new(
        "tpu-v5p", null, 459, null, null, null, null, null, null, 95, "GB", 2.765, null, "https://cloud.google.com/tpu/docs/v5p");

    /// <summary>Every accelerator above.</summary>
    public static readonly IReadOnlyList<Accelerator> All =
    [
        V100Sxm2, V100Pcie, A100Sxm40, A100Sxm80, A100Pcie40, A100Pcie80, H100Sxm, H100Pcie, H200, B200, Gb200, Mi250x,
        Mi300x, L4, L40s, Rtx4090, TpuV4, TpuV5e, TpuV5p,
    ];

    /// <summary>Ridge points are printed to the unit: half a unit of the last printed digit.</summary>
    public const double RidgeHalfUnit = 0.5;

    /// <summary>Derived from the data sheets above: V100 SXM2 ridge 139 FLOP/byte (125 FP16 ÷ 0.900 TB/s).</summary>
    public const double RidgeV100Sxm2 = 139;

    /// <summary>Derived from the data sheets above: A100-40GB ridge 201 FLOP/byte (312 ÷ 1.555).</summary>
    public const double RidgeA100Sxm40 = 201;

    /// <summary>Derived from the data sheets above: A100-80GB SXM ridge 153 FLOP/byte (312 ÷ 2.039).</summary>
    public const double RidgeA100Sxm80 = 153;

    /// <summary>Derived from the data sheets above: H100 SXM ridge 295 FLOP/byte (989.4 ÷ 3.35).</summary>
    public const double RidgeH100Sxm = 295;

    /// <summary>Derived from the data sheets above: H100 PCIe ridge 378 FLOP/byte (756 ÷ 2.0).</summary>
    public const double RidgeH100Pcie = 378;

    /// <summary>Derived from the data sheets above: H200 ridge 206 FLOP/byte (989.4 ÷ 4.8).</summary>
    public const double RidgeH200 = 206;

    /// <summary>Derived from the data sheets above: MI300X ridge 247 FLOP/byte (1307.4 ÷ 5.3).</summary>
    public const double RidgeMi300x = 247;

    /// <summary>Derived from the data sheets above: L4 ridge 403 FLOP/byte (121 ÷ 0.300).</summary>
    public const double RidgeL4 = 403;

    /// <summary>Derived from the data sheets above: RTX 4090 ridge 164 FLOP/byte (165.2 ÷ 1.008).</summary>
    public const double RidgeRtx4090 = 164;

    /// <summary>Derived from the data sheets above: B200 ridge 292 FLOP/byte at 7.7 TB/s (281 at the launch 8.0 TB/s).</summary>
    public const double RidgeB200 = 292;

    /// <summary>
    /// Seed 001 says "A100 80GB 2 TB/s, H100 3 TB/s, 50% more"; by the data sheets it is
    /// 3.35 / 2.039 − 1 = 0.643 (+64%), printed to three decimals, tested to ±0.005.
    /// </summary>
    public const double Seed001H100OverA100BandwidthGain = 0.643;

    /// <summary>Tolerance for <see cref="Seed001H100OverA100BandwidthGain"/>.</summary>
    public const double Seed001GainTolerance = 0.005;

    /// <summary>Relative tolerance for "sparse = 2 × dense": H100 PCIe prints 756 and 1,513 (2.0013×).</summary>
    public const double SparseRatioRelativeTolerance = 1e-3;
}
