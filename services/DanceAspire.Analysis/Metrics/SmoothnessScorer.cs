using DanceAspire.Analysis.Motion;

namespace DanceAspire.Analysis.Metrics;

/// <summary>
/// Smoothness 0–100 from jerk, as a dimensionless jerk ratio. Each keypoint coordinate (body scales) is averaged
/// into bins of 1/10 s (so the measure does not depend on the frame rate), and over runs of consecutive bins its
/// straight-line drift is removed. With x the position, v the velocity and j the jerk (finite differences), and ‖·‖
/// the RMS, the ratio Q = ‖j‖·‖x‖² / ‖v‖³ has no unit and is 1 for a pure sinusoid at any size or tempo; jerky
/// changes and jitter raise it (relative to the move's own size and tempo, so jitter hurts a slow small move most).
/// Coordinates are combined as the mean of ln Q weighted by ‖v‖ (how much each one moves).
/// Score = 100 · (1 − ln Q / ln 16), clamped: Q ≤ 1 → 100, 2 → 75, 4 → 50, ≥ 16 → 0.
/// A clip with too little motion to judge (mean velocity &lt; 0.005) scores 100.
/// </summary>
public static class SmoothnessScorer
{
    public const double RoughRatio = 16;
    public const double MinVelocity = 0.005;
    public const double BinRateHz = 10;
    private const int MinRunBins = 6;

    public static double Score(PoseTrack track, double meanVelocity) =>
        meanVelocity < MinVelocity ? 100 : FromRatio(JerkRatio(track));

    public static double FromRatio(double ratio) =>
        double.IsNaN(ratio) ? 100 : 100 * Math.Clamp(1 - Math.Log(Math.Max(1, ratio)) / Math.Log(RoughRatio), 0, 1);

    /// <summary>The motion-weighted geometric mean of the coordinates' jerk ratios Q; NaN when nothing moved.</summary>
    public static double JerkRatio(PoseTrack track)
    {
        var rate = Math.Min(BinRateHz, track.Fps);
        double logSum = 0, weightSum = 0;
        for (var k = 0; k < PoseTrack.Keypoints; k++)
        {
            foreach (var axis in new[] { 0, 1 })
            {
                double position = 0, velocity = 0, jerk = 0;
                foreach (var run in Runs(Binned(track, k, axis, rate)))
                {
                    var x = Detrended(run);
                    var v = Differences(x, rate);
                    var j = Differences(Differences(v, rate), rate);
                    position += SumOfSquares(x) / x.Length;
                    velocity += SumOfSquares(v) / v.Length;
                    jerk += SumOfSquares(j) / j.Length;
                }
                if (velocity <= 0 || position <= 0) continue;
                var weight = Math.Sqrt(velocity);
                logSum += weight * Math.Log(Math.Sqrt(jerk) * position / Math.Pow(velocity, 1.5));
                weightSum += weight;
            }
        }
        return weightSum > 0 ? Math.Exp(logSum / weightSum) : double.NaN;
    }

    /// <summary>The coordinate averaged over each 1/rate bin from the first frame; NaN for bins with no sample.</summary>
    private static double[] Binned(PoseTrack track, int keypoint, int axis, double rate)
    {
        if (track.Count == 0) return [];
        var start = track.Times[0];
        var length = (int)Math.Floor((track.Times[^1] - start) * rate + 1e-9) + 1;
        var sums = new double[length];
        var counts = new int[length];
        for (var i = 0; i < track.Count; i++)
        {
            if (!track.Usable[i] || !track.Has(i, keypoint)) continue;
            var bin = Math.Clamp((int)Math.Floor((track.Times[i] - start) * rate + 1e-9), 0, length - 1);
            sums[bin] += (axis == 0 ? track.X(i, keypoint) : track.Y(i, keypoint)) / track.Scale[i];
            counts[bin]++;
        }
        return sums.Select((s, b) => counts[b] > 0 ? s / counts[b] : double.NaN).ToArray();
    }

    private static IEnumerable<double[]> Runs(double[] bins)
    {
        var start = 0;
        for (var i = 0; i <= bins.Length; i++)
        {
            if (i < bins.Length && !double.IsNaN(bins[i])) continue;
            if (i - start >= MinRunBins) yield return bins[start..i];
            start = i + 1;
        }
    }

    // Steady drift (walking across the frame) is not movement quality: remove each run's straight-line trend.
    private static double[] Detrended(double[] values)
    {
        var n = values.Length;
        double meanT = (n - 1) / 2.0, meanV = values.Average(), covariance = 0, variance = 0;
        for (var i = 0; i < n; i++) { covariance += (i - meanT) * (values[i] - meanV); variance += (i - meanT) * (i - meanT); }
        var slope = variance > 0 ? covariance / variance : 0;
        return values.Select((v, i) => v - meanV - slope * (i - meanT)).ToArray();
    }

    private static double[] Differences(double[] values, double rate)
    {
        var result = new double[Math.Max(0, values.Length - 1)];
        for (var i = 0; i < result.Length; i++) result[i] = (values[i + 1] - values[i]) * rate;
        return result;
    }

    private static double SumOfSquares(double[] values) => values.Sum(v => v * v);
}
