using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Flopwise.Web.Api;

/// <summary>
/// Where the long computations of the API run (Monte Carlo runs and fits): a task scheduler with its own dedicated
/// threads, one per core, so that they never hold the thread pool's threads, which serve the requests. On two cores
/// the pool starts with two worker threads and adds more only slowly; a run that took them stalled every point request
/// behind it for seconds. Work started here keeps this scheduler for its own parallel loops (<c>Parallel.For</c> uses
/// the current scheduler), so no part of it reaches the pool. On Linux the threads also run at a lower priority
/// (nice <see cref="Nice"/>), so that a point request that wants a core gets it at once from a busy worker.
/// </summary>
internal sealed class ComputeWorkers : TaskScheduler, IDisposable
{
    /// <summary>The Linux nice value of the worker threads (0 is normal, 19 the lowest).</summary>
    public const int Nice = 10;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;

    public ComputeWorkers(int threads)
    {
        _threads = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = "flopwise-compute-" + i };
            _threads[i].Start();
        }
    }

    /// <summary>The server's workers: one thread per core.</summary>
    public static ComputeWorkers Shared { get; } = new(Environment.ProcessorCount);

    /// <inheritdoc/>
    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Runs <paramref name="work"/> on a worker thread and completes when it is done (its exception included).</summary>
    public Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, this);

    public void Dispose()
    {
        _queue.CompleteAdding();
        _queue.Dispose();
    }

    /// <inheritdoc/>
    protected override void QueueTask(Task task) => _queue.Add(task);

    /// <inheritdoc/>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread.Name?.StartsWith("flopwise-compute-", StringComparison.Ordinal) == true && TryExecuteTask(task);

    /// <inheritdoc/>
    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Work()
    {
        if (OperatingSystem.IsLinux())
        {
            // On Linux a thread is a process to setpriority, named by its thread id; lowering one's own priority needs
            // no privilege. A failure leaves the thread at normal priority, which is only less kind to requests.
            _ = SetPriority(0, GetThreadId(), Nice);
        }

        foreach (Task task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();
}
