using DanceAspire.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanceAspire.Workers;

/// <summary>Why a running attempt was stopped before its handler finished.</summary>
internal enum StopReason
{
    None,

    /// <summary>The owner canceled the job, or the dispatcher no longer counts this attempt: report Canceled.</summary>
    Canceled,

    /// <summary>The worker shuts down: hand the attempt back (Released) for another worker.</summary>
    Shutdown,
}

/// <summary>
/// One attempt on this worker: runs its handler in a fresh scope with a token that a stop cancels, heart-beats and
/// sends progress from a single pump (so reports keep their order and a handler never waits on Redis), and reports
/// how it ended, retrying that report until Redis takes it.
/// </summary>
internal sealed partial class JobRun(
    JobMessage message, Type handlerType, string workerId, JobStreams streams, JobWorkerOptions options, ILogger logger)
{
    private readonly CancellationTokenSource _stop = new();
    private readonly WakeSignal _progressSignal = new();
    private readonly Lock _gate = new();
    private readonly List<(double Progress, string? Stage)> _progress = [];
    private int _stopReason;

    public JobMessage Message { get; } = message;

    /// <summary>Completes when the attempt ended and its outcome was reported (or given up on).</summary>
    public Task Completion { get; set; } = Task.CompletedTask;

    public void Stop(StopReason reason)
    {
        Interlocked.CompareExchange(ref _stopReason, (int)reason, (int)StopReason.None);
        _stop.Cancel();
    }

    /// <param name="abandon">Fires when the host gives up waiting: the final report stops retrying (the lease then expires).</param>
    public async Task RunAsync(IServiceProvider services, CancellationToken abandon)
    {
        using var handlerDone = new CancellationTokenSource();
        var pump = PumpAsync(handlerDone.Token);
        var outcome = await RunHandlerAsync(services);
        await handlerDone.CancelAsync();
        await pump;
        if (outcome.Type is JobEventType.Succeeded or JobEventType.Failed)
        {
            // The handler's last reports (its final stage) come before its outcome; a stopped one has nothing left to say.
            await SendAsync(TakeProgress().Select(ToEvent));
        }
        await ReportOutcomeAsync(outcome, abandon);
    }

    private async Task<JobEvent> RunHandlerAsync(IServiceProvider services)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(handlerType);
            var context = new JobContext(Message, workerId, ReportProgress);
            var result = await handler.HandleAsync(context, _stop.Token);
            return Event(JobEventType.Succeeded) with { Result = result };
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return Event((StopReason)_stopReason == StopReason.Shutdown ? JobEventType.Released : JobEventType.Canceled);
        }
        catch (JobFailedException e)
        {
            return Event(JobEventType.Failed) with { Error = e.Message, Retryable = e.Retryable };
        }
        catch (Exception e)
        {
            LogHandlerFailed(e, Message.Kind, Message.JobId, Message.Attempt);
            return Event(JobEventType.Failed) with { Error = $"{e.GetType().Name}: {e.Message}" };
        }
    }

    /// <summary>Queues a progress report; consecutive reports of one stage collapse into the latest.</summary>
    private ValueTask ReportProgress(double progress, string? stage)
    {
        progress = double.IsFinite(progress) ? Math.Clamp(progress, 0, 1) : 0;
        bool stageChanged;
        lock (_gate)
        {
            stageChanged = _progress.Count > 0 && _progress[^1].Stage != stage;
            if (_progress.Count > 0 && !stageChanged)
            {
                _progress[^1] = (progress, stage);
            }
            else
            {
                _progress.Add((progress, stage));
            }
        }
        if (stageChanged)
        {
            _progressSignal.Set();
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Sends queued progress every <see cref="JobWorkerOptions.ProgressInterval"/> (sooner on a stage change) and a heartbeat every third of the lease.</summary>
    private async Task PumpAsync(CancellationToken handlerDone)
    {
        var heartbeatInterval = TimeSpan.FromSeconds(Math.Max(0.2, Message.LeaseSeconds / 3.0));
        var nextHeartbeat = DateTimeOffset.UtcNow + heartbeatInterval;
        while (!handlerDone.IsCancellationRequested)
        {
            await _progressSignal.WaitAsync(options.ProgressInterval, handlerDone).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await SendAsync(TakeProgress().Select(ToEvent));
            if (DateTimeOffset.UtcNow >= nextHeartbeat && !handlerDone.IsCancellationRequested)
            {
                await SendAsync([Event(JobEventType.Heartbeat)]);
                nextHeartbeat = DateTimeOffset.UtcNow + heartbeatInterval;
            }
        }
    }

    private List<(double Progress, string? Stage)> TakeProgress()
    {
        lock (_gate)
        {
            var taken = _progress.ToList();
            _progress.Clear();
            return taken;
        }
    }

    /// <summary>Progress and heartbeats are best effort: one that cannot reach Redis is dropped (the next one follows soon).</summary>
    private async Task SendAsync(IEnumerable<JobEvent> events)
    {
        foreach (var jobEvent in events)
        {
            try
            {
                await streams.ReportAsync(jobEvent);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogReportDropped(jobEvent.Type, Message.JobId, e.Message.Split(';')[0]);
                return;
            }
        }
    }

    private async Task ReportOutcomeAsync(JobEvent outcome, CancellationToken abandon)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await streams.ReportAsync(outcome);
                LogFinished(Message.Kind, Message.JobId, Message.Attempt, outcome.Type);
                return;
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogOutcomeRetry(outcome.Type, Message.JobId, e.Message.Split(';')[0]);
                try
                {
                    await Task.Delay(delay, abandon);
                }
                catch (OperationCanceledException)
                {
                    LogOutcomeAbandoned(outcome.Type, Message.JobId);
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private JobEvent Event(JobEventType type) => new(Message.JobId, Message.Attempt, workerId, type);

    private JobEvent ToEvent((double Progress, string? Stage) report) => Event(JobEventType.Progress) with { Progress = report.Progress, Stage = report.Stage };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} job {JobId} attempt {Attempt} failed")]
    private partial void LogHandlerFailed(Exception exception, string kind, Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} job {JobId} attempt {Attempt}: {Outcome}")]
    private partial void LogFinished(string kind, Guid jobId, int attempt, JobEventType outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped a {Type} report of job {JobId}: {Reason}")]
    private partial void LogReportDropped(JobEventType type, Guid jobId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report {Type} of job {JobId} yet ({Reason}); retrying")]
    private partial void LogOutcomeRetry(JobEventType type, Guid jobId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up reporting {Type} of job {JobId}; the dispatcher reclaims it when its lease runs out")]
    private partial void LogOutcomeAbandoned(JobEventType type, Guid jobId);
}
