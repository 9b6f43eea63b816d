using DanceAspire.Dispatcher.Persistence;
using DanceAspire.Dispatcher.Transitions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DanceAspire.Dispatcher.Duties;

/// <summary>
/// Carries out the owners' cancels (the api sets <c>cancel_requested</c>): a job not running yet is canceled and
/// refunded at once; a running one is told to stop, and is canceled when its worker confirms (or its lease runs out).
/// The stop is published again now and then in case the worker missed it (pub/sub keeps nothing).
/// </summary>
internal sealed class CancelRequests(NpgsqlDataSource database, JobStateWriter writer, IOptions<DispatcherOptions> options, TimeProvider time)
{
    private readonly Dictionary<Guid, DateTimeOffset> _stopsSent = [];

    /// <summary>Handles every open cancel request; true when any job changed state.</summary>
    public async Task<bool> HandleAsync(CancellationToken cancellationToken)
    {
        var requests = await FindOpenRequestsAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var (jobId, attempt, running) in requests)
        {
            if (running && _stopsSent.TryGetValue(jobId, out var sentAt) && now - sentAt < options.Value.StopRepeatInterval)
            {
                continue;
            }
            var applied = await writer.ApplyAsync(jobId, new JobChange(JobSignal.CancelRequested, attempt, WorkerId: null), cancellationToken);
            if (applied.Decision.StopWorker)
            {
                _stopsSent[jobId] = now;
            }
            changed |= applied.Decision.NewState is not null;
        }
        foreach (var jobId in _stopsSent.Keys.Except(requests.Select(r => r.JobId)).ToArray())
        {
            _stopsSent.Remove(jobId);
        }
        return changed;
    }

    private async Task<List<(Guid JobId, int Attempt, bool Running)>> FindOpenRequestsAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, attempt, state = 'running' FROM jobs WHERE state IN ('pending', 'queued', 'running') AND cancel_requested";
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<(Guid, int, bool)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetBoolean(2)));
        }
        return requests;
    }
}
