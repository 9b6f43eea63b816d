using DanceAspire.Data;
using DanceAspire.Data.Accounts;
using DanceAspire.Data.Jobs;
using DanceAspire.Dispatcher.Transitions;
using DanceAspire.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DanceAspire.Dispatcher.Persistence;

/// <summary>What applying a change did: the decision, the job's kind, and the update to publish when one was written.</summary>
public sealed record AppliedChange(JobDecision Decision, string? Kind, JobUpdate? Update)
{
    public static readonly AppliedChange None = new(JobDecision.Ignore, null, null);
}

/// <summary>
/// Writes jobs' transitions, a round of changes at a time in one transaction: it locks every row concerned with one
/// query, lets <see cref="JobTransitions"/> decide and <see cref="TransitionPlan"/> compute each change in turn (a
/// job's later change sees its earlier one), writes all rows with one batch of statements, refunds what ended
/// without success (under the row locks, as <see cref="CoinLedger"/> requires) and commits. Every UPDATE is also
/// conditional on the state and attempt it was decided from.
/// </summary>
internal sealed class JobStore(IServiceScopeFactory scopes, IOptionsMonitor<JobsOptions> jobs, UpdateSequencer sequencer, TimeProvider time)
{
    /// <summary>Applies the changes in order, in one transaction. If any fails, none is written and the exception propagates.</summary>
    public async Task<IReadOnlyList<AppliedChange>> ApplyAsync(IReadOnlyList<(Guid JobId, JobChange Change)> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return [];
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanceDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        var rows = await JobRowStatements.LockAsync(npgsqlTransaction, changes.Select(c => c.JobId).Distinct().ToArray(), cancellationToken);

        var now = Truncate(time.GetUtcNow());
        var applied = new List<AppliedChange>(changes.Count);
        var refunds = new List<Guid>();
        await using var batch = new NpgsqlBatch(npgsqlTransaction.Connection, npgsqlTransaction);
        var jobUpdates = new List<(int Index, Guid JobId)>();
        foreach (var (jobId, change) in changes)
        {
            if (!rows.TryGetValue(jobId, out var row))
            {
                applied.Add(AppliedChange.None);
                continue;
            }
            var decision = JobTransitions.Decide(row.Job.Snapshot, change.Signal, change.Attempt, change.WorkerId, change.Retryable);
            if (decision.Action == JobAction.Ignore)
            {
                applied.Add(new AppliedChange(decision, row.Job.Kind, null));
                continue;
            }
            var updatedAt = sequencer.Next(jobId, row.Job.UpdatedAt);
            var plan = TransitionPlan.For(row.Job, row.Attempt, decision, change, now, updatedAt, jobs.CurrentValue.For(row.Job.Kind), Random.Shared.NextDouble());
            jobUpdates.Add((batch.BatchCommands.Count, jobId));
            batch.BatchCommands.Add(JobRowStatements.UpdateJob(jobId, row.Job, plan.Job));
            if (plan.Attempt is { } ended)
            {
                batch.BatchCommands.Add(JobRowStatements.UpdateAttempt(jobId, ended));
            }
            if (plan.NextAttempt is { } next)
            {
                batch.BatchCommands.Add(JobRowStatements.InsertAttempt(jobId, next));
            }
            if (decision.Refunds)
            {
                refunds.Add(jobId);
            }
            rows[jobId] = (plan.Job, plan.NextAttempt ?? plan.Attempt ?? row.Attempt);
            applied.Add(new AppliedChange(decision, row.Job.Kind, plan.Publish ? ToUpdate(jobId, plan.Job) : null));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            foreach (var (index, jobId) in jobUpdates)
            {
                if (batch.BatchCommands[index].RecordsAffected != 1)
                {
                    throw new InvalidOperationException($"Job {jobId} changed under its row lock; its transition was not written.");
                }
            }
        }
        foreach (var jobId in refunds)
        {
            await CoinLedger.RefundJobAsync(db, jobId, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        foreach (var (job, _) in rows.Values.Where(r => JobStates.IsFinal(r.Job.State)))
        {
            sequencer.Forget(job.Id);
        }
        return applied;
    }

    private static JobUpdate ToUpdate(Guid jobId, JobRow job) =>
        new(jobId, UpdateSequencer.ToSequence(job.UpdatedAt), job.State, job.Attempt, job.Progress, job.Stage, job.Error, job.UpdatedAt);

    /// <summary>Postgres keeps microseconds; so do the times we compare and publish.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => UpdateSequencer.FromSequence(UpdateSequencer.ToSequence(at));
}
