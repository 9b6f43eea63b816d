using System.Diagnostics;
using DanceAspire.Api.Accounts;
using DanceAspire.Api.Analyses;
using DanceAspire.Choreography.Search;
using DanceAspire.Data;
using DanceAspire.Data.Moves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanceAspire.Api.Moves;

/// <summary>/api/v1/moves: the caller's move library (moves cut from their analyzed videos): list, read, tag, delete, search.</summary>
public static class MovesApi
{
    public const int MaxNameLength = 120;
    public const int MaxStyles = 16;
    public const int MaxStyleLength = 40;
    public const int MaxK = 100;

    public static RouteGroupBuilder MapMovesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/moves").WithTags("Moves");
        group.MapGet("", List)
            .WithName("ListMoves")
            .WithSummary("The caller's moves, newest first; filter by style, analysis, difficulty or energy.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get)
            .WithName("GetMove")
            .WithSummary("One move, with its pose-feature embedding.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:guid}", Update)
            .WithName("UpdateMove")
            .WithSummary("Changes a move's name, style tags or difficulty.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteMove")
            .WithSummary("Removes a move and its clip from the library (its analysis stays).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/{file:regex(^(clip|thumbnail)$)}/link", GetLink)
            .WithName("GetMoveFileLink")
            .WithSummary("A short-lived read link to the move's clip (MP4) or thumbnail (JPEG).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/search", Search)
            .WithName("SearchMoves")
            .WithSummary("Moves most like a move or an embedding (cosine similarity of pose features), with filters.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static MoveView View(Move move, bool withEmbedding) => new(
        move.Id, move.Name, move.AnalysisId, move.SegmentIndex, move.StartSeconds, move.DurationSeconds, move.MovementType,
        move.Energy, move.Difficulty, move.Styles, move.ClipPath, move.ThumbnailPath, withEmbedding ? move.Embedding : null,
        move.CreatedAt, move.UpdatedAt);

    private static async Task<Results<Ok<Page<MoveView>>, ValidationProblem>> List(
        Caller caller, DanceDbContext db, int? page, int? pageSize, string? style, Guid? analysisId,
        int? minDifficulty, int? maxDifficulty, double? minEnergy, double? maxEnergy, CancellationToken cancellationToken)
    {
        var (paging, errors) = Paging.From(page, pageSize);
        var filters = new MoveSearchFilters(style is null ? null : [style], minDifficulty, maxDifficulty, minEnergy, maxEnergy);
        ValidateFilters(filters, "", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query parameters are not valid; see errors.");
        }
        var mine = db.Moves.AsNoTracking().Where(m => m.OwnerId == caller.UserId);
        if (analysisId is { } analysis) mine = mine.Where(m => m.AnalysisId == analysis);
        if (style is not null) mine = mine.Where(m => m.Styles.Contains(style.ToLowerInvariant()));
        if (minDifficulty is { } minD) mine = mine.Where(m => m.Difficulty >= minD);
        if (maxDifficulty is { } maxD) mine = mine.Where(m => m.Difficulty <= maxD);
        if (minEnergy is { } minE) mine = mine.Where(m => m.Energy >= minE);
        if (maxEnergy is { } maxE) mine = mine.Where(m => m.Energy <= maxE);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.SegmentIndex)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<MoveView>(rows.Select(m => View(m, withEmbedding: false)).ToList(), paging.PageNumber, paging.PageSize, total));
    }

    private static async Task<Results<Ok<MoveView>, ProblemHttpResult>> Get(Guid id, Caller caller, DanceDbContext db, CancellationToken cancellationToken) =>
        await db.Moves.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } move
            ? TypedResults.Ok(View(move, withEmbedding: true))
            : NoSuchMove(id);

    private static async Task<Results<Ok<MoveView>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, MoveUpdate update, Caller caller, DanceDbContext db, MoveLibrary library, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (update.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl)))
        {
            errors["name"] = [$"name must be 1 to {MaxNameLength} printable characters."];
        }
        if (update.Styles is { } styles)
        {
            if (styles.Count > MaxStyles) errors["styles"] = [$"A move has at most {MaxStyles} style tags."];
            else if (styles.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > MaxStyleLength || s.Any(char.IsControl)))
                errors["styles"] = [$"Each style tag is 1 to {MaxStyleLength} printable characters."];
        }
        if (update.Difficulty is < 1 or > 5)
        {
            errors["difficulty"] = ["difficulty is 1 (easiest) to 5."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The update is not valid; see errors.");
        }
        var move = await db.Moves.VisibleTo(caller).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (move is null)
        {
            return NoSuchMove(id);
        }
        if (update.Name is { } newName) move.Name = newName.Trim();
        // Tags are compared case-insensitively everywhere, so they are kept in one case.
        if (update.Styles is { } newStyles) move.Styles = newStyles.Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        if (update.Difficulty is { } difficulty) move.Difficulty = difficulty;
        move.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        library.Upsert(move);
        return TypedResults.Ok(View(move, withEmbedding: true));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, Caller caller, DanceDbContext db, MoveLibrary library, MoveStorage storage, CancellationToken cancellationToken)
    {
        var move = await db.Moves.VisibleTo(caller).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (move is null)
        {
            return NoSuchMove(id);
        }
        db.Moves.Remove(move);
        await db.SaveChangesAsync(cancellationToken);
        library.Remove([id]);
        foreach (var path in new[] { move.ClipPath, move.ThumbnailPath })
        {
            var (analysisId, file) = MoveStorage.Locate(path);
            await storage.Blob(analysisId, file).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ArtifactLink>, ProblemHttpResult>> GetLink(
        Guid id, string file, Caller caller, DanceDbContext db, MoveStorage storage, IOptionsMonitor<AnalysesOptions> options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var move = await db.Moves.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (move is null)
        {
            return NoSuchMove(id);
        }
        var (analysisId, name) = MoveStorage.Locate(file == "clip" ? move.ClipPath : move.ThumbnailPath);
        var expiresAt = time.GetUtcNow().AddMinutes(options.CurrentValue.DownloadUrlMinutes);
        var url = await storage.ReadUrlAsync(analysisId, name, expiresAt, cancellationToken);
        return TypedResults.Ok(new ArtifactLink(url.AbsoluteUri, expiresAt));
    }

    private static async Task<Results<Ok<MoveSearchResponse>, ValidationProblem, ProblemHttpResult>> Search(
        MoveSearchRequest request, Caller caller, DanceDbContext db, MoveLibrary library, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if ((request.MoveId is null) == (request.Embedding is null))
        {
            errors["moveId"] = ["Give exactly one of moveId and embedding."];
        }
        if (request.Embedding is { } given)
        {
            if (given.Length != MoveLibrary.Dimension) errors["embedding"] = [$"An embedding has {MoveLibrary.Dimension} numbers, not {given.Length}."];
            else if (given.Any(v => !float.IsFinite(v)) || given.All(v => v == 0)) errors["embedding"] = ["The embedding must be finite and not all zeros."];
        }
        if (request.K is < 1 or > MaxK)
        {
            errors["k"] = [$"k is 1 to {MaxK}."];
        }
        ValidateFilters(request.Filters, "filters.", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The search is not valid; see errors.");
        }

        var query = request.Embedding;
        IReadOnlyCollection<Guid>? exclude = null;
        if (request.MoveId is { } moveId)
        {
            var like = await db.Moves.AsNoTracking().VisibleTo(caller).Where(m => m.Id == moveId).Select(m => m.Embedding).SingleOrDefaultAsync(cancellationToken);
            if (like is null)
            {
                return NoSuchMove(moveId);
            }
            (query, exclude) = (like, [moveId]);
        }
        var filters = request.Filters ?? new MoveSearchFilters();
        var filter = new MoveFilter
        {
            OwnerId = caller.UserId,
            Styles = filters.Styles,
            MinDifficulty = filters.MinDifficulty ?? 1,
            MaxDifficulty = filters.MaxDifficulty ?? 5,
            MinEnergy = filters.MinEnergy ?? 0,
            MaxEnergy = filters.MaxEnergy ?? 100,
            ExcludeIds = exclude,
        };
        var started = Stopwatch.GetTimestamp();
        var matches = library.Index.Search(query!, request.K ?? 10, filter);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var ids = matches.Select(m => m.Id).ToList();
        var moves = await db.Moves.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        // A move deleted between the search and the read is left out rather than reported.
        var hits = matches.Where(m => moves.ContainsKey(m.Id)).Select(m => new MoveSearchHit(View(moves[m.Id], withEmbedding: false), m.Similarity)).ToList();
        return TypedResults.Ok(new MoveSearchResponse(hits, elapsed));
    }

    private static void ValidateFilters(MoveSearchFilters? filters, string prefix, Dictionary<string, string[]> errors)
    {
        if (filters is null) return;
        if (filters.MinDifficulty is < 1 or > 5 || filters.MaxDifficulty is < 1 or > 5 || filters.MinDifficulty > filters.MaxDifficulty)
        {
            errors[prefix + "minDifficulty"] = ["Difficulties are 1 to 5, the minimum not above the maximum."];
        }
        if (filters.MinEnergy is < 0 or > 100 || filters.MaxEnergy is < 0 or > 100 || filters.MinEnergy > filters.MaxEnergy)
        {
            errors[prefix + "minEnergy"] = ["Energies are 0 to 100, the minimum not above the maximum."];
        }
    }

    /// <summary>The moves a caller may see: their own, or any for an admin (others' are 404, never 403).</summary>
    internal static IQueryable<Move> VisibleTo(this IQueryable<Move> moves, Caller caller) =>
        caller.IsAdmin ? moves : moves.Where(m => m.OwnerId == caller.UserId);

    private static ProblemHttpResult NoSuchMove(Guid id) => ApiProblems.NotFound("move", id);
}
