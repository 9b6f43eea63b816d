using DanceAspire.Analysis.Motion;
using DanceAspire.Analysis.Pose;

namespace DanceAspire.Analysis.Moves;

/// <summary>
/// A <see cref="PoseTrack"/> in the dancer's own frame: per usable frame, keypoints relative to the hip centre and divided
/// by the body scale (torso length), x to the right and y down as in the image. So where the dancer stands and how large
/// they appear do not matter. The hip centre is the hips' midpoint; with one hip missing it is that hip plus the clip's
/// mean half hip-width offset; with both missing, the nearest frame's centre in pixels.
/// </summary>
internal sealed class BodyFrame
{
    private readonly double[] _centreX;
    private readonly double[] _centreY;

    public BodyFrame(PoseTrack track)
    {
        Track = track;
        Frames = Enumerable.Range(0, track.Count).Where(i => track.Usable[i]).ToArray();
        (_centreX, _centreY) = HipCentres(track, Frames);
    }

    public PoseTrack Track { get; }

    /// <summary>The usable frames' indices in the track, in time order.</summary>
    public int[] Frames { get; }

    /// <summary>The hip centre in pixels of the frame (NaN where the track has no usable frame).</summary>
    public double CentreX(int frame) => _centreX[frame];

    public double CentreY(int frame) => _centreY[frame];

    /// <summary>The keypoint in body scales from the hip centre; false when the keypoint is not confident at this frame.</summary>
    public bool TryGet(int frame, int keypoint, out double x, out double y)
    {
        (x, y) = (0, 0);
        if (!Track.Usable[frame] || !Track.Has(frame, keypoint) || double.IsNaN(_centreX[frame])) return false;
        var scale = Track.Scale[frame];
        x = (Track.X(frame, keypoint) - _centreX[frame]) / scale;
        y = (Track.Y(frame, keypoint) - _centreY[frame]) / scale;
        return true;
    }

    /// <summary>
    /// The 17 keypoints (x, y interleaved) at the given usable frame; a keypoint missing there is taken from the nearest
    /// frame in <paramref name="searchDirection"/> (+1 later, −1 earlier) that has it, else 0.
    /// </summary>
    public float[] Pose(int frame, int searchDirection)
    {
        var pose = new float[2 * PoseTrack.Keypoints];
        var position = Array.IndexOf(Frames, frame);
        if (position < 0) return pose;
        for (var k = 0; k < PoseTrack.Keypoints; k++)
        {
            for (var p = position; p >= 0 && p < Frames.Length; p += searchDirection)
            {
                if (!TryGet(Frames[p], k, out var x, out var y)) continue;
                pose[2 * k] = (float)x;
                pose[2 * k + 1] = (float)y;
                break;
            }
        }
        return pose;
    }

    private static (double[] X, double[] Y) HipCentres(PoseTrack track, int[] frames)
    {
        var cx = new double[track.Count];
        var cy = new double[track.Count];
        Array.Fill(cx, double.NaN);
        Array.Fill(cy, double.NaN);

        // The mean offset from the left hip to the hips' midpoint (in body scales), for frames that see one hip only.
        double halfX = 0, halfY = 0;
        var both = 0;
        foreach (var i in frames)
        {
            if (!track.Has(i, Coco17.LeftHip) || !track.Has(i, Coco17.RightHip)) continue;
            halfX += (track.X(i, Coco17.RightHip) - track.X(i, Coco17.LeftHip)) / 2 / track.Scale[i];
            halfY += (track.Y(i, Coco17.RightHip) - track.Y(i, Coco17.LeftHip)) / 2 / track.Scale[i];
            both++;
        }
        if (both > 0) (halfX, halfY) = (halfX / both, halfY / both);

        foreach (var i in frames)
        {
            bool left = track.Has(i, Coco17.LeftHip), right = track.Has(i, Coco17.RightHip);
            if (left && right)
            {
                cx[i] = (track.X(i, Coco17.LeftHip) + track.X(i, Coco17.RightHip)) / 2;
                cy[i] = (track.Y(i, Coco17.LeftHip) + track.Y(i, Coco17.RightHip)) / 2;
            }
            else if (left)
            {
                cx[i] = track.X(i, Coco17.LeftHip) + halfX * track.Scale[i];
                cy[i] = track.Y(i, Coco17.LeftHip) + halfY * track.Scale[i];
            }
            else if (right)
            {
                cx[i] = track.X(i, Coco17.RightHip) - halfX * track.Scale[i];
                cy[i] = track.Y(i, Coco17.RightHip) - halfY * track.Scale[i];
            }
        }

        // Frames without either hip take the nearest frame's centre; a clip that never shows a hip uses the keypoints' mean.
        var withCentre = frames.Where(i => !double.IsNaN(cx[i])).ToArray();
        foreach (var i in frames)
        {
            if (!double.IsNaN(cx[i])) continue;
            if (withCentre.Length > 0)
            {
                var nearest = withCentre.MinBy(j => Math.Abs(j - i));
                (cx[i], cy[i]) = (cx[nearest], cy[nearest]);
                continue;
            }
            double sx = 0, sy = 0;
            var count = 0;
            for (var k = 0; k < PoseTrack.Keypoints; k++)
            {
                if (!track.Has(i, k)) continue;
                (sx, sy, count) = (sx + track.X(i, k), sy + track.Y(i, k), count + 1);
            }
            if (count > 0) (cx[i], cy[i]) = (sx / count, sy / count);
        }
        return (cx, cy);
    }
}
