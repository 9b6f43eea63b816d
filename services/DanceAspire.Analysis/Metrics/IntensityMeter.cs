namespace DanceAspire.Analysis.Metrics;

/// <summary>
/// Intensity 0–100 from velocity (body scales per 1/30 s) on a log scale: 0 at or below 0.004 (residual jitter of a
/// still person), 100 at or above 0.15 (vigorous jumping). So 0.01 ≈ 25, 0.03 ≈ 56, 0.12 ≈ 94. Monotone.
/// </summary>
public static class IntensityMeter
{
    public const double StillVelocity = 0.004;
    public const double VigorousVelocity = 0.15;

    public static double FromVelocity(double velocity)
    {
        if (double.IsNaN(velocity) || velocity <= StillVelocity) return 0;
        var share = Math.Log(velocity / StillVelocity) / Math.Log(VigorousVelocity / StillVelocity);
        return 100 * Math.Clamp(share, 0, 1);
    }
}
