using System.CommandLine;
using Flopwise.Cli.Rendering;
using Flopwise.Hardware;

namespace Flopwise.Cli.Commands;

/// <summary><c>flopwise gpus</c>: the accelerator catalog.</summary>
internal static class GpusCommand
{
    public const string Name = "gpus";

    public const string Description =
        "List the accelerator catalog: dense peaks per dtype (never sparse), memory, bandwidth, power, interconnect and a dated price.";

    public static void Configure(Command command, CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Write {\"rows\": [...]} as JSON instead of a table." };
        var catalog = new Option<string>("--catalog") { Description = "A JSON file of accelerators that adds to or overrides the built-in catalog.", HelpName = "FILE" };
        command.Add(json);
        command.Add(catalog);
        command.SetAction(parse =>
        {
            GpuCatalog gpus = GpuOptions.Catalog(parse, catalog);
            bool asJson = parse.GetValue(json);
            var rows = gpus.All.Select(g => (IReadOnlyList<ListCell>)Row(g, asJson)).ToList();
            ListOutput.Write(context, asJson, "Accelerators (dense peaks; 2:4 sparsity peaks are never used)", rows,
                "Prices are on-demand rental list prices on the date shown: volatile, override with --price-per-gpu-hour. Sources: flopwise gpus --json.");
            return CliApp.Ok;
        });
    }

    private static List<ListCell> Row(GpuSpec g, bool full)
    {
        var cells = new List<ListCell> { new("id", "id", Text: g.Id) };
        if (full)
        {
            cells.Add(new("name", "name", Text: g.Name));
        }

        foreach (DataType type in new[] { DataType.Fp32, DataType.Tf32, DataType.Fp16, DataType.Bf16, DataType.Fp8, DataType.Int8 })
        {
            if (full || type is DataType.Bf16 or DataType.Fp16 or DataType.Fp8)
            {
                cells.Add(new($"dense{Capital(type)}Tflops", $"{DataTypes.Name(type)} TFLOP/s", g.DensePeak(type)?.TeraflopPerSecond));
            }
        }

        if (full)
        {
            foreach (DataType type in DataTypes.All)
            {
                if (g.SparsePeaks.TryGetValue(type, out FlopRate sparse))
                {
                    cells.Add(new($"sparse{Capital(type)}Tflops", string.Empty, sparse.TeraflopPerSecond));
                }
            }
        }

        if (full)
        {
            cells.Add(new("memoryBytes", string.Empty, g.Memory.Bytes));
            cells.Add(new("memoryUnit", string.Empty, Text: g.MemoryUnit));
        }
        else
        {
            // In the unit the vendor prints: TPU v4 "32 GiB", NVIDIA "80 GB".
            double shown = g.MemoryUnit == GpuSpec.Gibibytes ? g.Memory.Gibibytes : g.Memory.Gigabytes;
            cells.Add(new("memory", "memory", Text: NumberDisplay.Format(shown) + " " + g.MemoryUnit));
        }

        cells.Add(new("memoryBandwidthBytesPerSecond", "TB/s", full ? g.MemoryBandwidth.BytesPerSecond : g.MemoryBandwidth.TerabytesPerSecond));
        cells.Add(new("tdpWatts", "TDP W", g.Tdp?.Watts));
        if (full)
        {
            cells.Add(new("interconnect", string.Empty, Text: g.InterconnectName));
            cells.Add(new("interconnectBytesPerSecond", string.Empty, g.InterconnectBandwidth?.BytesPerSecond));
        }

        cells.Add(new("priceUsdPerHour", "USD/h", g.Price?.PerHour.Usd));
        cells.Add(new("priceDate", "price date", Text: g.Price?.Date));
        if (full)
        {
            cells.Add(new("priceSource", string.Empty, Text: g.Price?.Source));
            cells.Add(new("source", string.Empty, Text: g.Source));
            cells.Add(new("notes", string.Empty, Text: g.Notes));
        }

        return cells;
    }

    private static string Capital(DataType type) => char.ToUpperInvariant(DataTypes.Name(type)[0]) + DataTypes.Name(type)[1..];
}
