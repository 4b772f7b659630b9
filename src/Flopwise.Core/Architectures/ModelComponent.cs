using System.Globalization;
using Flopwise.Inputs;

namespace Flopwise.Architectures;

/// <summary>
/// One part of a decoder-only transformer (<see cref="ModelShape"/>): the embedding, the attention, the MLP, the norms
/// or the output head. Each part owns its parameter count, its FLOP per token, its validation and, for the serving
/// roofline, its operations and how tensor parallelism splits them; the model's totals are their sums.
/// </summary>
/// <remarks>
/// <see cref="Attention"/>, <see cref="MlpBlock"/> and <see cref="Norms"/> describe one layer (L of each);
/// <see cref="Embedding"/> and <see cref="OutputHead"/> occur once. So N = L × (attention + MLP + norms) + embedding +
/// head (<see cref="ModelShape.TotalParameters"/>). Immutable and thread-safe.
/// </remarks>
public abstract record ModelComponent
{
    /// <summary>Gets the parameters of the component (one layer's, for a per-layer component), counting every expert.</summary>
    /// <exception cref="OverflowException">The shape is far outside <see cref="ModelShape.Validate"/>'s limits.</exception>
    public abstract long Parameters { get; }

    /// <summary>Gets the parameters one token uses: <see cref="Parameters"/>, except that a mixture of experts counts e of its E experts.</summary>
    /// <exception cref="OverflowException">The shape is far outside <see cref="ModelShape.Validate"/>'s limits.</exception>
    public virtual long ActiveParameters => Parameters;

    /// <summary>
    /// Gets the forward FLOP per token of the component's weights: 2 per active parameter (one multiply and one add),
    /// without attention's context term (<see cref="Attention.ContextFlopPerToken"/>).
    /// </summary>
    /// <exception cref="OverflowException">The shape is far outside <see cref="ModelShape.Validate"/>'s limits.</exception>
    public double ForwardFlopPerToken => 2.0 * ActiveParameters;

    /// <summary>Adds the errors of the component's counts, named by their CLI option names.</summary>
    /// <param name="errors">The list to add to.</param>
    internal abstract void Validate(List<FieldError> errors);

    /// <summary>Checks that a count is from 1 to a maximum; adds the error otherwise.</summary>
    /// <param name="errors">The list to add to.</param>
    /// <param name="field">The field (CLI option name).</param>
    /// <param name="value">The count.</param>
    /// <param name="maximum">The largest valid count.</param>
    /// <returns><see langword="true"/> when the count is valid.</returns>
    internal static bool CheckCount(List<FieldError> errors, string field, int value, int maximum)
    {
        string expected = ArchitectureMessages.WholeNumber(maximum);
        if (value < 1)
        {
            errors.Add(new FieldError(field, Messages.TooSmall("1", inclusive: true), Format(value), expected));
            return false;
        }

        if (value > maximum)
        {
            errors.Add(new FieldError(field, Messages.TooLarge(Format(maximum), inclusive: true), Format(value), expected));
            return false;
        }

        return true;
    }

    /// <summary>Formats a count, invariant culture.</summary>
    /// <param name="value">The count.</param>
    /// <returns>The text.</returns>
    internal static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
