using System.Diagnostics;
using DanceAspire.Data.Jobs;
using DanceAspire.TestWorker;

namespace DanceAspire.Jobs.IntegrationTests;

/// <summary>Crashes and outages: each test puts the stack back together before it ends.</summary>
[Collection(JobStackCollection.Name)]
public sealed class ResilienceTests(JobStackFixture fixture)
{
    private JobStack Stack => fixture.Stack;
    private JobSubmitter Jobs => fixture.Stack.Jobs;

    [Fact]
    public async Task A_job_whose_worker_is_killed_is_reclaimed_and_completes_on_the_other_replica_with_its_result_written_once()
    {
        await using var updates = await JobUpdateRecorder.StartAsync(Stack.Redis);
        var user = await Jobs.CreateUserAsync();
        var id = await Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(DurationMs: 5_000, ProgressSteps: 25, Result: "survivor"));
        var running = await Jobs.WaitForAsync(id, j => j.State == JobStates.Running && j.Progress > 0, TimeSpan.FromSeconds(30), "running");
        var victim = Stack.TestWorkerRunning(running.WorkerId!);

        Process.GetProcessById(victim.Pid!.Value).Kill();
        try
        {
            var job = await Jobs.WaitForAsync(id, j => JobStates.IsFinal(j.State), TimeSpan.FromSeconds(60), "to a final state");

            Assert.Equal(JobStates.Succeeded, job.State);
            Assert.Collection(job.Attempts,
                first =>
                {
                    Assert.Equal(AttemptOutcomes.Lost, first.Outcome);
                    Assert.Equal(running.WorkerId, first.WorkerId);
                    Assert.Contains("stopped heart-beating", first.Error);
                },
                second =>
                {
                    Assert.Equal(AttemptOutcomes.Succeeded, second.Outcome);
                    Assert.NotEqual(running.WorkerId, second.WorkerId);
                    Assert.Equal(job.WorkerId, second.WorkerId);
                });
            Assert.Equal(new EchoResult("survivor", job.WorkerId!, 2), EchoResult.Parse(job.Result!));
            // The update is published right after the commit the test just saw; give pub/sub a moment to deliver it.
            await WaitUntilAsync(() => updates.Of(id).Any(u => u.State == JobStates.Succeeded), TimeSpan.FromSeconds(5));
            Assert.Single(updates.Of(id), u => u.State == JobStates.Succeeded);
            Assert.Equal(1, (int)await Stack.Redis.GetDatabase().HashGetAsync(EchoHandler.CompletionsKey, id.ToString("N")));
        }
        finally
        {
            await WaitUntilAsync(() => victim.State == ResourceStates.Exited, TimeSpan.FromSeconds(10));
            await Stack.App.StartResourceAsync(JobStack.TestWorker);
        }
    }

    [Fact]
    public async Task Of_two_dispatcher_replicas_one_holds_the_dispatch_lock_and_the_other_takes_over_when_it_is_killed()
    {
        var dispatchers = Stack.App.GetInstances("dispatcher");
        Assert.Equal(2, dispatchers.Count);
        string Consoles() => string.Join("\n", dispatchers.SelectMany(d => d.Logs.Tail(30).Select(l => $"{d.Name}: {l}")));
        await WaitUntilAsync(() => dispatchers.Count(HoldsDispatchLock) == 1 && dispatchers.All(d => d.State == ResourceStates.Running), TimeSpan.FromSeconds(30), Consoles);
        Assert.Equal(1L, await CountDispatchLockHoldersAsync());
        var holder = dispatchers.Single(HoldsDispatchLock);
        var standby = dispatchers.Single(d => d != holder);

        Process.GetProcessById(holder.Pid!.Value).Kill();
        try
        {
            await WaitUntilAsync(() => HoldsDispatchLock(standby), TimeSpan.FromSeconds(30), Consoles);
            var user = await Jobs.CreateUserAsync();
            var id = await Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(DurationMs: 10, Result: "after the takeover"));
            var job = await Jobs.WaitForAsync(id, j => JobStates.IsFinal(j.State), TimeSpan.FromSeconds(30), "to a final state");

            Assert.Equal(JobStates.Succeeded, job.State);
            Assert.Equal(1L, await CountDispatchLockHoldersAsync());
        }
        finally
        {
            await WaitUntilAsync(() => holder.State == ResourceStates.Exited, TimeSpan.FromSeconds(10));
            await Stack.App.StartResourceAsync("dispatcher");
        }
    }

    /// <summary>What the replica said last about the lock in its current life (its console buffer outlives restarts).</summary>
    private static bool HoldsDispatchLock(ResourceInstance dispatcher) =>
        dispatcher.State == ResourceStates.Running
        && dispatcher.Logs.Snapshot().LastOrDefault(l => l.Text.Contains("dispatch lock") || l.Text.StartsWith("[apphost] process"))
            ?.Text.Contains("This dispatcher holds the dispatch lock") == true;

    private async Task<long> CountDispatchLockHoldersAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Stack.DatabaseConnectionString);
        await connection.OpenAsync();
        // pg_locks splits a bigint advisory key into its high (classid) and low (objid) 32 bits.
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = @key", connection);
        command.Parameters.AddWithValue("key", 0x4461_6E63_654A_6F62L);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Jobs_queued_and_running_when_Redis_is_stopped_and_wiped_all_complete_once_it_is_back()
    {
        // Eight users with three jobs each at once outnumber the sixteen worker slots: some run, some wait in Redis.
        var users = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Jobs.CreateUserAsync()));
        var ids = new List<Guid>();
        foreach (var user in users)
        {
            for (var i = 0; i < 4; i++)
            {
                ids.Add(await Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(DurationMs: 3_000, ProgressSteps: 6, Result: $"{i}")));
            }
        }
        await WaitUntilAsync(async () => (await Jobs.GetManyAsync(ids)).Count(j => j.State == JobStates.Queued) >= 4, TimeSpan.FromSeconds(30));
        var before = (await Jobs.GetManyAsync(ids)).GroupBy(j => j.State).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(before.GetValueOrDefault(JobStates.Running) > 0, "some jobs run when Redis goes");
        Assert.True(before.GetValueOrDefault(JobStates.Queued) > 0, "some jobs wait in Redis when it goes");
        var redis = Stack.Redis.GetDatabase();
        await redis.StringSetAsync("test:survives-restart?", "no");

        await Stack.App.StopResourceAsync("redis");
        WipeRedisData();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Stack.App.StartResourceAsync("redis");

        // IsConnected can turn true (the subscriber's link) before the link that serves commands is back.
        bool? survived = null;
        await WaitUntilAsync(async () =>
        {
            try
            {
                survived = await redis.KeyExistsAsync("test:survives-restart?");
                return true;
            }
            catch (StackExchange.Redis.RedisConnectionException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30));
        Assert.False(survived);
        var jobs = await Jobs.WaitUntilFinalAsync(ids, TimeSpan.FromMinutes(2));
        Assert.All(jobs, job =>
        {
            Assert.Equal(JobStates.Succeeded, job.State);
            Assert.Single(job.Attempts, a => a.Outcome == AttemptOutcomes.Succeeded);
        });
    }

    [Fact]
    public async Task A_worker_that_shuts_down_hands_its_job_back_and_the_job_completes_when_workers_return()
    {
        var user = await Jobs.CreateUserAsync();
        var id = await Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(DurationMs: 8_000, ProgressSteps: 40, Result: "handed back"));
        await Jobs.WaitForAsync(id, j => j.State == JobStates.Running && j.Progress > 0, TimeSpan.FromSeconds(30), "running");

        await Stack.App.StopResourceAsync(JobStack.TestWorker);
        try
        {
            var handedBack = await Jobs.WaitForAsync(id, j => j.State == JobStates.Queued, TimeSpan.FromSeconds(10), "back to queued");
            Assert.Equal(2, handedBack.Attempt);
            Assert.Equal(AttemptOutcomes.Released, handedBack.Attempts[0].Outcome);
        }
        finally
        {
            await Stack.App.StartResourceAsync(JobStack.TestWorker);
        }

        var job = await Jobs.WaitForAsync(id, j => JobStates.IsFinal(j.State), TimeSpan.FromSeconds(60), "to a final state");
        Assert.Equal(JobStates.Succeeded, job.State);
        Assert.Equal([AttemptOutcomes.Released, AttemptOutcomes.Succeeded], job.Attempts.Select(a => a.Outcome));
    }

    [Fact]
    public async Task Jobs_running_while_the_dispatcher_is_down_complete_once_it_is_back_without_being_reclaimed()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Jobs.CreateUserAsync()));
        var ids = new List<Guid>();
        foreach (var user in users)
        {
            for (var i = 0; i < 3; i++)
            {
                ids.Add(await Jobs.SubmitAsync(user, EchoHandler.JobKind, new EchoPayload(DurationMs: 4_000, ProgressSteps: 8, Result: $"{i}")));
            }
        }
        await WaitUntilAsync(async () => (await Jobs.GetManyAsync(ids)).All(j => j.State == JobStates.Running), TimeSpan.FromSeconds(30));

        // Down for longer than a lease: the workers go on, their heartbeats and outcomes wait in the event stream.
        await Stack.App.StopResourceAsync("dispatcher");
        await Task.Delay(TimeSpan.FromSeconds(JobStackFixture.EchoPolicy.LeaseSeconds + 1));
        await Stack.App.StartResourceAsync("dispatcher");

        var jobs = await Jobs.WaitUntilFinalAsync(ids, TimeSpan.FromSeconds(60));
        Assert.All(jobs, job =>
        {
            Assert.Equal(JobStates.Succeeded, job.State);
            Assert.Equal(AttemptOutcomes.Succeeded, Assert.Single(job.Attempts).Outcome);
        });
    }

    /// <summary>Everything redis-server keeps in its folder (the append-only files), as if the disk were lost; its logs stay.</summary>
    private void WipeRedisData()
    {
        var folder = Path.Combine(Stack.App.Options.StateDirectory, "redis");
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().Where(e => e.Name != "logs"))
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string>? explain = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, explain);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string>? explain = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold within {timeout.TotalSeconds:0} s.{(explain is null ? "" : "\n" + explain())}");
            }
            await Task.Delay(100);
        }
    }
}
