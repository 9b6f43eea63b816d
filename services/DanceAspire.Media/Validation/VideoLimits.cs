namespace DanceAspire.Media.Validation;

/// <summary>What a video upload may be (the api binds it from its <c>Analyses</c> settings).</summary>
public sealed class VideoLimits
{

    public double MaxDurationSeconds { get; set; } = 600;

    /// <summary>The limit on the longer side (so a portrait 2160x3840 video passes a 3840x2160 limit).</summary>
    public int MaxWidth { get; set; } = 3840;

    /// <summary>The limit on the shorter side.</summary>
    public int MaxHeight { get; set; } = 2160;

    public long MaxSizeBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
