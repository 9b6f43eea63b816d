using DanceAspire.Dispatcher.Persistence;
using DanceAspire.Jobs;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DanceAspire.Dispatcher.Scheduling;

/// <summary>
/// Hands work to Redis: per kind, queued retries whose backoff has passed, then pending jobs by priority and age, as
/// far as each user's concurrency limit and the kind's back-pressure limit allow. One statement per kind decides and
/// writes (pending → queued, attempt+1, a new attempt row); the messages are added to the stream after it commits,
/// and a message lost in between is re-added by <see cref="RedisRecovery"/>'s reconciliation.
/// </summary>
internal sealed partial class JobScheduler(
    NpgsqlDataSource database, JobStreams streams, IOptionsMonitor<JobsOptions> jobs, TimeProvider time, ILogger<JobScheduler> logger)
{
    private sealed record HandedOut(JobMessage Message, JobUpdate? Update);

    /// <summary>Hands out what may run now; returns when the next waiting retry falls due (null when none waits).</summary>
    public async Task<DateTimeOffset?> ScheduleAsync(CancellationToken cancellationToken)
    {
        var now = JobStore.Truncate(time.GetUtcNow());
        var (kinds, nextRetry) = await FindWorkAsync(now, cancellationToken);
        foreach (var kind in kinds)
        {
            var policy = jobs.CurrentValue.For(kind);
            var handedOut = await HandOutAsync(kind, policy, now, cancellationToken);
            if (handedOut.Count == 0)
            {
                continue;
            }
            await streams.EnqueueAsync(kind, handedOut.Select(h => h.Message).ToArray());
            await Task.WhenAll(handedOut.Where(h => h.Update is not null).Select(h => streams.PublishUpdateAsync(h.Update!)));
            LogHandedOut(handedOut.Count, kind);
        }
        return nextRetry;
    }

    private async Task<(List<string> Kinds, DateTimeOffset? NextRetry)> FindWorkAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT kind, bool_or(state = 'pending' OR not_before <= @now), min(not_before) FILTER (WHERE not_before > @now)
            FROM jobs WHERE state = 'pending' OR (state = 'queued' AND not_before IS NOT NULL)
            GROUP BY kind
            """;
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var kinds = new List<string>();
        DateTimeOffset? nextRetry = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(1))
            {
                kinds.Add(reader.GetString(0));
            }
            if (!reader.IsDBNull(2))
            {
                var due = reader.GetFieldValue<DateTimeOffset>(2);
                nextRetry = nextRetry is { } earlier && earlier < due ? earlier : due;
            }
        }
        return (kinds, nextRetry);
    }

    private async Task<List<HandedOut>> HandOutAsync(string kind, JobKindOptions policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Capacity is what MaxQueued leaves beside the attempts already waiting in Redis. Retries due go first (they
        // hold their user's slot already); pending jobs fill the rest, each user's up to its free slots, where a slot
        // is held from queued until the job ends.
        const string sql = """
            WITH in_redis AS (
              SELECT count(*) AS n FROM jobs WHERE kind = @kind AND state = 'queued' AND not_before IS NULL
            ), due AS (
              SELECT id FROM jobs WHERE kind = @kind AND state = 'queued' AND not_before <= @now
              ORDER BY priority DESC, not_before, id
              LIMIT greatest(0, @max_queued - (SELECT n FROM in_redis))
            ), retried AS (
              UPDATE jobs j SET not_before = NULL FROM due WHERE j.id = due.id AND j.state = 'queued'
              RETURNING j.id, j.attempt, j.owner_id, j.payload::text, j.updated_at, false AS promoted
            ), active AS (
              SELECT owner_id, count(*) AS n FROM jobs WHERE kind = @kind AND state IN ('queued', 'running') GROUP BY owner_id
            ), ranked AS (
              SELECT id, owner_id, priority, created_at,
                     row_number() OVER (PARTITION BY owner_id ORDER BY priority DESC, created_at, id) AS rank
              FROM jobs WHERE kind = @kind AND state = 'pending' AND NOT cancel_requested
            ), chosen AS (
              SELECT r.id FROM ranked r LEFT JOIN active a ON a.owner_id = r.owner_id
              WHERE r.rank <= @per_user - coalesce(a.n, 0)
              ORDER BY r.priority DESC, r.created_at, r.id
              LIMIT greatest(0, @max_queued - (SELECT n FROM in_redis) - (SELECT count(*) FROM due))
            ), promoted AS (
              UPDATE jobs j SET state = 'queued', attempt = j.attempt + 1, not_before = NULL,
                     updated_at = greatest(@now, j.updated_at + interval '1 microsecond')
              FROM chosen WHERE j.id = chosen.id AND j.state = 'pending'
              RETURNING j.id, j.attempt, j.owner_id, j.payload::text, j.updated_at, true AS promoted
            ), attempts AS (
              INSERT INTO job_attempts (job_id, number, queued_at) SELECT id, attempt, @now FROM promoted
            )
            SELECT * FROM retried UNION ALL SELECT * FROM promoted
            """;
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string>("kind", kind));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        command.Parameters.Add(new NpgsqlParameter<int>("max_queued", policy.MaxQueued));
        command.Parameters.Add(new NpgsqlParameter<int>("per_user", policy.MaxConcurrentPerUser));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var handedOut = new List<HandedOut>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var (jobId, attempt, updatedAt) = (reader.GetGuid(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(4));
            var message = new JobMessage(jobId, kind, attempt, reader.GetGuid(2), reader.GetString(3), policy.LeaseSeconds);
            // A retry was published as queued when it was decided; a promoted job is news.
            var update = reader.GetBoolean(5)
                ? new JobUpdate(jobId, UpdateSequencer.ToSequence(updatedAt), Data.Jobs.JobStates.Queued, attempt, 0, null, null, updatedAt)
                : null;
            handedOut.Add(new HandedOut(message, update));
        }
        return handedOut;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handed {Count} {Kind} attempts to Redis")]
    private partial void LogHandedOut(int count, string kind);
}
