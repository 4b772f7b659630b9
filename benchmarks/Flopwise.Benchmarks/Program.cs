namespace Flopwise.Benchmarks; internal static class Program { private static void Main() { } }
