using DanceAspire.Analysis.Jobs;
using DanceAspire.Analysis.Metrics;
using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Results;

namespace DanceAspire.Analysis.Moves;

/// <summary>
/// A segment to cut into a move clip: its span snapped to the clips' frame grid (<see cref="MoveClips.FrameRate"/>),
/// so the clip lasts whole frames, and the pose frames inside that span.
/// </summary>
public sealed record MoveCut(MotionSegment Segment, double StartSeconds, int FrameCount, IReadOnlyList<PoseFrame> Frames)
{
    public double DurationSeconds => (double)FrameCount / MoveClips.FrameRate;
}

/// <summary>
/// Which segments of an analysis become moves: those lasting at least <see cref="MoveClips.MinDurationSeconds"/>
/// where a person was found in more than <see cref="MinDetectionRate"/> of the frames. One move per segment, keeping
/// the segment's index: the segmenter already splits segments longer than <see cref="MotionSegmenter.MaxSegmentSeconds"/>,
/// so no move is longer (the cap below only absorbs the snapping).
/// </summary>
public static class MoveSelector
{
    public const double MinDetectionRate = 0.5;

    public static IReadOnlyList<MoveCut> Select(IReadOnlyList<MotionSegment> segments, IReadOnlyList<PoseFrame> frames)
    {
        const int rate = MoveClips.FrameRate;
        var maxFrames = (int)Math.Round(MotionSegmenter.MaxSegmentSeconds * rate);
        var cuts = new List<MoveCut>();
        foreach (var segment in segments)
        {
            var first = (long)Math.Round(segment.StartS * rate);
            var count = (int)Math.Min(maxFrames, Math.Round(segment.EndS * rate) - first);
            if (count < Math.Round(MoveClips.MinDurationSeconds * rate)) continue;
            var inside = frames.Where(f => f.TimeSeconds >= segment.StartS && f.TimeSeconds < segment.EndS).ToList();
            if (inside.Count == 0 || (double)inside.Count(f => f.HasPose) / inside.Count <= MinDetectionRate) continue;
            cuts.Add(new MoveCut(segment, (double)first / rate, count, inside));
        }
        return cuts;
    }
}
