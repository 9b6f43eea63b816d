using DanceAspire.Dispatcher.Events;
using DanceAspire.Jobs;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DanceAspire.Dispatcher.Duties;

/// <summary>
/// Keeps Redis in step with Postgres. When Redis holds no epoch key (first start, or it lost its data) it rebuilds:
/// consumer groups, every queued attempt re-added from Postgres, then a new epoch. Now and then, and after any Redis
/// failure, it re-adds queued attempts that Redis neither holds nor handed out. After an outage it extends running
/// leases, since no heartbeat could arrive meanwhile; running jobs simply go on reporting into the new streams.
/// </summary>
internal sealed partial class RedisRecovery(
    NpgsqlDataSource database, JobStreams streams, JobEventProcessor events, IOptionsMonitor<JobsOptions> jobs,
    IOptions<DispatcherOptions> options, TimeProvider time, ILogger<RedisRecovery> logger)
{
    private bool _checkEpochNow = true;
    private bool _rebuildNow;
    private bool _reconcileNow = true;
    private bool _extendLeases;
    private DateTimeOffset _nextEpochCheck;
    private DateTimeOffset _nextReconcile;

    /// <summary>Redis (or Postgres) failed: look again at once, and give running jobs time to reach Redis. A lost consumer group means a rebuild.</summary>
    public void OnOutage(Exception exception)
    {
        _checkEpochNow = _reconcileNow = _extendLeases = true;
        _rebuildNow |= JobStreams.IsMissingGroup(exception);
    }

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_checkEpochNow || now >= _nextEpochCheck)
        {
            if (_rebuildNow || !await streams.HasEpochAsync())
            {
                await RebuildAsync(cancellationToken);
                _rebuildNow = false;
            }
            _checkEpochNow = false;
            _nextEpochCheck = now + options.Value.EpochCheckInterval;
        }
        if (_extendLeases)
        {
            await ExtendRunningLeasesAsync(cancellationToken);
            _extendLeases = false;
        }
        if (_reconcileNow || now >= _nextReconcile)
        {
            await ReconcileAsync(cancellationToken);
            _reconcileNow = false;
            _nextReconcile = now + options.Value.ReconcileInterval;
        }
    }

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        LogRebuilding();
        await streams.EnsureGroupAsync(JobKeys.EventStream, JobKeys.DispatcherGroup);
        var kinds = jobs.CurrentValue.Kinds.Keys.Union(await QueryKindsAsync("state IN ('queued', 'running')", cancellationToken));
        foreach (var kind in kinds)
        {
            await streams.EnsureGroupAsync(JobKeys.WorkStream(kind), JobKeys.WorkerGroup);
        }
        events.ReadUnacknowledgedFirst();
        await ExtendRunningLeasesAsync(cancellationToken);
        await ReconcileAsync(cancellationToken);
        // Last: a dispatcher that dies half-way through rebuilds again.
        await streams.SetEpochAsync($"{time.GetUtcNow():O} {Environment.MachineName}:{Environment.ProcessId}");
    }

    /// <summary>Re-adds queued attempts (handed to Redis, not waiting for a retry) that Redis neither holds nor handed out.</summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, kind, attempt, owner_id, payload::text FROM jobs
            WHERE state = 'queued' AND not_before IS NULL ORDER BY priority DESC, created_at
            """;
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var queued = new List<JobMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var kind = reader.GetString(1);
            queued.Add(new JobMessage(reader.GetGuid(0), kind, reader.GetInt32(2), reader.GetGuid(3), reader.GetString(4), jobs.CurrentValue.For(kind).LeaseSeconds));
        }
        foreach (var ofKind in queued.GroupBy(m => m.Kind))
        {
            var missing = (await streams.FindMissingAsync(ofKind.Key, ofKind.Select(m => (m.JobId, m.Attempt)).ToArray())).ToHashSet();
            if (missing.Count > 0)
            {
                await streams.EnqueueAsync(ofKind.Key, ofKind.Where(m => missing.Contains((m.JobId, m.Attempt))).ToArray());
                LogReAdded(missing.Count, ofKind.Key);
            }
        }
    }

    /// <summary>Gives every running attempt two leases from now, so workers that are reconnecting are not reclaimed meanwhile.</summary>
    private async Task ExtendRunningLeasesAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in await QueryKindsAsync("state = 'running'", cancellationToken))
        {
            await using var command = database.CreateCommand(
                "UPDATE jobs SET lease_expires_at = greatest(lease_expires_at, @until) WHERE state = 'running' AND kind = @kind");
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("until", time.GetUtcNow().AddSeconds(2 * jobs.CurrentValue.For(kind).LeaseSeconds)));
            command.Parameters.Add(new NpgsqlParameter<string>("kind", kind));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<List<string>> QueryKindsAsync(string condition, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT DISTINCT kind FROM jobs WHERE {condition}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var kinds = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            kinds.Add(reader.GetString(0));
        }
        return kinds;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis holds no job-system state (first start, or it lost its data): rebuilding it from Postgres")]
    private partial void LogRebuilding();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-added {Count} queued {Kind} attempts that Redis had lost")]
    private partial void LogReAdded(int count, string kind);
}
