using System.Text;

namespace Flopwise.Cli;

/// <summary>The <c>flopwise</c> executable.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // JSON, CSV and tables are UTF-8 whatever the locale (an ISO-8859-1 LANG would otherwise give Latin-1 bytes).
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var output = new GuardedWriter(Console.Out, "stdout");
        return CliApp.Run(args, output, Console.Error, isTerminal: !Console.IsOutputRedirected);
    }
}
