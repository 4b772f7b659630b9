namespace Flopwise.Hardware;

/// <summary>A numeric format of weights, activations or matrix arithmetic.</summary>
/// <remarks>Names on the command line and in JSON are the lowercase enum names (<c>bf16</c>, <c>fp8</c>).</remarks>
public enum DataType
{
    /// <summary>IEEE single precision, 4 bytes (non-tensor-core FP32 peaks).</summary>
    Fp32,

    /// <summary>TensorFloat-32 tensor-core math on FP32 data, 4 bytes per element.</summary>
    Tf32,

    /// <summary>IEEE half precision, 2 bytes.</summary>
    Fp16,

    /// <summary>bfloat16, 2 bytes.</summary>
    Bf16,

    /// <summary>8-bit floating point (E4M3/E5M2), 1 byte.</summary>
    Fp8,

    /// <summary>8-bit integer, 1 byte.</summary>
    Int8,

    /// <summary>4-bit integer weights, half a byte (dequantised for compute).</summary>
    Int4,
}
