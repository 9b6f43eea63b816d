using DanceAspire.Data;
using DanceAspire.Data.Analyses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Analyses;

/// <summary>
/// Removes uploads that were never confirmed (their URL expired a while ago), and files whose analysis no longer exists
/// (a worker that finished writing after a delete). Safe with several api replicas: every step is idempotent.
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
        var db = scope.ServiceProvider.GetRequiredService<DanceDbContext>();
        var storage = scope.ServiceProvider.GetRequiredService<AnalysisStorage>();
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromMinutes(options.CurrentValue.SweepGraceMinutes);
        var orphanCutoff = now - TimeSpan.FromMinutes(options.CurrentValue.OrphanGraceMinutes);

        var expired = await db.Analyses
            .Where(a => a.State == AnalysisStates.AwaitingUpload && a.UploadExpiresAt < cutoff)
            .Select(a => a.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            await storage.DeleteAllAsync(id, cancellationToken);
            await db.Analyses.Where(a => a.Id == id && a.State == AnalysisStates.AwaitingUpload).ExecuteDeleteAsync(cancellationToken);
        }

        var orphans = 0;
        await foreach (var (id, lastModified) in storage.FoldersAsync(cancellationToken))
        {
            if (lastModified >= orphanCutoff || await db.Analyses.AnyAsync(a => a.Id == id, cancellationToken)) continue;
            await storage.DeleteAllAsync(id, cancellationToken);
            orphans++;
        }
        if (expired.Count + orphans > 0)
        {
            LogSwept(expired.Count, orphans);
        }
        return (expired.Count, orphans);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Unconfirmed} unconfirmed uploads and {Orphaned} orphaned analysis folders")]
    private partial void LogSwept(int unconfirmed, int orphaned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The upload sweep failed ({Reason}); it runs again later")]
    private partial void LogSweepFailed(string reason);
}
