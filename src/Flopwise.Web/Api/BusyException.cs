using System.Globalization;

namespace Flopwise.Web.Api;

/// <summary>Every Monte Carlo slot is taken and the queue is full (or the wait ran out): the API answers 503 with <c>Retry-After</c>.</summary>
internal sealed class BusyException : Exception
{
    public BusyException(TimeSpan retryAfter)
        : base(string.Create(CultureInfo.InvariantCulture, $"The server is busy with other Monte Carlo runs (at most {MonteCarloRuns.MaxRunning} at once, {MonteCarloRuns.MaxWaiting} waiting); try again in {retryAfter.TotalSeconds:0} seconds, or give the inputs as numbers."))
    {
        RetryAfter = retryAfter;
    }

    public BusyException()
        : this(MonteCarloRuns.MaxWait)
    {
    }

    public BusyException(string message)
        : base(message)
    {
        RetryAfter = MonteCarloRuns.MaxWait;
    }

    public BusyException(string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAfter = MonteCarloRuns.MaxWait;
    }

    public TimeSpan RetryAfter { get; }
}
