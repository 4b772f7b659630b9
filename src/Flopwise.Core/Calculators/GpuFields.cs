using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Calculators;

/// <summary>
/// The fields that name the hardware: <c>gpu</c> (an id or alias), <c>catalog</c> (a user's catalog file, merged over
/// the built-in one) and a <c>dtype</c>, with the one resolver every calculator uses.
/// </summary>
public static class GpuFields
{
    /// <summary>Gets the GPU field.</summary>
    public static Field Gpu { get; } = new()
    {
        Name = "gpu",
        Kind = FieldKind.Name,
        Label = "GPU",
        Description = "Accelerator id or alias (see flopwise gpus), e.g. h100, a100-sxm4-80gb.",
        HelpName = "ID",
    };

    /// <summary>Gets the user catalog field (a file's text; the web refuses it).</summary>
    public static Field Catalog { get; } = new()
    {
        Name = "catalog",
        Kind = FieldKind.File,
        Label = "Accelerator catalog",
        Description = "A JSON file of accelerators that adds to or overrides the built-in catalog (same schema).",
        HelpName = "FILE",
        WebUpload = false,
        Advanced = true,
    };

    /// <summary>Gets the GPU and catalog fields.</summary>
    public static IReadOnlyList<Field> All { get; } = [Gpu, Catalog];

    /// <summary>Creates a <c>dtype</c> field with the calculator's own description of it.</summary>
    /// <param name="description">What the data type sets in this calculator, and its default.</param>
    /// <returns>The field.</returns>
    public static Field DataType(string description) => new()
    {
        Name = "dtype",
        Kind = FieldKind.Choice,
        Label = "Data type",
        Description = description,
        Choices = DataTypes.All.Select(DataTypes.Name).ToArray(),
        Advanced = true,
    };

    /// <summary>Reads <c>dtype</c>.</summary>
    /// <param name="inputs">The call's inputs.</param>
    /// <returns>The data type, or <see langword="null"/>.</returns>
    public static DataType? ReadDataType(CalculatorInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.Choice<DataType>("dtype", DataTypes.TryParse);
    }

    /// <summary>Reads the catalog: the built-in one, merged with the user's when given (a bad one is recorded).</summary>
    /// <param name="inputs">The call's inputs.</param>
    /// <returns>The catalog.</returns>
    public static GpuCatalog ReadCatalog(CalculatorInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        string? text = inputs.Text(Catalog.Name);
        if (text is null)
        {
            return GpuCatalog.Default;
        }

        Outcome<GpuCatalog> user = GpuCatalog.Parse(text, inputs.FileName(Catalog.Name) ?? "catalog.json");
        if (user.Value is null)
        {
            inputs.AddRange(user.Errors);
            return GpuCatalog.Default;
        }

        return GpuCatalog.Default.MergedWith(user.Value);
    }

    /// <summary>Resolves <c>gpu</c> against the catalog; how an alias resolved becomes an assumption.</summary>
    /// <param name="inputs">The call's inputs.</param>
    /// <returns>The GPU, or <see langword="null"/> when not given or unknown (the error is recorded).</returns>
    public static GpuSpec? Read(CalculatorInputs inputs)
    {
        GpuCatalog catalog = ReadCatalog(inputs); // a bad catalog is an error even when no GPU is named
        string? typed = inputs.Text(Gpu.Name);
        if (typed is null)
        {
            return null;
        }

        GpuMatch match = catalog.Resolve(typed);
        if (match.Spec is null)
        {
            inputs.Add(match.Error!);
            return null;
        }

        if (ResolutionNote(match) is Assumption note)
        {
            inputs.AddNote(note);
        }

        return match.Spec;
    }

    /// <summary>Gets the assumption that says how a GPU name resolved (an alias or a prefix), or <see langword="null"/> for an exact id.</summary>
    /// <param name="match">A successful match.</param>
    /// <returns>The assumption <c>gpuName</c>, or <see langword="null"/>.</returns>
    public static Assumption? ResolutionNote(GpuMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Note is null || match.Spec is null ? null : new Assumption
        {
            Name = "gpuName",
            Label = "GPU name",
            Text = match.Spec.Id,
            Description = match.Note + ".",
            IsDefault = false,
        };
    }
}
