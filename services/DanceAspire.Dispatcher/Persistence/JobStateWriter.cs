using DanceAspire.Dispatcher.Events;
using DanceAspire.Dispatcher.Transitions;
using DanceAspire.Jobs;

namespace DanceAspire.Dispatcher.Persistence;

/// <summary>
/// The one way the dispatcher changes a job: <see cref="JobStore"/> commits the transition, then this announces it
/// (the update on the job's channel, a stop to a worker that must give up its attempt). Announcements follow the
/// commit, so nobody hears of a state Postgres does not hold.
/// </summary>
internal sealed class JobStateWriter(JobStore store, JobStreams streams, RunningAttempts running, TimeProvider time)
{
    public async Task<AppliedChange> ApplyAsync(Guid jobId, JobChange change, CancellationToken cancellationToken) =>
        (await ApplyAsync([(jobId, change)], cancellationToken))[0];

    /// <summary>Commits the changes in one transaction, then announces them in their order.</summary>
    public async Task<IReadOnlyList<AppliedChange>> ApplyAsync(IReadOnlyList<(Guid JobId, JobChange Change)> changes, CancellationToken cancellationToken)
    {
        var applied = await store.ApplyAsync(changes, cancellationToken);
        // Issued in order without waiting for each reply: one connection keeps them in order, and a round's worth costs one round trip.
        var announcements = new List<Task>();
        for (var i = 0; i < applied.Count; i++)
        {
            var (jobId, change) = changes[i];
            if (applied[i].Decision.StopWorker)
            {
                // A cancel (no worker named) stops the job wherever it runs; otherwise only the worker that reported.
                var worker = change.Signal == JobSignal.CancelRequested ? null : change.WorkerId;
                announcements.Add(streams.PublishStopAsync(new JobStop(jobId, worker)));
            }
            if (applied[i].Update is { } update)
            {
                running.Record(update, change.WorkerId, time.GetUtcNow());
                announcements.Add(streams.PublishUpdateAsync(update));
            }
        }
        await Task.WhenAll(announcements);
        return applied;
    }
}
