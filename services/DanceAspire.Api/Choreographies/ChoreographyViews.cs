using System.Text.Json;
using DanceAspire.Api.Analyses;
using DanceAspire.Api.Uploads;
using DanceAspire.Choreography.Jobs;
using DanceAspire.Data;
using DanceAspire.Data.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Choreographies;

/// <summary>Reads a choreography with its job into its view, with a fresh read link to the video once it exists.</summary>
public sealed class ChoreographyViews(DanceDbContext db, ChoreographyStorage storage, IOptionsMonitor<AnalysesOptions> options, TimeProvider time)
{
    public async Task<ChoreographyView> ViewAsync(Guid id, CancellationToken cancellationToken) =>
        (await ViewsAsync([id], cancellationToken)).Single();

    /// <summary>The views of <paramref name="ids"/>, in that order, read in one query.</summary>
    public async Task<IReadOnlyList<ChoreographyView>> ViewsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await (
                from c in db.Choreographies.AsNoTracking().Where(c => ids.Contains(c.Id))
                join j in db.Jobs on c.JobId equals j.Id into jobs
                from found in jobs.DefaultIfEmpty()
                select new { Choreography = c, Job = found })
            .ToDictionaryAsync(r => r.Choreography.Id, cancellationToken);
        var views = new List<ChoreographyView>(ids.Count);
        foreach (var id in ids)
        {
            views.Add(await ViewAsync(rows[id].Choreography, rows[id].Job, cancellationToken));
        }
        return views;
    }

    private async Task<ChoreographyView> ViewAsync(DanceAspire.Data.Choreographies.Choreography choreography, Job? job, CancellationToken cancellationToken)
    {
        var id = choreography.Id;
        var state = UploadViews.JobState(job);
        var summary = state == "completed" && job!.Result is { } result
            ? JsonSerializer.Deserialize<AssemblySummary>(result, JsonSerializerOptions.Web)
            : null;
        string? url = null;
        DateTimeOffset? expiresAt = null;
        if (summary is not null)
        {
            expiresAt = time.GetUtcNow().AddMinutes(options.CurrentValue.DownloadUrlMinutes);
            url = (await storage.ReadUrlAsync(id, ChoreographyStorage.Video, expiresAt.Value, cancellationToken)).AbsoluteUri;
        }
        var error = state switch
        {
            "failed" => job?.Error ?? "The assembly failed.",
            "canceled" => "The assembly was canceled.",
            _ => null,
        };
        return new ChoreographyView(
            choreography.Id,
            choreography.Source,
            state,
            state == "completed" ? 1 : job?.Progress ?? 0,
            job?.Stage,
            error,
            choreography.SongId,
            JsonElement.Parse(choreography.Request),
            JsonElement.Parse(choreography.Blueprint),
            summary,
            url,
            expiresAt,
            choreography.JobId,
            choreography.CreatedAt,
            job?.FinishedAt);
    }
}
