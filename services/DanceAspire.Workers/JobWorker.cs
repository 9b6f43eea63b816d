using System.Collections.Concurrent;
using DanceAspire.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DanceAspire.Workers;

/// <summary>
/// The worker host: while it has free slots it takes attempts of its handlers' kinds from their work streams (woken by
/// pub/sub, polling as a fallback), runs each as a <see cref="JobRun"/>, and stops runs when a <see cref="JobStop"/>
/// names them. On shutdown it takes nothing more, lets running attempts finish for a grace period, and hands back the rest.
/// </summary>
internal sealed partial class JobWorker(
    IServiceProvider services,
    IConnectionMultiplexer redis,
    JobStreams streams,
    WorkerIdentity identity,
    IEnumerable<JobHandlerRegistration> registrations,
    IOptions<JobWorkerOptions> options,
    ILogger<JobWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<(Guid JobId, int Attempt), JobRun> _runs = new();
    private readonly WakeSignal _wake = new();
    private readonly CancellationTokenSource _abandon = new();

    private int FreeSlots => Math.Max(0, options.Value.Concurrency - _runs.Count);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var handlers = ResolveHandlers();
        if (handlers.Count == 0)
        {
            LogNoHandlers(identity.Id);
            return;
        }
        var kinds = handlers.Keys.Order(StringComparer.Ordinal).ToArray();
        LogStarting(identity.Id, string.Join(", ", kinds), options.Value.Concurrency);

        var setUp = false;
        var inOutage = false;
        var firstKind = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!setUp)
                {
                    await SetUpAsync(kinds);
                    setUp = true;
                }
                var took = 0;
                // Start each round at the next kind, so one busy kind cannot starve the others.
                firstKind = (firstKind + 1) % kinds.Length;
                for (var i = 0; i < kinds.Length && FreeSlots > 0; i++)
                {
                    var kind = kinds[(firstKind + i) % kinds.Length];
                    foreach (var message in await streams.TakeAsync(kind, identity.Id, FreeSlots))
                    {
                        Start(message, handlers[kind]);
                        took++;
                    }
                }
                if (inOutage)
                {
                    LogRecovered();
                    inOutage = false;
                }
                if (took == 0 || FreeSlots == 0)
                {
                    await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                if (!inOutage)
                {
                    LogTakeFailed(e, e.Message.Split(';')[0]);
                    inOutage = true;
                }
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        await DrainAsync(kinds);
    }

    private Dictionary<string, Type> ResolveHandlers()
    {
        using var scope = services.CreateScope();
        var handlers = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            var kind = ((IJobHandler)scope.ServiceProvider.GetRequiredService(registration.HandlerType)).Kind;
            if (!handlers.TryAdd(kind, registration.HandlerType))
            {
                throw new InvalidOperationException(
                    $"Job kind '{kind}' has two handlers: {handlers[kind].Name} and {registration.HandlerType.Name}.");
            }
        }
        return handlers;
    }

    private async Task SetUpAsync(IReadOnlyList<string> kinds)
    {
        var subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(JobKeys.CancelChannel, (_, message) => OnStop(message));
        foreach (var kind in kinds)
        {
            await subscriber.SubscribeAsync(JobKeys.WorkAvailableChannel(kind), (_, _) => _wake.Set());
            await streams.EnsureGroupAsync(JobKeys.WorkStream(kind), JobKeys.WorkerGroup);
        }
    }

    private void Start(JobMessage message, Type handlerType)
    {
        var run = new JobRun(message, handlerType, identity.Id, streams, options.Value, logger);
        var key = (message.JobId, message.Attempt);
        // Registered before it starts, so a run that ends at once cannot be removed before it was added.
        _runs[key] = run;
        run.Completion = Task.Run(async () =>
        {
            try
            {
                await run.RunAsync(services, _abandon.Token);
            }
            finally
            {
                _runs.TryRemove(key, out _);
                _wake.Set();
            }
        });
    }

    private void OnStop(RedisValue message)
    {
        if (!JobStop.TryParse(message, out var stop))
        {
            return;
        }
        foreach (var run in _runs.Values.Where(r => stop.Applies(r.Message.JobId, identity.Id)))
        {
            LogStopping(run.Message.JobId, run.Message.Attempt);
            run.Stop(StopReason.Canceled);
        }
    }

    /// <summary>Gives running attempts the grace period to finish, then stops the rest so they report Released.</summary>
    private async Task DrainAsync(IReadOnlyList<string> kinds)
    {
        var running = _runs.Values.ToArray();
        if (running.Length > 0)
        {
            LogDraining(running.Length, options.Value.ShutdownGrace.TotalSeconds);
            var all = Task.WhenAll(running.Select(r => r.Completion));
            if (await Task.WhenAny(all, Task.Delay(options.Value.ShutdownGrace)) != all)
            {
                foreach (var run in running)
                {
                    run.Stop(StopReason.Shutdown);
                }
                // The hand-back reports get a few seconds of their own before the process is gone anyway.
                _abandon.CancelAfter(TimeSpan.FromSeconds(3));
                await all;
            }
        }
        foreach (var kind in kinds)
        {
            try
            {
                await streams.RemoveConsumerAsync(kind, identity.Id);
            }
            catch (RedisException)
            {
                // Only bookkeeping: a consumer that holds no entries harms nobody.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker {WorkerId} has no handlers; it takes no work")]
    private partial void LogNoHandlers(string workerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker {WorkerId} takes {Kinds}, {Concurrency} at a time")]
    private partial void LogStarting(string workerId, string kinds, int concurrency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot take work from Redis ({Reason}); retrying every second")]
    private partial void LogTakeFailed(Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Taking work from Redis again")]
    private partial void LogRecovered();

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping job {JobId} attempt {Attempt} as the dispatcher asked")]
    private partial void LogStopping(Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: {Count} attempts running get {Seconds} s to finish before they are handed back")]
    private partial void LogDraining(int count, double seconds);
}
