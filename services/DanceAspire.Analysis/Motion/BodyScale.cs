using DanceAspire.Analysis.Pose;

namespace DanceAspire.Analysis.Motion;

/// <summary>
/// The person's size in pixels, the unit of every velocity: the torso length (shoulder midpoint to hip midpoint),
/// taken as the 90th percentile over a 4 s window so bending forward or turning (which foreshortens the torso)
/// does not shrink it, while walking towards the camera still grows it.
/// </summary>
public static class BodyScale
{
    public const double WindowHalfWidthSeconds = 2.0;
    public const double Quantile = 0.9;

    /// <summary>Torso length ≈ 0.3 of standing height; used when no frame shows both shoulders and hips.</summary>
    public const double TorsoShareOfHeight = 0.3;

    public static double[] PerFrame(double[] times, bool[] usable, double[] x, double[] y, int frameHeight)
    {
        var n = times.Length;
        var torso = new double[n];
        var extents = new List<double>();
        for (var i = 0; i < n; i++)
        {
            torso[i] = usable[i] ? TorsoLength(i, x, y) : double.NaN;
            if (usable[i]) extents.Add(VerticalExtent(i, y));
        }

        var rolling = TimeWindow.CentredQuantile(torso, times, WindowHalfWidthSeconds, Quantile);
        var clip = TimeWindow.Quantile(torso.Where(v => !double.IsNaN(v)).ToList(), 0.5);
        if (double.IsNaN(clip) || clip <= 1)
        {
            var extent = TimeWindow.Quantile(extents.Where(v => v > 0).ToList(), 0.5);
            clip = double.IsNaN(extent) ? Math.Max(1, frameHeight * 0.1) : Math.Max(1, extent * TorsoShareOfHeight);
        }

        var scale = new double[n];
        for (var i = 0; i < n; i++) scale[i] = double.IsNaN(rolling[i]) || rolling[i] <= 1 ? clip : rolling[i];
        return scale;
    }

    private static double TorsoLength(int i, double[] x, double[] y)
    {
        var b = i * PoseTrack.Keypoints;
        double lsx = x[b + Coco17.LeftShoulder], rsx = x[b + Coco17.RightShoulder], lhx = x[b + Coco17.LeftHip], rhx = x[b + Coco17.RightHip];
        if (double.IsNaN(lsx) || double.IsNaN(rsx) || double.IsNaN(lhx) || double.IsNaN(rhx)) return double.NaN;
        var dx = (lsx + rsx - lhx - rhx) / 2;
        var dy = (y[b + Coco17.LeftShoulder] + y[b + Coco17.RightShoulder] - y[b + Coco17.LeftHip] - y[b + Coco17.RightHip]) / 2;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    private static double VerticalExtent(int i, double[] y)
    {
        double min = double.MaxValue, max = double.MinValue;
        for (var k = 0; k < PoseTrack.Keypoints; k++)
        {
            var v = y[i * PoseTrack.Keypoints + k];
            if (double.IsNaN(v)) continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        return max > min ? max - min : 0;
    }
}
