using Flopwise.Inputs;

namespace Flopwise.Scaling;

/// <summary>The outcome of <see cref="LawCatalog.Resolve"/>: a law (and an optional note) or an error.</summary>
/// <param name="Law">The law, or <see langword="null"/> on error.</param>
/// <param name="Note">How the name was resolved when it was not an exact id (e.g. <c>'chinchilla' is hoffmann</c>), for the assumptions.</param>
/// <param name="Error">The error (unknown or ambiguous name, with suggestions), or <see langword="null"/>.</param>
public sealed record LawMatch(ScalingLaw? Law, string? Note, FieldError? Error);
