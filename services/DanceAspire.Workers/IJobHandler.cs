namespace DanceAspire.Workers;

/// <summary>
/// Runs the jobs of one kind. Handlers are plain classes, resolved from a fresh DI scope per attempt, registered with
/// <c>builder.AddJobWorker().AddHandler&lt;THandler&gt;()</c>. Work must be idempotent: an attempt may run again after
/// a crash, and only the attempt the dispatcher counts writes the job's result.
/// </summary>
public interface IJobHandler
{
    /// <summary>The job kind this handler runs (the work stream it reads).</summary>
    string Kind { get; }

    /// <summary>
    /// Does the work and returns the result as JSON (or null). <paramref name="cancellationToken"/> fires when the
    /// owner cancels the job or the worker shuts down: stop promptly by throwing <see cref="OperationCanceledException"/>.
    /// Throw <see cref="JobFailedException"/> for a failure that retrying cannot fix; any other exception is retried.
    /// </summary>
    Task<string?> HandleAsync(JobContext context, CancellationToken cancellationToken);
}

/// <summary>A failure with a message meant for the job's owner; not retried unless <paramref name="retryable"/>.</summary>
public sealed class JobFailedException(string message, bool retryable = false, Exception? innerException = null)
    : Exception(message, innerException)
{
    public bool Retryable { get; } = retryable;
}
