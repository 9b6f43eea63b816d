namespace DanceAspire.Api.Moves;

/// <summary>
/// A move in the caller's library. <paramref name="Embedding"/> (the pose-feature embedding, see RESULTS.md) is
/// included when one move is asked for, not in lists.
/// </summary>
public sealed record MoveView(
    Guid Id,
    string Name,
    Guid AnalysisId,
    int SegmentIndex,
    double StartSeconds,
    double DurationSeconds,
    string MovementType,
    double Energy,
    int Difficulty,
    IReadOnlyList<string> Styles,
    string ClipPath,
    string ThumbnailPath,
    float[]? Embedding,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>PATCH /api/v1/moves/{id}: what the owner may change. Absent fields stay as they are.</summary>
public sealed record MoveUpdate(string? Name, IReadOnlyList<string>? Styles, int? Difficulty);

/// <summary>Filters of a move search; every one given must hold.</summary>
public sealed record MoveSearchFilters(
    IReadOnlyList<string>? Styles = null,
    int? MinDifficulty = null,
    int? MaxDifficulty = null,
    double? MinEnergy = null,
    double? MaxEnergy = null);

/// <summary>
/// POST /api/v1/moves/search: moves like <paramref name="MoveId"/> (itself excluded) or like <paramref name="Embedding"/>
/// (exactly one of the two), in the caller's library, best first.
/// </summary>
public sealed record MoveSearchRequest(Guid? MoveId, float[]? Embedding, MoveSearchFilters? Filters, int? K);

public sealed record MoveSearchHit(MoveView Move, double Similarity);

public sealed record MoveSearchResponse(IReadOnlyList<MoveSearchHit> Hits, double SearchMilliseconds);
