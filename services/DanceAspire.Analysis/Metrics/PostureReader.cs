using DanceAspire.Analysis.Motion;
using DanceAspire.Analysis.Pose;

namespace DanceAspire.Analysis.Metrics;

/// <summary>Reads posture from keypoints: whether the hips and feet have left their baseline (a jump) and whether the legs are folded (a crouch).</summary>
public static class PostureReader
{
    public const double BaselineHalfWidthSeconds = 1.5;

    /// <summary>Per frame: (hips above their recent median height, lower foot above the recent ground line), in body scales; NaN where unseen.</summary>
    public static (double[] HipLift, double[] FootLift) Lift(PoseTrack track)
    {
        var n = track.Count;
        var hipY = new double[n];
        var footY = new double[n];
        for (var i = 0; i < n; i++)
        {
            hipY[i] = Mid(track, i, Coco17.LeftHip, Coco17.RightHip, out var hy) ? hy : double.NaN;
            // The lower of the two feet (larger image y): both feet must leave the ground for a jump.
            footY[i] = track.Usable[i] && track.Has(i, Coco17.LeftAnkle) && track.Has(i, Coco17.RightAnkle)
                ? Math.Max(track.Y(i, Coco17.LeftAnkle), track.Y(i, Coco17.RightAnkle))
                : double.NaN;
        }

        var hipBaseline = TimeWindow.CentredQuantile(hipY, track.Times, BaselineHalfWidthSeconds, 0.5);
        var ground = TimeWindow.CentredQuantile(footY, track.Times, BaselineHalfWidthSeconds, 1.0);
        var hipLift = new double[n];
        var footLift = new double[n];
        for (var i = 0; i < n; i++)
        {
            hipLift[i] = (hipBaseline[i] - hipY[i]) / track.Scale[i];
            footLift[i] = (ground[i] - footY[i]) / track.Scale[i];
        }
        return (hipLift, footLift);
    }

    /// <summary>Whether the legs are folded at this frame: thighs compressed toward horizontal, or knees sharply bent with the hips lowered.</summary>
    public static bool IsCrouched(PoseTrack track, int i, MovementThresholds thresholds)
    {
        if (!track.Usable[i]) return false;
        var drops = new List<double>(2);
        var bent = false;
        foreach (var (hip, knee, ankle) in new[] { (Coco17.LeftHip, Coco17.LeftKnee, Coco17.LeftAnkle), (Coco17.RightHip, Coco17.RightKnee, Coco17.RightAnkle) })
        {
            if (!track.Has(i, hip) || !track.Has(i, knee)) continue;
            drops.Add((track.Y(i, knee) - track.Y(i, hip)) / track.Scale[i]);
            if (!track.Has(i, ankle)) continue;
            var angle = AngleDegrees(track, i, hip, knee, ankle);
            var hipHeight = (track.Y(i, ankle) - track.Y(i, hip)) / track.Scale[i];
            bent |= angle < thresholds.CrouchKneeAngleDegrees && hipHeight < thresholds.CrouchHipHeight;
        }
        return drops.Count > 0 && (drops.Average() < thresholds.CrouchKneeDrop || bent);
    }

    private static double AngleDegrees(PoseTrack track, int i, int a, int vertex, int b)
    {
        double ax = track.X(i, a) - track.X(i, vertex), ay = track.Y(i, a) - track.Y(i, vertex);
        double bx = track.X(i, b) - track.X(i, vertex), by = track.Y(i, b) - track.Y(i, vertex);
        var norms = Math.Sqrt(ax * ax + ay * ay) * Math.Sqrt(bx * bx + by * by);
        if (norms <= 0) return 180;
        return Math.Acos(Math.Clamp((ax * bx + ay * by) / norms, -1, 1)) * 180 / Math.PI;
    }

    private static bool Mid(PoseTrack track, int i, int a, int b, out double y)
    {
        y = double.NaN;
        if (!track.Usable[i] || !track.Has(i, a) || !track.Has(i, b)) return false;
        y = (track.Y(i, a) + track.Y(i, b)) / 2;
        return true;
    }
}
