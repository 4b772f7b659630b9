using BenchmarkDotNet.Running;

namespace Flopwise.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/Flopwise.Benchmarks -- --filter '*'</c>.
/// CI builds this project but never runs it.
/// </summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
