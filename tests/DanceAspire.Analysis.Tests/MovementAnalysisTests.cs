using DanceAspire.Analysis.Metrics;
using DanceAspire.Analysis.Results;
using static DanceAspire.Analysis.Tests.Synthetic.SyntheticDancer;

namespace DanceAspire.Analysis.Tests;

/// <summary>The whole report on synthetic dancers whose answers are known.</summary>
public class MovementAnalysisTests
{
    private static AnalysisResult Analyze(double seconds, double fps, Animation motion, double noisePx = 1) =>
        AnalysisReport.Build(Render(seconds, fps, motion, noisePx), fps, "synthetic", 0.5);

    [Fact]
    public void A_still_person_with_tiny_jitter_is_standing_with_near_zero_intensity_and_activity()
    {
        var result = Analyze(6, 30, Still);

        Assert.Equal(MovementType.Standing, result.Movement.MovementType);
        Assert.True(result.Movement.Intensity < 5, $"intensity {result.Movement.Intensity}");
        var activity = result.Movement.BodyPartActivity;
        Assert.All(new[] { activity.Head, activity.Torso, activity.LeftArm, activity.RightArm, activity.LeftLeg, activity.RightLeg },
            a => Assert.True(a < 5, $"activity {a}"));
        Assert.False(result.Rhythm.HasRhythm);
    }

    [Fact]
    public void Arms_swinging_at_two_hertz_give_120_bpm_with_the_arms_far_more_active_than_the_legs()
    {
        var result = Analyze(8, 30, ArmSwing(2, 60));

        Assert.True(result.Rhythm.HasRhythm);
        Assert.InRange(result.Rhythm.EstimatedBpm, 117, 123);
        Assert.True(result.Rhythm.RhythmConsistency > 80, $"consistency {result.Rhythm.RhythmConsistency}");
        Assert.InRange(result.Rhythm.PeaksS.Count, 14, 17); // one beat per 0.5 s period over 8 s
        var activity = result.Movement.BodyPartActivity;
        Assert.True(Math.Min(activity.LeftArm, activity.RightArm) > 50, $"arms {activity.LeftArm}/{activity.RightArm}");
        Assert.True(Math.Max(activity.LeftLeg, activity.RightLeg) < 10, $"legs {activity.LeftLeg}/{activity.RightLeg}");
    }

    [Fact]
    public void A_slow_squat_cycle_gives_24_bpm_and_crouching_at_each_bottom()
    {
        var result = Analyze(10, 30, Squats(2.5));

        Assert.True(result.Rhythm.HasRhythm);
        Assert.InRange(result.Rhythm.EstimatedBpm, 23, 25);
        foreach (var bottom in new[] { 1.25, 3.75, 6.25, 8.75 })
        {
            var entry = result.Movement.Timeline.Single(e => e.StartS <= bottom && bottom < e.EndS);
            Assert.Equal(MovementType.Crouching, entry.MovementType);
        }
        foreach (var top in new[] { 2.5, 5.0, 7.5 })
        {
            Assert.NotEqual(MovementType.Crouching, result.Movement.Timeline.Single(e => e.StartS <= top && top < e.EndS).MovementType);
        }
    }

    [Fact]
    public void A_jump_appears_as_jumping_in_the_timeline_around_the_flight()
    {
        var result = Analyze(5, 30, Jump(at: 2, flightSeconds: 0.6, heightPx: 80));

        var jump = Assert.Single(result.Movement.Timeline, e => e.MovementType == MovementType.Jumping);
        Assert.InRange((jump.StartS + jump.EndS) / 2, 2.1, 2.5);
        Assert.Equal(MovementType.Standing, result.Movement.Timeline[0].MovementType);
    }

    [Fact]
    public void A_held_squat_is_crouching_overall()
    {
        var result = Analyze(8, 30, SquatHold(downAt: 1, upAt: 6));

        Assert.Equal(MovementType.Crouching, result.Movement.MovementType);
    }

    [Fact]
    public void A_sway_at_walking_speed_is_walking()
    {
        var result = Analyze(8, 30, Sway(0.5, 35));

        Assert.Equal(MovementType.Walking, result.Movement.MovementType);
        Assert.InRange(result.Movement.Velocity, 0.01, 0.03);
    }

