namespace DanceAspire.Choreography.Search;

/// <summary>A move as the index sees it: an embedding plus the tags the filters look at.</summary>
/// <param name="Embedding">Pose-feature embedding; any non-zero length, it is normalized on insert.</param>
/// <param name="Styles">Style tags, compared case-insensitively.</param>
/// <param name="Difficulty">1 (easiest) to 5.</param>
/// <param name="Energy">0 (calm) to 100.</param>
/// <param name="OwnerId">Whose library the move is in (a filter can keep a search to one library).</param>
public sealed record MoveRecord(Guid Id, float[] Embedding, IReadOnlyCollection<string> Styles, int Difficulty, double Energy, Guid OwnerId = default);

/// <summary>One search hit; <see cref="Similarity"/> is the cosine similarity in [-1, 1].</summary>
public readonly record struct MoveMatch(Guid Id, float Similarity);

/// <summary>
/// Restricts a search. Every condition must hold; <see cref="Styles"/> matches a move that has
/// at least one of the listed tags. Ranges are inclusive.
/// </summary>
public sealed record MoveFilter
{
    public IReadOnlyCollection<string>? Styles { get; init; }
    public int MinDifficulty { get; init; } = 1;
    public int MaxDifficulty { get; init; } = 5;
    public double MinEnergy { get; init; } = 0;
    public double MaxEnergy { get; init; } = 100;
    public IReadOnlyCollection<Guid>? ExcludeIds { get; init; }

    /// <summary>Only moves in this owner's library.</summary>
    public Guid? OwnerId { get; init; }
}
