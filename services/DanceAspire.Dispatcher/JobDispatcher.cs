using DanceAspire.Dispatcher.Duties;
using DanceAspire.Dispatcher.Events;
using DanceAspire.Dispatcher.Scheduling;
using DanceAspire.Jobs;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DanceAspire.Dispatcher;

/// <summary>
/// The single writer of job state transitions: one loop that, round after round, keeps Redis in step with Postgres,
/// applies the workers' events, carries out cancels, reclaims expired leases and hands out work. One loop means no
/// two transitions of the dispatcher ever race. It sleeps until a signal on <see cref="JobKeys.DispatcherChannel"/> or
/// its timer, and rides out Redis and Postgres outages: it logs, reports unhealthy, and tries again.
/// </summary>
internal sealed partial class JobDispatcher(
    DispatcherLeadership leadership,
    IConnectionMultiplexer redis,
    RedisRecovery recovery,
    JobEventProcessor events,
    CancelRequests cancels,
    LeaseReaper reaper,
    JobScheduler scheduler,
    DispatcherHealth health,
    IOptions<DispatcherOptions> options,
    TimeProvider time,
    ILogger<JobDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan OutageRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StandbyRetryDelay = TimeSpan.FromSeconds(1);
    private readonly WakeSignal _wake = new();
    private int _jobsSignalled = 1;
    private bool _subscribed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextTimers = DateTimeOffset.MinValue;
        DateTimeOffset? nextRetry = null;
        var inOutage = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await leadership.TryHoldAsync(stoppingToken))
                {
                    health.StandingBy();
                    await Task.Delay(StandbyRetryDelay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }
                await SubscribeAsync();
                await recovery.EnsureReadyAsync(stoppingToken);
                var round = await events.ProcessRoundAsync(stoppingToken);

                var now = time.GetUtcNow();
                var timersDue = now >= nextTimers;
                var signalled = Interlocked.Exchange(ref _jobsSignalled, 0) == 1;
                var changed = round.CapacityChanged;
                if (signalled || timersDue)
                {
                    changed |= await cancels.HandleAsync(stoppingToken);
                }
                if (timersDue && round.CaughtUp)
                {
                    changed |= await reaper.ReapAsync(stoppingToken);
                }
                if (signalled || timersDue || changed || nextRetry <= now)
                {
                    nextRetry = await scheduler.ScheduleAsync(stoppingToken);
                }
                if (timersDue)
                {
                    nextTimers = now + options.Value.TimerInterval;
                }

                health.RoundCompleted();
                if (inOutage)
                {
                    LogRecovered();
                    inOutage = false;
                }
                if (round.CaughtUp)
                {
                    var wakeAt = nextRetry is { } retry && retry < nextTimers ? retry : nextTimers;
                    await _wake.WaitAsync(wakeAt - time.GetUtcNow(), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                health.RoundFailed(e);
                if (DispatcherFaults.IsOutage(e))
                {
                    recovery.OnOutage(e);
                }
                if (!inOutage)
                {
                    if (DispatcherFaults.IsOutage(e))
                    {
                        LogOutage(e, e.Message.Split(';')[0]);
                    }
                    else
                    {
                        LogRoundFailed(e);
                    }
                    inOutage = true;
                }
                await Task.Delay(OutageRetryDelay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Subscribes once; the multiplexer re-subscribes by itself after it reconnects.</summary>
    private async Task SubscribeAsync()
    {
        if (_subscribed)
        {
            return;
        }
        await redis.GetSubscriber().SubscribeAsync(JobKeys.DispatcherChannel, (_, message) =>
        {
            // Workers announce events; anything else (the api: a job was created, a cancel asked for) also means "look at the jobs now".
            if (message != JobKeys.WorkerEventSignal)
            {
                Interlocked.Exchange(ref _jobsSignalled, 1);
            }
            _wake.Set();
        });
        _subscribed = true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis or Postgres cannot be reached ({Reason}); retrying every second")]
    private partial void LogOutage(Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatcher round failed; retrying every second")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher rounds succeed again")]
    private partial void LogRecovered();
}
