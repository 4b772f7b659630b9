namespace Flopwise.Cli;

/// <summary>The <c>flopwise</c> executable.</summary>
internal static class Program
{
    private static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);
}
