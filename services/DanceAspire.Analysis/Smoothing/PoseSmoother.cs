using DanceAspire.Analysis.Pose;

namespace DanceAspire.Analysis.Smoothing;

/// <summary>
/// Smooths a person's keypoints frame by frame (streaming) with one <see cref="OneEuroFilter"/> per coordinate.
/// Frames without a pose reset every filter; low-confidence keypoints pass through untouched and unfiltered.
/// </summary>
public sealed class PoseSmoother(SmoothingOptions? options = null)
{
    private readonly SmoothingOptions _options = options ?? SmoothingOptions.Default;
    private OneEuroFilter[] _x = [];
    private OneEuroFilter[] _y = [];
    private double _scalePx;

    public PoseFrame Smooth(PoseFrame frame)
    {
        if (!frame.HasPose)
        {
            foreach (var filter in _x) filter.Reset();
            foreach (var filter in _y) filter.Reset();
            return frame;
        }

        EnsureFilters(frame.Keypoints.Length);
        UpdateScale(frame);
        var beta = _options.Beta / _scalePx;
        var smoothed = new Keypoint[frame.Keypoints.Length];
        for (var k = 0; k < smoothed.Length; k++)
        {
            var point = frame.Keypoints[k];
            if (point.Score < _options.MinKeypointScore || !float.IsFinite(point.X) || !float.IsFinite(point.Y))
            {
                smoothed[k] = point;
                continue;
            }

            if (_x[k].Started && frame.TimeSeconds - _x[k].LastTime > _options.ResetAfterSeconds)
            {
                _x[k].Reset();
                _y[k].Reset();
            }

            _x[k] = Retuned(_x[k], beta);
            _y[k] = Retuned(_y[k], beta);
            smoothed[k] = point with
            {
                X = (float)_x[k].Filter(point.X, frame.TimeSeconds),
                Y = (float)_y[k].Filter(point.Y, frame.TimeSeconds),
            };
        }

        return frame with { Keypoints = smoothed };
    }

    private void EnsureFilters(int count)
    {
        if (_x.Length == count) return;
        _x = new OneEuroFilter[count];
        _y = new OneEuroFilter[count];
        for (var k = 0; k < count; k++)
        {
            _x[k] = NewFilter(0);
            _y[k] = NewFilter(0);
        }
    }

    // The body scale settles after a few frames; until a filter has started its beta can follow it freely.
    private OneEuroFilter Retuned(OneEuroFilter filter, double beta) => filter.Started ? filter : NewFilter(beta);

    private OneEuroFilter NewFilter(double beta) =>
        new(_options.MinCutoffHz, beta, _options.DerivativeCutoffHz);

    private void UpdateScale(PoseFrame frame)
    {
        var torso = TorsoLength(frame, _options.MinKeypointScore);
        if (torso > 0) _scalePx = _scalePx <= 0 ? torso : _scalePx + 0.1 * (torso - _scalePx);
        if (_scalePx <= 0) _scalePx = Math.Max(1, frame.Height * 0.15);
    }

    /// <summary>Shoulder midpoint to hip midpoint in pixels, or 0 when those keypoints are not confident.</summary>
    internal static double TorsoLength(PoseFrame frame, float minScore)
    {
        int Index(int coco) => frame.Format == KeypointFormat.BlazePose33 ? Coco17.FromBlazePose33[coco] : coco;
        var points = frame.Keypoints;
        int ls = Index(Coco17.LeftShoulder), rs = Index(Coco17.RightShoulder), lh = Index(Coco17.LeftHip), rh = Index(Coco17.RightHip);
        if (points.Length <= Math.Max(Math.Max(ls, rs), Math.Max(lh, rh))) return 0;
        if (points[ls].Score < minScore || points[rs].Score < minScore || points[lh].Score < minScore || points[rh].Score < minScore) return 0;
        var dx = (points[ls].X + points[rs].X - points[lh].X - points[rh].X) / 2.0;
        var dy = (points[ls].Y + points[rs].Y - points[lh].Y - points[rh].Y) / 2.0;
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
