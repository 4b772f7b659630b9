namespace Flopwise.Cli.Commands;

/// <summary>
/// A one-line progress indicator on stderr (carriage return, percentage), shown only when stderr is the console and
/// a terminal, so redirected output, tests and <c>--json</c> stay clean. Thread-safe: the fit reports from many threads.
/// </summary>
internal sealed class FitProgress : IProgress<double>, IDisposable
{
    private readonly object _gate = new();
    private readonly TextWriter _error;
    private readonly string _label;
    private int _shown = -1;

    internal FitProgress(TextWriter error, string label)
    {
        _error = error;
        _label = label;
    }

    /// <summary>Creates the indicator, or <see langword="null"/> when stderr is redirected or not the console.</summary>
    public static FitProgress? Create(CliContext context, string label) =>
        ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected ? new FitProgress(context.Error, label) : null;

    public void Report(double value)
    {
        int percent = (int)Math.Clamp(Math.Floor(value * 100), 0, 100);
        lock (_gate)
        {
            if (percent <= _shown)
            {
                return;
            }

            _shown = percent;
            int filled = percent / 5;
            _error.Write($"\r{_label} [{new string('#', filled)}{new string('.', 20 - filled)}] {percent,3}%");
            _error.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_shown >= 0)
            {
                _error.Write("\r" + new string(' ', _label.Length + 30) + "\r");
                _error.Flush();
            }
        }
    }
}
