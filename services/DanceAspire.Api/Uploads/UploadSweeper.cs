using DanceAspire.Data;
using DanceAspire.Api.Analyses;
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
        var (unconfirmed, orphaned) = (analyses.Unconfirmed + songs.Unconfirmed, analyses.Orphaned + songs.Orphaned);
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
        var orphanCutoff = now - TimeSpan.FromMinutes(options.CurrentValue.OrphanGraceMinutes);

        var expired = await uploads
            .Where(u => u.State == UploadStates.AwaitingUpload && u.UploadExpiresAt < cutoff)
            .Select(u => u.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            await storage.DeleteAllAsync(id, cancellationToken);
            await uploads.Where(u => u.Id == id && u.State == UploadStates.AwaitingUpload).ExecuteDeleteAsync(cancellationToken);
        }

        var orphans = 0;
        await foreach (var (id, lastModified) in storage.FoldersAsync(cancellationToken))
        {
            if (lastModified >= orphanCutoff || await uploads.AnyAsync(u => u.Id == id, cancellationToken)) continue;
            await storage.DeleteAllAsync(id, cancellationToken);
            orphans++;
        }
        return (expired.Count, orphans);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Unconfirmed} unconfirmed uploads and {Orphaned} orphaned folders")]
    private partial void LogSwept(int unconfirmed, int orphaned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The upload sweep failed ({Reason}); it runs again later")]
    private partial void LogSweepFailed(string reason);
}
