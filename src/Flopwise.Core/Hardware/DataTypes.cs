namespace Flopwise.Hardware;

/// <summary>Names and sizes of <see cref="DataType"/> values.</summary>
public static class DataTypes
{
    /// <summary>Gets every data type, in declaration order.</summary>
    public static IReadOnlyList<DataType> All { get; } = Enum.GetValues<DataType>();

    /// <summary>Gets the bytes per element: 4 (fp32, tf32), 2 (fp16, bf16), 1 (fp8, int8), 0.5 (int4).</summary>
    /// <param name="type">The data type.</param>
    /// <returns>The size in bytes.</returns>
    public static double BytesPerElement(DataType type) => type switch
    {
        DataType.Fp32 or DataType.Tf32 => 4,
        DataType.Fp16 or DataType.Bf16 => 2,
        DataType.Fp8 or DataType.Int8 => 1,
        DataType.Int4 => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Value should be a defined DataType."),
    };

    /// <summary>Gets the lowercase name, e.g. <c>bf16</c>.</summary>
    /// <param name="type">The data type.</param>
    /// <returns>The name used on the command line and in JSON.</returns>
    public static string Name(DataType type) => type.ToString().ToLowerInvariant();

    /// <summary>Parses a lowercase or mixed-case name such as <c>bf16</c>.</summary>
    /// <param name="text">The name.</param>
    /// <param name="type">The data type, when the name is known.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a data type.</returns>
    public static bool TryParse(string? text, out DataType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(text) || int.TryParse(text, out _))
        {
            return false;
        }

        return Enum.TryParse(text.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}
