using DanceAspire.Data;
using DanceAspire.Api.Analyses;
using DanceAspire.Api.Choreographies;
using DanceAspire.Api.Moves;
using DanceAspire.Api.Songs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Uploads;

/// <summary>
/// Removes uploads (videos, songs) that were never confirmed (their URL expired a while ago), and files whose row no
/// longer exists (a worker that finished writing after a delete). Safe with several api replicas: every step is idempotent.
/// </summary>
public sealed partial class UploadSweeper(IServiceScopeFactory scopes, IOptionsMonitor<AnalysesOptions> options, TimeProvider time, ILogger<UploadSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(e.Message);
            }
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.SweepIntervalSeconds)), time, stoppingToken);
        }
    }

    /// <summary>One sweep; returns how many unconfirmed uploads and orphaned folders it removed.</summary>
    public async Task<(int Unconfirmed, int Orphaned)> SweepAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DanceDbContext>();
        var analyses = await SweepAsync(db.Analyses, services.GetRequiredService<AnalysisStorage>(), cancellationToken);
        var songs = await SweepAsync(db.Songs, services.GetRequiredService<SongStorage>(), cancellationToken);
        // Move clips live in a folder per analysis; assembled videos in a folder per choreography.
        var moves = await SweepOrphansAsync(services.GetRequiredService<MoveStorage>(), id => db.Analyses.AnyAsync(a => a.Id == id, cancellationToken), cancellationToken);
        var videos = await SweepOrphansAsync(services.GetRequiredService<ChoreographyStorage>(), id => db.Choreographies.AnyAsync(c => c.Id == id, cancellationToken), cancellationToken);
        var (unconfirmed, orphaned) = (analyses.Unconfirmed + songs.Unconfirmed, analyses.Orphaned + songs.Orphaned + moves + videos);
        if (unconfirmed + orphaned > 0)
        {
            LogSwept(unconfirmed, orphaned);
        }
        return (unconfirmed, orphaned);
    }

    private async Task<(int Unconfirmed, int Orphaned)> SweepAsync<T>(DbSet<T> uploads, FolderStorage storage, CancellationToken cancellationToken)
        where T : UploadedMedia
    {
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromMinutes(options.CurrentValue.SweepGraceMinutes);

        var expired = await uploads
            .Where(u => u.State == UploadStates.AwaitingUpload && u.UploadExpiresAt < cutoff)
            .Select(u => u.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            await storage.DeleteAllAsync(id, cancellationToken);
            await uploads.Where(u => u.Id == id && u.State == UploadStates.AwaitingUpload).ExecuteDeleteAsync(cancellationToken);
        }

        var orphans = await SweepOrphansAsync(storage, id => uploads.AnyAsync(u => u.Id == id, cancellationToken), cancellationToken);
        return (expired.Count, orphans);
    }

    /// <summary>Deletes the folders, untouched for the grace period, whose owner row <paramref name="exists"/> no more.</summary>
    private async Task<int> SweepOrphansAsync(FolderStorage storage, Func<Guid, Task<bool>> exists, CancellationToken cancellationToken)
    {
        var orphanCutoff = time.GetUtcNow() - TimeSpan.FromMinutes(options.CurrentValue.OrphanGraceMinutes);
        var orphans = 0;
        await foreach (var (id, lastModified) in storage.FoldersAsync(cancellationToken))
        {
            if (lastModified >= orphanCutoff || await exists(id)) continue;
            await storage.DeleteAllAsync(id, cancellationToken);
            orphans++;
        }
        return orphans;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Unconfirmed} unconfirmed uploads and {Orphaned} orphaned folders")]
    private partial void LogSwept(int unconfirmed, int orphaned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The upload sweep failed ({Reason}); it runs again later")]
    private partial void LogSweepFailed(string reason);
}
