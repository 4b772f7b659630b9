using Flopwise.Inputs;

namespace Flopwise.Hardware;

/// <summary>The outcome of <see cref="GpuCatalog.Resolve"/>: an accelerator (and an optional note) or an error.</summary>
/// <remarks>
/// Exactly one of <see cref="Spec"/> and <see cref="Error"/> is set. <see cref="Note"/> is set when the name typed was
/// an alias or a prefix rather than an exact id, e.g. <c>'h100' is h100-sxm5-80gb</c>; front ends list it with the
/// assumptions of the result. Immutable and thread-safe.
/// </remarks>
/// <param name="Spec">The accelerator, or <see langword="null"/> on error.</param>
/// <param name="Note">How the name was resolved when it was not an exact id, for the assumptions; otherwise
/// <see langword="null"/>.</param>
/// <param name="Error">The input error (unknown or ambiguous name), or <see langword="null"/>.</param>
public sealed record GpuMatch(GpuSpec? Spec, string? Note, FieldError? Error)
{
    /// <summary>Gets a value indicating whether the name resolved to an accelerator.</summary>
    /// <value><see langword="true"/> when <see cref="Spec"/> is set.</value>
    public bool IsFound => Spec is not null;
}