    [Fact]
    public void Sway_with_arm_swings_at_dancing_speed_is_dancing()
    {
        var result = Analyze(8, 30, Both(Sway(1, 40), ArmSwing(1, 90)));

        Assert.Equal(MovementType.Dancing, result.Movement.MovementType);
        Assert.InRange(result.Movement.Velocity, 0.03, 0.12);
        Assert.True(result.Movement.Intensity > 50, $"intensity {result.Movement.Intensity}");
    }

    [Fact]
    public void Smooth_motion_scores_clearly_higher_than_the_same_path_with_jitter()
    {
        var smooth = Analyze(10, 30, Squats(2.5), noisePx: 0);
        var jittery = Analyze(10, 30, Squats(2.5), noisePx: 3);

        Assert.True(smooth.SmoothnessScore > 60, $"smooth {smooth.SmoothnessScore}");
        Assert.True(smooth.SmoothnessScore - jittery.SmoothnessScore > 25, $"smooth {smooth.SmoothnessScore}, jittery {jittery.SmoothnessScore}");
    }

    [Fact]
    public void Switching_from_arm_swings_to_squats_starts_a_new_segment_near_the_switch()
    {
        var result = Analyze(8, 30, Then(ArmSwing(2, 60), 4, Squats(2)));

        Assert.Contains(result.Segments, s => Math.Abs(s.StartS - 4) <= 0.5);
        Assert.All(result.Segments, s => Assert.True(s.EndS - s.StartS >= 1 - 1e-6 && s.EndS - s.StartS <= 8 + 1e-6));
        Assert.Equal(Enumerable.Range(0, result.Segments.Count), result.Segments.Select(s => s.Index));
    }

    [Fact]
    public void Segments_are_at_most_eight_seconds_and_cover_the_clip()
    {
        var result = Analyze(20, 30, ArmSwing(2, 60));

        Assert.True(result.Segments.Count >= 3);
        Assert.Equal(0, result.Segments[0].StartS, 3);
        Assert.Equal(result.Movement.Timeline[^1].EndS, result.Segments[^1].EndS, 3);
        Assert.All(result.Segments.Zip(result.Segments.Skip(1)), p => Assert.Equal(p.First.EndS, p.Second.StartS, 3));
        Assert.All(result.Segments, s => Assert.True(s.EndS - s.StartS <= 8 + 1e-6));
    }

    [Theory]
    [InlineData("still")]
    [InlineData("sway")]
    [InlineData("dance")]
    [InlineData("squat hold")]
    public void The_movement_type_is_the_same_at_five_and_sixty_fps(string motion)
    {
        Animation animation = motion switch
        {
            "still" => Still,
            "sway" => Sway(0.5, 35),
            "dance" => Both(Sway(1, 40), ArmSwing(1, 90)),
            _ => SquatHold(downAt: 1, upAt: 6),
        };

        var slow = Analyze(8, 5, animation);
        var fast = Analyze(8, 60, animation);

        Assert.Equal(fast.Movement.MovementType, slow.Movement.MovementType);
        Assert.InRange(slow.Movement.Velocity, fast.Movement.Velocity * 0.7 - 0.002, fast.Movement.Velocity * 1.3 + 0.002);
    }

    [Fact]
    public void A_short_dropout_is_bridged_but_not_counted_as_detected()
    {
        var frames = Render(6, 30, Sway(0.5, 35), 1);
        for (var i = 90; i < 92; i++) frames[i] = frames[i] with { Keypoints = [], Score = 0 };

        var result = AnalysisReport.Build(frames, 30, "synthetic", 0);

        Assert.Equal(178, result.Processing.FramesWithPose);
        Assert.Equal(178 / 180.0, result.Processing.DetectionRate, 3);
        Assert.Single(result.Movement.Timeline);
        Assert.Equal(MovementType.Walking, result.Movement.MovementType);
    }

    [Fact]
    public void Intensity_rises_with_velocity_from_zero_when_still_to_full_when_vigorous()
    {
        var velocities = new[] { 0, 0.002, 0.005, 0.01, 0.03, 0.06, 0.12, 0.2 };
        var intensities = velocities.Select(IntensityMeter.FromVelocity).ToArray();

        Assert.Equal(0, intensities[0]);
        Assert.True(intensities.Zip(intensities.Skip(1)).All(p => p.First <= p.Second));
        Assert.Equal(100, intensities[^1]);
    }
}
