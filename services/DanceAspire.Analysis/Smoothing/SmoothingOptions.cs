namespace DanceAspire.Analysis.Smoothing;

/// <summary>
/// Parameters of the per-keypoint One Euro filters. <see cref="Beta"/> is per body scale per second (the filter
/// divides it by the person's torso length in pixels), so a person far from the camera is smoothed like one near it.
/// </summary>
public sealed record SmoothingOptions
{
    public double MinCutoffHz { get; init; } = 1.5;

    public double Beta { get; init; } = 0.5;

    public double DerivativeCutoffHz { get; init; } = 1.0;

    /// <summary>Keypoints scored below this are skipped (neither filtered nor used by the metrics).</summary>
    public float MinKeypointScore { get; init; } = 0.3f;

    /// <summary>A keypoint unseen for longer than this starts a fresh filter instead of gliding from a stale value.</summary>
    public double ResetAfterSeconds { get; init; } = 0.5;

    public static SmoothingOptions Default { get; } = new();
}
