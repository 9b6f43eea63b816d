namespace DanceAspire.Analysis.Motion;

/// <summary>
/// Speeds in the unit every threshold uses: body scales (torso lengths) per 1/30 s, i.e. speed per second ÷ 30,
/// so 0.01 means the same at 5 fps and at 60 fps.
/// </summary>
public static class Kinematics
{
    public const double ReferenceFps = 30.0;

    /// <summary>Fewer confident keypoints than this in two consecutive frames leaves the frame's velocity undefined (NaN).</summary>
    public const int MinKeypointsForVelocity = 4;

    /// <summary>Per frame: the mean displacement since the previous frame of the keypoints confident in both. NaN for a frame after a gap.</summary>
    public static double[] FrameVelocity(PoseTrack track)
    {
        var velocity = new double[track.Count];
        velocity[0] = double.NaN;
        for (var i = 1; i < track.Count; i++)
        {
            velocity[i] = double.NaN;
            var dt = track.Times[i] - track.Times[i - 1];
            if (!track.Usable[i] || !track.Usable[i - 1] || dt <= 0) continue;
            double sum = 0;
            var count = 0;
            for (var k = 0; k < PoseTrack.Keypoints; k++)
            {
                if (!track.Has(i, k) || !track.Has(i - 1, k)) continue;
                sum += Distance(track.X(i, k) - track.X(i - 1, k), track.Y(i, k) - track.Y(i - 1, k));
                count++;
            }
            if (count >= MinKeypointsForVelocity) velocity[i] = sum / count / dt / track.Scale[i] / ReferenceFps;
        }
        if (track.Count > 1 && track.Usable[0]) velocity[0] = velocity[1]; // the first frame moves as the second
        return velocity;
    }

    /// <summary>Per frame and part: the mean speed of the part's keypoints relative to its anchor. NaN where undefined.</summary>
    public static double[] PartSpeed(PoseTrack track, BodyPartKeypoints part)
    {
        var speed = new double[track.Count];
        for (var i = 0; i < track.Count; i++)
        {
            speed[i] = double.NaN;
            if (i == 0) continue;
            var dt = track.Times[i] - track.Times[i - 1];
            if (!track.Usable[i] || !track.Usable[i - 1] || dt <= 0) continue;
            if (!Anchor(track, i, part.Anchor, out var ax, out var ay) || !Anchor(track, i - 1, part.Anchor, out var px, out var py)) continue;
            double sum = 0;
            var count = 0;
            foreach (var k in part.Keypoints)
            {
                if (!track.Has(i, k) || !track.Has(i - 1, k)) continue;
                sum += Distance(track.X(i, k) - ax - (track.X(i - 1, k) - px), track.Y(i, k) - ay - (track.Y(i - 1, k) - py));
                count++;
            }
            if (count > 0) speed[i] = sum / count / dt / track.Scale[i] / ReferenceFps;
        }
        if (track.Count > 1) speed[0] = speed[1];
        return speed;
    }

    private static bool Anchor(PoseTrack track, int frame, int[] keypoints, out double x, out double y)
    {
        (x, y) = (0, 0);
        foreach (var k in keypoints)
        {
            if (!track.Has(frame, k)) return false;
            x += track.X(frame, k) / keypoints.Length;
            y += track.Y(frame, k) / keypoints.Length;
        }
        return true;
    }

    private static double Distance(double dx, double dy) => Math.Sqrt(dx * dx + dy * dy);
}
