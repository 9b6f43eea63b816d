using DanceAspire.Analysis.Metrics;
using DanceAspire.Analysis.Pose;
using static DanceAspire.Analysis.Tests.Synthetic.SyntheticDancer;

namespace DanceAspire.Analysis.Tests;

/// <summary>The Beat Align Score (Bailando / EDGE) on beats and synthetic dancers whose beats are known.</summary>
public class BeatAlignScoreTests
{
    private const double Fps = 30;

    [Fact]
    public void Dance_beats_exactly_on_the_music_beats_score_1()
    {
        double[] beats = [0.5, 1.0, 1.5, 2.0];

        Assert.Equal(1, BeatAlignScore.Score(beats, beats, Fps), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public void Dance_beats_off_by_d_frames_score_the_gaussian_of_d_with_sigma_3_frames(int frames)
    {
        double[] music = [1.0, 2.0, 3.0];
        var dance = music.Select(t => t + frames / Fps).ToArray();

        Assert.Equal(Math.Exp(-frames * frames / 18.0), BeatAlignScore.Score(music, dance, Fps), 9);
    }

    [Fact]
    public void Each_music_beat_takes_its_nearest_dance_beat_and_the_score_is_their_mean()
    {
        double[] music = [1.0, 2.0];
        double[] dance = [0.1, 1.0, 2.1, 5.0]; // 0 frames and 3 frames away

        Assert.Equal((1 + Math.Exp(-9 / 18.0)) / 2, BeatAlignScore.Score(music, dance, Fps), 9);
    }

    [Fact]
    public void Sigma_is_counted_in_frames_of_the_videos_frame_rate()
    {
        // 0.1 s is 3 frames at 30 fps but 6 at 60 fps.
        Assert.Equal(Math.Exp(-0.5), BeatAlignScore.Score([1.0], [1.1], 30), 9);
        Assert.Equal(Math.Exp(-2), BeatAlignScore.Score([1.0], [1.1], 60), 9);
    }

    [Fact]
    public void Without_dance_beats_or_music_beats_the_score_is_0()
    {
        Assert.Equal(0, BeatAlignScore.Score([1.0, 2.0], [], Fps));
        Assert.Equal(0, BeatAlignScore.Score([], [1.0], Fps));
    }

    [Fact]
    public void A_dancer_who_never_moves_has_no_kinematic_beat_and_scores_0()
    {
        var frames = Render(4, Fps, Still);

        Assert.Empty(BeatAlignScore.KinematicBeats(frames, Fps));
        Assert.Equal(0, BeatAlignScore.Score(frames, Fps, [1.0, 2.0, 3.0]));
    }

    [Fact]
    public void The_kinematic_beats_of_a_swing_are_its_turning_points()
    {
        // Arms swing up and down once a second: they stop at the bottom (whole seconds) and at the top (half seconds).
        var beats = BeatAlignScore.KinematicBeats(Render(6, Fps, ArmSwing(1, 90)), Fps);

        var expected = Enumerable.Range(1, 11).Select(i => i * 0.5).ToArray(); // 0.5 … 5.5 s
        Assert.Equal(expected.Length, beats.Count);
        foreach (var (beat, turn) in beats.Zip(expected)) Assert.True(Math.Abs(beat - turn) <= 1.01 / Fps, $"beat at {beat:0.000} s, turn at {turn} s");
    }

    [Fact]
    public void A_swing_scores_high_against_music_on_its_turning_points_and_low_a_quarter_period_off()
    {
        var frames = Render(6, Fps, ArmSwing(1, 90), noisePx: 0.5);
        var onTheBeat = Enumerable.Range(1, 10).Select(i => i * 0.5).ToArray();
        var offTheBeat = onTheBeat.Select(t => t + 0.25).ToArray();

        var aligned = BeatAlignScore.Score(frames, Fps, onTheBeat);
        var misaligned = BeatAlignScore.Score(frames, Fps, offTheBeat);

        Assert.True(aligned > 0.9, $"aligned {aligned:0.000}");
        Assert.True(misaligned < 0.2, $"misaligned {misaligned:0.000}");
    }

    [Fact]
    public void Music_beats_past_the_end_of_the_dance_do_not_count()
    {
        var frames = Render(6, Fps, ArmSwing(1, 90));
        double[] inside = [1.0, 2.0, 3.0];

        Assert.Equal(BeatAlignScore.Score(frames, Fps, inside), BeatAlignScore.Score(frames, Fps, [.. inside, 7.5, 9.0]), 12);
    }

    [Fact]
    public void Frames_without_a_pose_are_bridged_rather_than_read_as_beats()
    {
        var frames = Render(6, Fps, ArmSwing(1, 90));
        var dropped = frames.Select(f => f.Index is 40 or 41 or 100 ? f with { Keypoints = [] } : f).ToList();

        Assert.Equal(BeatAlignScore.KinematicBeats(frames, Fps).Count, BeatAlignScore.KinematicBeats(dropped, Fps).Count);
    }
}
