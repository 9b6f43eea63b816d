using System.Text.Json;
using DanceAspire.Data;
using DanceAspire.Data.Accounts;
using DanceAspire.Data.Jobs;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace DanceAspire.Jobs.Testing;

/// <summary>
/// Creates users and jobs straight in Postgres, as the api does (the job and its charge in one transaction, then a
/// signal to the dispatcher), asks for cancels the same way, and reads jobs back with their attempts.
/// </summary>
public sealed class JobSubmitter(string databaseConnectionString, IConnectionMultiplexer redis)
{
    public DanceDbContext CreateDbContext() => DanceDbContext.Create(databaseConnectionString);

    public async Task<Guid> CreateUserAsync(int coins = 10_000)
    {
        await using var db = CreateDbContext();
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = $"jobs-{Guid.NewGuid():N}@test.dance",
            PasswordHash = "not used by these tests",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        await CoinLedger.GrantAsync(db, user.Id, coins, "job-system test", CancellationToken.None);
        return user.Id;
    }

    /// <summary>Creates a pending job charged <paramref name="cost"/> coins and wakes the dispatcher.</summary>
    public async Task<Guid> SubmitAsync(Guid ownerId, string kind, object payload, int cost = 1, int maxAttempts = 3, int priority = 0)
    {
        await using var db = CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            OwnerId = ownerId,
            Priority = priority,
            MaxAttempts = maxAttempts,
            Payload = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
            Cost = cost,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        if (await CoinLedger.ChargeAsync(db, ownerId, job.Id, cost, CancellationToken.None) is null)
        {
            throw new InvalidOperationException($"User {ownerId} cannot pay {cost} coins.");
        }
        await transaction.CommitAsync();
        await redis.GetSubscriber().PublishAsync(JobKeys.DispatcherChannel, job.Id.ToString("N"));
        return job.Id;
    }

    /// <summary>
    /// Creates one pending job per owner in <paramref name="owners"/>, all charged and committed in one transaction, then
    /// wakes the dispatcher once: the whole batch appears to it at the same moment. Returns the ids and the commit time.
    /// </summary>
    public async Task<(List<Guid> Ids, DateTimeOffset CommittedAt)> SubmitBatchAsync(IReadOnlyList<Guid> owners, string kind, object payload, int cost = 1)
    {
        await using var db = CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        var json = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web);
        var jobs = owners.Select(owner => new Job
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            OwnerId = owner,
            Payload = json,
            Cost = cost,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync();
        foreach (var job in jobs)
        {
            _ = await CoinLedger.ChargeAsync(db, job.OwnerId, job.Id, cost, CancellationToken.None)
                ?? throw new InvalidOperationException($"User {job.OwnerId} cannot pay {cost} coins.");
        }
        await transaction.CommitAsync();
        var committedAt = DateTimeOffset.UtcNow;
        await redis.GetSubscriber().PublishAsync(JobKeys.DispatcherChannel, "batch");
        return (jobs.Select(j => j.Id).ToList(), committedAt);
    }

    /// <summary>Asks for a cancel the way the api does: the flag in Postgres, then a signal.</summary>
    public async Task RequestCancelAsync(Guid jobId)
    {
        await using var db = CreateDbContext();
        await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true));
        await redis.GetSubscriber().PublishAsync(JobKeys.DispatcherChannel, jobId.ToString("N"));
    }

    public async Task<Job> GetAsync(Guid jobId) => (await GetManyAsync([jobId])).Single();

    /// <summary>The jobs with their attempts in order.</summary>
    public async Task<List<Job>> GetManyAsync(IReadOnlyCollection<Guid> jobIds)
    {
        await using var db = CreateDbContext();
        var jobs = await db.Jobs.AsNoTracking().Include(j => j.Attempts).Where(j => jobIds.Contains(j.Id)).ToListAsync();
        jobs.ForEach(j => j.Attempts.Sort((a, b) => a.Number.CompareTo(b.Number)));
        return jobs;
    }

    /// <summary>Polls until <paramref name="condition"/> holds for the job; fails with its last state after <paramref name="timeout"/>.</summary>
    public async Task<Job> WaitForAsync(Guid jobId, Func<Job, bool> condition, TimeSpan timeout, string? what = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var job = await GetAsync(jobId);
            if (condition(job))
            {
                return job;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {jobId} did not get {what ?? "there"} within {timeout.TotalSeconds:0} s: it is {job.State}, attempt {job.Attempt}.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Polls until every job is in a final state; fails with a count of where they are after <paramref name="timeout"/>.</summary>
    public async Task<List<Job>> WaitUntilFinalAsync(IReadOnlyCollection<Guid> jobIds, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            await using (var db = CreateDbContext())
            {
                var states = await db.Jobs.Where(j => jobIds.Contains(j.Id)).GroupBy(j => j.State)
                    .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync();
                if (states.All(s => JobStates.IsFinal(s.State)) && states.Sum(s => s.Count) == jobIds.Count)
                {
                    return await GetManyAsync(jobIds);
                }
                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new TimeoutException($"Not every job finished within {timeout.TotalSeconds:0} s: " +
                        string.Join(", ", states.Select(s => $"{s.Count} {s.State}")));
                }
            }
            await Task.Delay(200);
        }
    }

    public async Task<int> BalanceAsync(Guid userId)
    {
        await using var db = CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.CoinBalance).SingleAsync();
    }

    public async Task<List<CoinTransaction>> LedgerOfAsync(Guid jobId)
    {
        await using var db = CreateDbContext();
        return await db.CoinTransactions.AsNoTracking().Where(t => t.JobId == jobId).OrderBy(t => t.CreatedAt).ToListAsync();
    }
}
