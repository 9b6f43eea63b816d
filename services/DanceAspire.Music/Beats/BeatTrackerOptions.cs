namespace DanceAspire.Music.Beats;

/// <summary>Settings of <see cref="BeatTracker"/>; the defaults suit popular and dance music.</summary>
public sealed record BeatTrackerOptions
{
    /// <summary>Centre of the tempo prior: the tempo most likely before looking at the audio.</summary>
    public double PriorBpm { get; init; } = 120;

    /// <summary>Width of the tempo prior in octaves (one standard deviation of log2 tempo).</summary>
    public double PriorOctaves { get; init; } = 1.0;

    /// <summary>How strongly beat spacing is held to the local tempo (Ellis's tightness; higher keeps spacing steadier).</summary>
    public double Tightness { get; init; } = 100;

    /// <summary>Beats per bar, for downbeats.</summary>
    public int BeatsPerBar { get; init; } = 4;

    public double MinBpm { get; init; } = 40;
    public double MaxBpm { get; init; } = 240;
}
