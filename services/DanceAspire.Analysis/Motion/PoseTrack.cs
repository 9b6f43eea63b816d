using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Smoothing;

namespace DanceAspire.Analysis.Motion;

/// <summary>
/// One person's COCO-17 keypoints over a clip, ready for the metrics: sorted by time, smoothed, short gaps filled,
/// low-confidence keypoints removed (NaN), and a body scale per frame.
/// </summary>
public sealed class PoseTrack
{
    public const int Keypoints = 17;

    /// <summary>Gaps of at most this many frames (and <see cref="MaxFilledGapSeconds"/>) are interpolated for the metrics.</summary>
    public const int MaxFilledGapFrames = 3;

    public const double MaxFilledGapSeconds = 0.6;

    private readonly double[] _x;
    private readonly double[] _y;

    private PoseTrack(double fps, double[] times, bool[] detected, bool[] usable, double[] x, double[] y, double[] scale)
    {
        (Fps, Times, Detected, Usable, _x, _y, Scale) = (fps, times, detected, usable, x, y, scale);
    }

    public double Fps { get; }

    public int Count => Times.Length;

    public double[] Times { get; }

    /// <summary>The model found a person in this frame.</summary>
    public bool[] Detected { get; }

    /// <summary>The frame has keypoints for the metrics: detected, or inside a short gap that was interpolated.</summary>
    public bool[] Usable { get; }

    /// <summary>The person's torso length in pixels at each frame (see <see cref="BodyScale"/>); velocities are divided by it.</summary>
    public double[] Scale { get; }

    public double X(int frame, int keypoint) => _x[frame * Keypoints + keypoint];

    public double Y(int frame, int keypoint) => _y[frame * Keypoints + keypoint];

    public bool Has(int frame, int keypoint) => !double.IsNaN(_x[frame * Keypoints + keypoint]);

    public static PoseTrack Build(IReadOnlyList<PoseFrame> frames, double fps, SmoothingOptions? smoothing = null)
    {
        smoothing ??= SmoothingOptions.Default;
        var ordered = frames.Select(f => f.ToCoco17()).OrderBy(f => f.TimeSeconds).ThenBy(f => f.Index).ToArray();
        var n = ordered.Length;
        var times = ordered.Select(f => f.TimeSeconds).ToArray();
        var detected = ordered.Select(f => f.HasPose && f.Keypoints.Length >= Keypoints).ToArray();
        var x = new double[n * Keypoints];
        var y = new double[n * Keypoints];
        Array.Fill(x, double.NaN);
        Array.Fill(y, double.NaN);

        var smoother = new PoseSmoother(smoothing);
        for (var i = 0; i < n; i++)
        {
            if (!detected[i])
            {
                smoother.Smooth(ordered[i] with { Keypoints = [] });
                continue;
            }
            var smoothed = smoother.Smooth(ordered[i]);
            for (var k = 0; k < Keypoints; k++)
            {
                var point = smoothed.Keypoints[k];
                if (point.Score < smoothing.MinKeypointScore || !float.IsFinite(point.X) || !float.IsFinite(point.Y)) continue;
                x[i * Keypoints + k] = point.X;
                y[i * Keypoints + k] = point.Y;
            }
        }

        var usable = FillShortGaps(times, detected, x, y);
        var fallbackHeight = ordered.Length > 0 ? ordered.Max(f => f.Height) : 0;
        var scale = BodyScale.PerFrame(times, usable, x, y, fallbackHeight);
        return new PoseTrack(fps, times, detected, usable, x, y, scale);
    }

    // Short dropouts (a missed detection, an occluded wrist) are bridged linearly so velocities stay continuous.
    private static bool[] FillShortGaps(double[] times, bool[] detected, double[] x, double[] y)
    {
        var n = times.Length;
        var usable = (bool[])detected.Clone();
        for (var i = 0; i < n; i++)
        {
            if (detected[i] || i == 0 || !detected[i - 1]) continue;
            var end = i;
            while (end < n && !detected[end]) end++;
            if (end < n && end - i <= MaxFilledGapFrames && times[end] - times[i - 1] <= MaxFilledGapSeconds + 1e-9)
            {
                for (var j = i; j < end; j++) usable[j] = true;
            }
            i = end - 1;
        }

        for (var k = 0; k < Keypoints; k++)
        {
            var last = -1;
            for (var i = 0; i < n; i++)
            {
                if (!usable[i]) { last = -1; continue; }
                if (double.IsNaN(x[i * Keypoints + k])) continue;
                if (last >= 0 && i - last > 1 && i - last - 1 <= MaxFilledGapFrames && times[i] - times[last] <= MaxFilledGapSeconds + 1e-9)
                {
                    for (var j = last + 1; j < i; j++)
                    {
                        var f = (times[j] - times[last]) / (times[i] - times[last]);
                        x[j * Keypoints + k] = x[last * Keypoints + k] + f * (x[i * Keypoints + k] - x[last * Keypoints + k]);
                        y[j * Keypoints + k] = y[last * Keypoints + k] + f * (y[i * Keypoints + k] - y[last * Keypoints + k]);
                    }
                }
                last = i;
            }
        }

        // A filled frame needs keypoints to be usable; one with none (e.g. only low-confidence neighbours) is not.
        for (var i = 0; i < n; i++)
        {
            if (!usable[i] || detected[i]) continue;
            var any = false;
            for (var k = 0; k < Keypoints && !any; k++) any = !double.IsNaN(x[i * Keypoints + k]);
            usable[i] = any;
        }
        return usable;
    }
}
