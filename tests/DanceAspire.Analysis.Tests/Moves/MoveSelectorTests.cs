using DanceAspire.Analysis.Metrics;
using DanceAspire.Analysis.Moves;
using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Results;
using static DanceAspire.Analysis.Tests.Synthetic.SyntheticDancer;

namespace DanceAspire.Analysis.Tests.Moves;

public class MoveSelectorTests
{
    private const double Fps = 10;

    [Fact]
    public void Segments_of_at_least_a_second_with_a_person_become_moves_snapped_to_whole_30_fps_frames()
    {
        var frames = Render(6, Fps, Still);
        MotionSegment[] segments =
        [
            new(0, 0.0, 0.6, MovementType.Standing, 0),
            new(1, 0.6, 2.9509, MovementType.Dancing, 40),
            new(2, 2.9509, 6.0, MovementType.Dancing, 40),
        ];

        var cuts = MoveSelector.Select(segments, frames);

        Assert.Equal([1, 2], cuts.Select(c => c.Segment.Index));
        Assert.Equal(0.6, cuts[0].StartSeconds, 9);
        Assert.Equal(71, cuts[0].FrameCount); // 0.6 → 2.9509 s is 2.3509 s: 70.5 frames, the end snapped to frame 89
        Assert.Equal(71 / 30.0, cuts[0].DurationSeconds, 9);
        Assert.Equal(89 / 30.0, cuts[1].StartSeconds, 9);
        Assert.Equal(Enumerable.Range(6, 24), cuts[0].Frames.Select(f => f.Index)); // frames at 0.6 … 2.9 s
    }

    [Fact]
    public void A_segment_where_nobody_was_found_in_most_frames_makes_no_move()
    {
        var frames = Render(3, Fps, Still).Select(f => f.Index % 3 == 0 ? f : f with { Keypoints = [] }).ToList();

        var cuts = MoveSelector.Select([new MotionSegment(0, 0, 3, MovementType.Standing, 0)], frames);

        Assert.Empty(cuts);
    }

    [Fact]
    public void No_move_is_longer_than_the_longest_segment()
    {
        var frames = Render(9, Fps, Still);

        var cut = Assert.Single(MoveSelector.Select([new MotionSegment(0, 0, 8.01, MovementType.Standing, 0)], frames));

        Assert.Equal(240, cut.FrameCount);
    }
}
