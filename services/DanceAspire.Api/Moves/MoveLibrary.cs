using System.Text.Json;
using DanceAspire.Analysis.Jobs;
using DanceAspire.Api.Data;
using DanceAspire.Choreography.Search;
using DanceAspire.Data;
using DanceAspire.Data.Jobs;
using DanceAspire.Data.Moves;
using Microsoft.EntityFrameworkCore;

namespace DanceAspire.Api.Moves;

/// <summary>
/// The move library: rows in Postgres (the truth) and an in-memory similarity index kept in step with them. Every
/// write goes to Postgres first and to the index after it commits; the index is rebuilt from Postgres at start-up
/// and whenever the two are found to disagree.
/// </summary>
public sealed partial class MoveLibrary(IServiceScopeFactory scopes, TimeProvider time, ILogger<MoveLibrary> logger) : IDisposable
{
    /// <summary>The embedding length the index holds (the analysis's MoveFeatures).</summary>
    public static readonly int Dimension = Analysis.Moves.MoveFeatures.EmbeddingLength;

    private MoveIndex _index = new(Dimension);

    public MoveIndex Index => _index;

    public static MoveRecord Record(Move move) =>
        new(move.Id, move.Embedding, move.Styles, move.Difficulty, move.Energy, move.OwnerId);

    /// <summary>Rebuilds the index from every row (at start-up, or when it drifted).</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DanceDbContext>();
        var index = new MoveIndex(Dimension, await db.Moves.CountAsync(cancellationToken));
        await foreach (var move in db.Moves.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (move.Embedding.Length == Dimension) index.Upsert(Record(move));
        }
        var old = Interlocked.Exchange(ref _index, index);
        old.Dispose();
        LogLoaded(index.Count);
    }

    /// <summary>Whether the index holds as many moves as Postgres (checked by the importer now and then).</summary>
    public async Task<bool> InStepAsync(DanceDbContext db, CancellationToken cancellationToken) =>
        await db.Moves.CountAsync(m => m.Embedding.Length == Dimension, cancellationToken) == _index.Count;

    /// <summary>
    /// Adds the moves of analyses whose job succeeded since the last call (a few at a time); returns how many moves
    /// were added. Safe to run on several replicas: the (analysis, segment) key stops a second copy.
    /// </summary>
    public async Task<int> ImportAsync(DanceDbContext db, CancellationToken cancellationToken)
    {
        var pending = await (
                from a in db.Analyses
                join j in db.Jobs on a.JobId equals j.Id
                where a.MovesImportedAt == null && j.State == JobStates.Succeeded
                orderby j.FinishedAt
                select new { Analysis = a, j.Result })
            .Take(20).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var row in pending)
        {
            var summary = row.Result is { } json ? JsonSerializer.Deserialize<AnalysisSummary>(json, JsonSerializerOptions.Web) : null;
            var now = time.GetUtcNow();
            var known = await db.Moves.Where(m => m.AnalysisId == row.Analysis.Id).Select(m => m.SegmentIndex).ToListAsync(cancellationToken);
            var moves = (summary?.Moves ?? [])
                .Where(m => !known.Contains(m.SegmentIndex))
                .Select(m => NewMove(row.Analysis.Id, row.Analysis.OwnerId, row.Analysis.FileName, m, now))
                .ToList();
            db.Moves.AddRange(moves);
            row.Analysis.MovesImportedAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() || e.IsForeignKeyViolation())
            {
                // Another replica imported it first, or the analysis was deleted meanwhile: nothing to add.
                db.ChangeTracker.Clear();
                continue;
            }
            _index.UpsertRange(moves.Where(m => m.Embedding.Length == Dimension).Select(Record));
            added += moves.Count;
        }
        if (added > 0) LogImported(added, pending.Count);
        return added;
    }

    public void Upsert(Move move)
    {
        if (move.Embedding.Length == Dimension) _index.Upsert(Record(move));
    }

    public void Remove(IEnumerable<Guid> moveIds)
    {
        foreach (var id in moveIds) _index.Remove(id);
    }

    private static Move NewMove(Guid analysisId, Guid ownerId, string fileName, ExtractedMove move, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerId = ownerId,
        AnalysisId = analysisId,
        SegmentIndex = move.SegmentIndex,
        Name = $"{Path.GetFileNameWithoutExtension(fileName)} · {move.MovementType} {move.SegmentIndex + 1}",
        ClipPath = move.ClipPath,
        ThumbnailPath = move.ThumbnailPath,
        StartSeconds = move.StartSeconds,
        DurationSeconds = move.DurationSeconds,
        MovementType = move.MovementType,
        Energy = move.Energy,
        Difficulty = move.Difficulty,
        Styles = [],
        Embedding = move.Embedding,
        FirstPose = move.FirstPose,
        LastPose = move.LastPose,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Dispose() => _index.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Move index loaded: {Count} moves")]
    private partial void LogLoaded(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Moves} moves from {Analyses} analyses")]
    private partial void LogImported(int moves, int analyses);
}

/// <summary>Loads the move index at start-up, then imports the moves of newly completed analyses every few seconds.</summary>
public sealed partial class MoveImporter(MoveLibrary library, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<MoveImporter> logger)
    : BackgroundService
{
    /// <summary>How often to check the index against Postgres, in import rounds.</summary>
    private const int CheckEvery = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Moves:ImportIntervalSeconds", 2.0));
        var round = 0;
        var loaded = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!loaded)
                {
                    await library.ReloadAsync(stoppingToken);
                    loaded = true;
                }
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<DanceDbContext>();
                await library.ImportAsync(db, stoppingToken);
                if (++round % CheckEvery == 0 && !await library.InStepAsync(db, stoppingToken))
                {
                    await library.ReloadAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may still be migrating at start-up; the next round tries again.
                LogImportFailed(e.Message);
            }
            await Task.Delay(interval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Move import failed ({Reason}); it runs again shortly")]
    private partial void LogImportFailed(string reason);
}
