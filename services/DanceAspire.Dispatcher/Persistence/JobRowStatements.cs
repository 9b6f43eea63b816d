using DanceAspire.Dispatcher.Transitions;
using Npgsql;
using NpgsqlTypes;

namespace DanceAspire.Dispatcher.Persistence;

/// <summary>The SQL of <see cref="JobStore"/>: reading job rows under lock, and writing the rows a <see cref="TransitionPlan"/> computed.</summary>
internal static class JobRowStatements
{
    /// <summary>Locks the jobs' rows (in id order, so two lockers never deadlock) and reads them with their current attempts.</summary>
    public static async Task<Dictionary<Guid, (JobRow Job, AttemptRow? Attempt)>> LockAsync(NpgsqlTransaction transaction, Guid[] jobIds, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT j.id, j.kind, j.state, j.attempt, j.max_attempts,
                   (SELECT count(*)::int FROM job_attempts f WHERE f.job_id = j.id AND f.outcome IN ('failed', 'lost')),
                   j.cancel_requested, j.worker_id, j.lease_expires_at, j.not_before, j.progress, j.stage, j.result::text, j.error,
                   j.started_at, j.finished_at, j.updated_at,
                   a.number, a.worker_id, a.queued_at, a.started_at, a.finished_at, a.outcome, a.error
            FROM jobs j LEFT JOIN job_attempts a ON a.job_id = j.id AND a.number = j.attempt
            WHERE j.id = ANY(@ids) ORDER BY j.id FOR UPDATE OF j
            """;
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", jobIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<Guid, (JobRow, AttemptRow?)>(jobIds.Length);
        while (await reader.ReadAsync(cancellationToken))
        {
            var job = new JobRow(
                Id: reader.GetGuid(0), Kind: reader.GetString(1), State: reader.GetString(2), Attempt: reader.GetInt32(3),
                MaxAttempts: reader.GetInt32(4), Failures: reader.GetInt32(5), CancelRequested: reader.GetBoolean(6),
                WorkerId: Text(reader, 7), LeaseExpiresAt: Time(reader, 8), NotBefore: Time(reader, 9), Progress: reader.GetDouble(10),
                Stage: Text(reader, 11), Result: Text(reader, 12), Error: Text(reader, 13), StartedAt: Time(reader, 14),
                FinishedAt: Time(reader, 15), UpdatedAt: reader.GetFieldValue<DateTimeOffset>(16));
            var attempt = reader.IsDBNull(17) ? null : new AttemptRow(
                reader.GetInt32(17), Text(reader, 18), reader.GetFieldValue<DateTimeOffset>(19), Time(reader, 20), Time(reader, 21), Text(reader, 22), Text(reader, 23));
            rows[job.Id] = (job, attempt);
        }
        return rows;
    }

    /// <summary>Writes every column a transition may change, on condition the row still has the state and attempt it was decided from.</summary>
    public static NpgsqlBatchCommand UpdateJob(Guid jobId, JobRow from, JobRow to) => Command("""
        UPDATE jobs SET state = @state, attempt = @attempt, worker_id = @worker_id, lease_expires_at = @lease_expires_at,
               not_before = @not_before, progress = @progress, stage = @stage, result = @result, error = @error,
               started_at = @started_at, finished_at = @finished_at, updated_at = @updated_at
        WHERE id = @id AND state = @from_state AND attempt = @from_attempt
        """,
        new NpgsqlParameter<Guid>("id", jobId),
        new NpgsqlParameter<string>("from_state", from.State),
        new NpgsqlParameter<int>("from_attempt", from.Attempt),
        new NpgsqlParameter<string>("state", to.State),
        new NpgsqlParameter<int>("attempt", to.Attempt),
        Nullable("worker_id", to.WorkerId, NpgsqlDbType.Text),
        Nullable("lease_expires_at", to.LeaseExpiresAt, NpgsqlDbType.TimestampTz),
        Nullable("not_before", to.NotBefore, NpgsqlDbType.TimestampTz),
        new NpgsqlParameter<double>("progress", to.Progress),
        Nullable("stage", to.Stage, NpgsqlDbType.Text),
        Nullable("result", to.Result, NpgsqlDbType.Jsonb),
        Nullable("error", to.Error, NpgsqlDbType.Text),
        Nullable("started_at", to.StartedAt, NpgsqlDbType.TimestampTz),
        Nullable("finished_at", to.FinishedAt, NpgsqlDbType.TimestampTz),
        new NpgsqlParameter<DateTimeOffset>("updated_at", to.UpdatedAt));

    public static NpgsqlBatchCommand UpdateAttempt(Guid jobId, AttemptRow attempt) => Command("""
        UPDATE job_attempts SET worker_id = @worker_id, started_at = @started_at, finished_at = @finished_at, outcome = @outcome, error = @error
        WHERE job_id = @job_id AND number = @number
        """,
        new NpgsqlParameter<Guid>("job_id", jobId),
        new NpgsqlParameter<int>("number", attempt.Number),
        Nullable("worker_id", attempt.WorkerId, NpgsqlDbType.Text),
        Nullable("started_at", attempt.StartedAt, NpgsqlDbType.TimestampTz),
        Nullable("finished_at", attempt.FinishedAt, NpgsqlDbType.TimestampTz),
        Nullable("outcome", attempt.Outcome, NpgsqlDbType.Text),
        Nullable("error", attempt.Error, NpgsqlDbType.Text));

    public static NpgsqlBatchCommand InsertAttempt(Guid jobId, AttemptRow attempt) => Command(
        "INSERT INTO job_attempts (job_id, number, queued_at) VALUES (@job_id, @number, @queued_at)",
        new NpgsqlParameter<Guid>("job_id", jobId),
        new NpgsqlParameter<int>("number", attempt.Number),
        new NpgsqlParameter<DateTimeOffset>("queued_at", attempt.QueuedAt));

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Nullable(string name, object? value, NpgsqlDbType type) =>
        new(name, type) { Value = value ?? DBNull.Value };

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
