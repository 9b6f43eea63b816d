using DanceAspire.Api.Data;
using DanceAspire.Data;
using DanceAspire.Data.Accounts;
using DanceAspire.Data.Jobs;
using DanceAspire.Jobs;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace DanceAspire.Api.Jobs;

/// <summary>What to create: the job's kind, its JSON payload, its priority, and the request's Idempotency-Key.</summary>
public sealed record NewJob(string Kind, string Payload, int Priority = 0, string? IdempotencyKey = null);

public abstract record JobCreation
{
    private JobCreation()
    {
    }

    public sealed record Created(Job Job) : JobCreation;

    /// <summary>The owner already created a job with this Idempotency-Key: that job, and no second charge.</summary>
    public sealed record AlreadyCreated(Job Job) : JobCreation;

    public sealed record NotEnoughCoins(int Cost, int Balance) : JobCreation;
}

/// <summary>
/// Creates jobs for every endpoint that starts work: the job row (plus any domain rows) and its charge in
/// one transaction, then a signal to the dispatcher, which owns every state transition after <c>pending</c>.
/// </summary>
public sealed partial class JobCreator(DanceDbContext db, IConnectionMultiplexer redis, TimeProvider time, ILogger<JobCreator> logger)
{
    public const string IdempotencyIndex = "ix_jobs_owner_id_idempotency_key";

    public Task<JobCreation> CreateAsync(Guid ownerId, NewJob request, JobKindOptions kind, CancellationToken cancellationToken) =>
        CreateAsync(ownerId, request, kind, addDomainRows: null, cancellationToken);

    /// <param name="addDomainRows">Adds rows that belong to the job (an analysis, a generation) to the context; saved in the same transaction.</param>
    public async Task<JobCreation> CreateAsync(
        Guid ownerId, NewJob request, JobKindOptions kind, Action<DanceDbContext, Job>? addDomainRows, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is { } key && await FindByKeyAsync(ownerId, key, cancellationToken) is { } earlier)
        {
            return new JobCreation.AlreadyCreated(earlier);
        }

        var now = time.GetUtcNow();
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            Kind = request.Kind,
            OwnerId = ownerId,
            State = JobStates.Pending,
            Priority = request.Priority,
            MaxAttempts = kind.MaxAttempts,
            Payload = request.Payload,
            Cost = kind.Cost,
            IdempotencyKey = request.IdempotencyKey,
            CreatedAt = now,
            UpdatedAt = now,
        };

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Jobs.Add(job);
            addDomainRows?.Invoke(db, job);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (request.IdempotencyKey is not null && ex.IsUniqueViolation(IdempotencyIndex))
            {
                // A concurrent request with the same key committed first (this insert waited for it): answer with its job.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new JobCreation.AlreadyCreated((await FindByKeyAsync(ownerId, request.IdempotencyKey, cancellationToken))!);
            }

            if (job.Cost > 0 && await CoinLedger.ChargeAsync(db, ownerId, job.Id, job.Cost, cancellationToken) is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                var balance = await db.Users.Where(u => u.Id == ownerId).Select(u => u.CoinBalance).SingleAsync(cancellationToken);
                return new JobCreation.NotEnoughCoins(job.Cost, balance);
            }
            await transaction.CommitAsync(cancellationToken);
        }

        await SignalDispatcherAsync(job.Id);
        return new JobCreation.Created(job);
    }

    /// <summary>
    /// Flags a job for cancellation and wakes the dispatcher; false when the job has already ended. Only the flag: the
    /// dispatcher, the single writer of transitions, stops the job and refunds it.
    /// </summary>
    public async Task<bool> RequestCancelAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var flagged = await db.Jobs
            .Where(j => j.Id == jobId && !JobStates.Final.Contains(j.State))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), cancellationToken);
        if (flagged > 0)
        {
            await SignalDispatcherAsync(jobId);
        }
        return flagged > 0;
    }

    /// <summary>
    /// Wakes the dispatcher. Best effort: the job is safe in Postgres as <c>pending</c>, and the dispatcher's
    /// own scan finds it when this signal is lost (Redis down or restarting).
    /// </summary>
    public async Task SignalDispatcherAsync(Guid jobId)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(
                new RedisChannel(JobKeys.DispatcherChannel, RedisChannel.PatternMode.Literal), jobId.ToString());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogSignalFailed(jobId, ex.Message);
        }
    }

    private Task<Job?> FindByKeyAsync(Guid ownerId, string key, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().Include(j => j.Attempts)
            .SingleOrDefaultAsync(j => j.OwnerId == ownerId && j.IdempotencyKey == key, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not signal the dispatcher about job {JobId} ({Reason}); its scan will find the job")]
    private partial void LogSignalFailed(Guid jobId, string reason);
}
