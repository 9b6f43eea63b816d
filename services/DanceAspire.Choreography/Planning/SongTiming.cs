namespace DanceAspire.Choreography.Planning;

/// <summary>What the planner needs to know about a song: where its audio is and where its beats fall.</summary>
/// <param name="AudioPath">Blob path of the song's audio, "songs/…".</param>
/// <param name="DurationSeconds">Length of the audio.</param>
/// <param name="TempoBpm">Beats per minute; used to lay a beat grid when <paramref name="Beats"/> is empty.</param>
/// <param name="Beats">Beat times in seconds.</param>
/// <param name="Downbeats">Times in seconds of the first beat of each bar; empty when unknown.</param>
/// <param name="BarSeconds">Length of one bar; 0 when unknown (then taken from the downbeats or four beats).</param>
/// <param name="Sections">Stretches of the song with their energy; may be empty.</param>
public sealed record SongTiming(
    string AudioPath,
    double DurationSeconds,
    double TempoBpm,
    IReadOnlyList<double> Beats,
    IReadOnlyList<double> Downbeats,
    double BarSeconds,
    IReadOnlyList<EnergySection> Sections);

/// <summary>A stretch of the song and how energetic it is.</summary>
/// <param name="Energy">0 (calm) to 100.</param>
public sealed record EnergySection(double StartSeconds, double EndSeconds, double Energy);
