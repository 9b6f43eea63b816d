using DanceAspire.Choreography.Planning;

namespace DanceAspire.Choreography.Descriptions;

/// <summary>What a description of a dance says about it; null where it says nothing.</summary>
/// <param name="Difficulty">1 (beginner) to 5 (expert).</param>
/// <param name="Style">A style tag in its one spelling: lower-case letters and digits, e.g. "hiphop".</param>
/// <param name="SongTitle">Words that name a song, to match against the library's titles.</param>
public sealed record ChoreographyHints(
    int? Difficulty = null,
    EnergyLevel? Energy = null,
    string? Style = null,
    double? TempoBpm = null,
    string? SongTitle = null,
    double? DurationSeconds = null)
{
    public static ChoreographyHints None { get; } = new();

    /// <summary>Tempos a song can plausibly have; anything else is a misreading.</summary>
    internal const double MinTempo = 30, MaxTempo = 300;

    /// <summary>The longest routine a blueprint allows (20 minutes).</summary>
    internal const double MinDuration = 1, MaxDuration = 1200;
}
