using DanceAspire.Dispatcher.Persistence;
using DanceAspire.Dispatcher.Transitions;
using Npgsql;

namespace DanceAspire.Dispatcher.Duties;

/// <summary>
/// Reclaims running attempts whose worker stopped heart-beating (it died, or lost Redis): the attempt ends
/// <c>lost</c> and the job is retried, or ends dead after its last attempt, or canceled if that was asked for.
/// The dispatcher runs it only when it has caught up with the event stream, so no heartbeat is still waiting there.
/// </summary>
internal sealed partial class LeaseReaper(NpgsqlDataSource database, JobStateWriter writer, TimeProvider time, ILogger<LeaseReaper> logger)
{
    /// <summary>Reclaims every expired lease; true when any job changed state.</summary>
    public async Task<bool> ReapAsync(CancellationToken cancellationToken)
    {
        var expired = await FindExpiredAsync(cancellationToken);
        foreach (var (jobId, attempt, workerId, leaseExpiredAt) in expired)
        {
            var error = $"Worker {workerId} stopped heart-beating; its lease ran out at {leaseExpiredAt:O}.";
            var applied = await writer.ApplyAsync(jobId, new JobChange(JobSignal.LeaseExpired, attempt, workerId, Error: error), cancellationToken);
            if (applied.Update is { } update)
            {
                LogReclaimed(jobId, attempt, workerId, update.State);
            }
        }
        return expired.Count > 0;
    }

    private async Task<List<(Guid JobId, int Attempt, string? WorkerId, DateTimeOffset LeaseExpiredAt)>> FindExpiredAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, attempt, worker_id, lease_expires_at FROM jobs WHERE state = 'running' AND lease_expires_at < @now";
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", time.GetUtcNow()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var expired = new List<(Guid, int, string?, DateTimeOffset)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            expired.Add((reader.GetGuid(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        return expired;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reclaimed job {JobId} attempt {Attempt} from worker {WorkerId} (no heartbeat); it is now {State}")]
    private partial void LogReclaimed(Guid jobId, int attempt, string? workerId, string state);
}
