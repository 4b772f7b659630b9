using System.CommandLine;
using Flopwise.Hardware;
using Flopwise.Inputs;
using Flopwise.Reporting;

namespace Flopwise.Cli;

/// <summary>The options that name the hardware: <c>--gpu ID</c>, <c>--catalog my.json</c> and <c>--dtype</c>.</summary>
internal sealed class GpuOptions
{
    private readonly Option<string> _gpu = new("--gpu") { Description = "Accelerator id or alias (see flopwise gpus), e.g. h100, a100-sxm4-80gb.", HelpName = "ID" };
    private readonly Option<string> _catalog = new("--catalog") { Description = "A JSON file of accelerators that adds to or overrides the built-in catalog (same schema).", HelpName = "FILE" };
    private readonly ChoiceOption<DataType>? _dtype;

    public GpuOptions(Command command, string? dtypeDescription)
    {
        command.Add(_gpu);
        command.Add(_catalog);
        if (dtypeDescription is not null)
        {
            _dtype = new ChoiceOption<DataType>(command, "--dtype", dtypeDescription, DataTypes.All.Select(DataTypes.Name).ToArray(), DataTypes.TryParse);
        }
    }

    public static GpuCatalog Catalog(ParseResult parse, Option<string> catalogOption)
    {
        string? path = parse.GetValue(catalogOption);
        if (path is null)
        {
            return GpuCatalog.Default;
        }

        Outcome<GpuCatalog> user = GpuCatalog.Parse(TextFiles.Read("--catalog", path), Path.GetFileName(path));
        return user.Value is null ? throw UsageException.From(user.Errors[0]) : GpuCatalog.Default.MergedWith(user.Value);
    }

    public GpuCatalog Catalog(ParseResult parse) => Catalog(parse, _catalog);

    public DataType? DataType(ParseResult parse) => _dtype?.Get(parse);

    /// <summary>Resolves <c>--gpu</c>; <see langword="null"/> when not given. A resolution note goes to <paramref name="notes"/>.</summary>
    public GpuSpec? Resolve(ParseResult parse, List<Assumption> notes)
    {
        GpuCatalog catalog = Catalog(parse); // a bad --catalog is an error even when --gpu is not given
        string? typed = parse.GetValue(_gpu);
        if (typed is null)
        {
            return null;
        }

        GpuMatch match = catalog.Resolve(typed);
        if (match.Spec is null)
        {
            throw UsageException.From(match.Error!);
        }

        if (Flopwise.Calculators.GpuFields.ResolutionNote(match) is Assumption note)
        {
            notes.Add(note);
        }

        return match.Spec;
    }
}
