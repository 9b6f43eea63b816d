using DanceAspire.Analysis.Motion;

namespace DanceAspire.Analysis.Metrics;

/// <summary>
/// Activity 0–100 per body part from its mean relative speed v (body scales per 1/30 s, see <see cref="BodyPartKeypoints"/>):
/// 100 · (1 − exp(−max(0, v − 0.004) / 0.04)). Absolute with a saturation (not relative to the busiest part), so a
/// still clip reads near 0 everywhere; 0.004 absorbs residual jitter; 0.05 (a swinging arm) ≈ 70.
/// </summary>
public static class BodyPartActivityMeter
{
    public const double JitterSpeed = 0.004;
    public const double SaturationSpeed = 0.04;

    /// <summary>Per part, the per-frame relative speed (NaN where unseen).</summary>
    public static Dictionary<BodyPart, double[]> PartSpeeds(PoseTrack track) =>
        BodyPartKeypoints.All.ToDictionary(p => p.Part, p => Kinematics.PartSpeed(track, p));

    /// <summary>Per part, activity 0–100 from the time-weighted mean speed over the frames where the part was seen.</summary>
    public static Dictionary<BodyPart, double> Activity(Dictionary<BodyPart, double[]> speeds, IReadOnlyList<double> durations) =>
        speeds.ToDictionary(p => p.Key, p => FromSpeed(WeightedMean(p.Value, durations)));

    public static double FromSpeed(double speed) =>
        double.IsNaN(speed) ? 0 : 100 * (1 - Math.Exp(-Math.Max(0, speed - JitterSpeed) / SaturationSpeed));

    internal static double WeightedMean(double[] values, IReadOnlyList<double> weights)
    {
        double sum = 0, weight = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            sum += values[i] * weights[i];
            weight += weights[i];
        }
        return weight > 0 ? sum / weight : double.NaN;
    }
}
