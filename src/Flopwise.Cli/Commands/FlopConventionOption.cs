using System.CommandLine;
using Flopwise.Architectures;
using Flopwise.Cli.Rendering;
using Flopwise.Training;

namespace Flopwise.Cli.Commands;

/// <summary>The <c>--flop-convention 6n|model|causal</c> option.</summary>
internal static class FlopConventionOption
{
    public static ChoiceOption<FlopConvention> Create(Command command) => new(
        command,
        "--flop-convention",
        "How training FLOP are counted: 6n (C = 6·N·D, default), model (PaLM/Megatron: + non-causal attention 12·L·a·d·T per token), causal (+ half that).",
        FlopConventions.Names,
        FlopConventions.TryParse);
}
