using DanceAspire.Analysis.Moves;
using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Tests.Synthetic;
using static DanceAspire.Analysis.Tests.Synthetic.SyntheticDancer;

namespace DanceAspire.Analysis.Tests.Moves;

/// <summary>Move features of synthetic dancers: the embedding, the end poses, energy and difficulty.</summary>
public class MoveFeaturesTests
{
    private const double Fps = 30;

    private static MoveFeatures Features(Animation motion, double seconds = 4, double noisePx = 0.5) =>
        MoveFeatures.Compute(Render(seconds, Fps, motion, noisePx), Fps);

    private static Animation Placed(Animation motion, double dx, double dy, double scale) =>
        (s, t) => { motion(s, t); s.Scale(scale).Translate(dx, dy); };

    private static double Similarity(MoveFeatures a, MoveFeatures b) => MoveFeatures.CosineSimilarity(a.Embedding, b.Embedding);

    [Fact]
    public void The_embedding_has_64_values_of_unit_length()
    {
        var features = Features(Squats(2));

        Assert.Equal(MoveFeatures.EmbeddingLength, features.Embedding.Length);
        Assert.Equal(64, features.Embedding.Length);
        Assert.Equal(1, Math.Sqrt(features.Embedding.Sum(v => (double)v * v)), 5);
        Assert.All(features.Embedding, v => Assert.True(float.IsFinite(v)));
    }

    [Theory]
    [InlineData(-150, 120, 0.55)]
    [InlineData(90, -200, 1.4)]
    public void The_same_move_elsewhere_in_the_frame_and_at_another_size_is_nearly_identical(double dx, double dy, double scale)
    {
        var here = Features(Squats(2));
        var there = Features(Placed(Squats(2), dx, dy, scale));

        var similarity = Similarity(here, there);
        Assert.True(similarity > 0.99, $"similarity {similarity:0.0000}");
    }

    [Fact]
    public void Squats_and_arm_waves_are_far_less_similar_than_two_squat_sets()
    {
        var squats = Features(Squats(2));
        var slowerSquats = Features(Placed(Squats(2.5), 40, 0, 0.8), noisePx: 1.5);
        var waves = Features(ArmSwing(1, 120));

        var alike = Similarity(squats, slowerSquats);
        var different = Similarity(squats, waves);
        Assert.True(alike > 0.9, $"squats vs squats {alike:0.000}");
        Assert.True(different < 0.5, $"squats vs waves {different:0.000}");
    }

    [Fact]
    public void Joints_that_drop_out_now_and_then_barely_change_the_embedding()
    {
        var frames = Render(4, Fps, Squats(2), 0.5);
        var holey = frames.Select(f => f.Index % 7 == 3 ? f with { Keypoints = WithLowScore(f.Keypoints, Coco17.LeftWrist, Coco17.RightAnkle) } : f).ToList();

        var similarity = MoveFeatures.CosineSimilarity(MoveFeatures.Compute(frames, Fps).Embedding, MoveFeatures.Compute(holey, Fps).Embedding);

        Assert.True(similarity > 0.98, $"similarity {similarity:0.0000}");
    }

    [Fact]
    public void A_faster_move_has_more_energy_than_the_same_move_done_slowly()
    {
        var slow = Features(ArmSwing(0.25, 90), seconds: 8);
        var fast = Features(ArmSwing(1.5, 90), seconds: 8);

        Assert.True(fast.Energy > slow.Energy + 10, $"fast {fast.Energy}, slow {slow.Energy}");
        Assert.InRange(fast.Energy, 0, 100);
        Assert.True(fast.Difficulty >= slow.Difficulty, $"fast {fast.Difficulty}, slow {slow.Difficulty}");
    }

    [Fact]
    public void Standing_still_is_the_easiest_and_calm_while_jumping_squats_with_waving_arms_are_hard()
    {
        var still = Features(Still);
        var busy = Features(Both(Squats(0.8), ArmSwing(2.5, 120)), noisePx: 1);

        Assert.Equal(1, still.Difficulty);
        Assert.True(still.Energy < 5, $"energy {still.Energy}");
        Assert.True(busy.Difficulty >= 4, $"difficulty {busy.Difficulty} (energy {busy.Energy})");
    }

    [Fact]
    public void First_and_last_poses_are_hip_centred_and_in_torso_lengths_wherever_the_dancer_stands()
    {
        foreach (var (dx, dy, scale) in new[] { (0.0, 0.0, 1.0), (-200.0, 150.0, 0.5), (120.0, -80.0, 1.5) })
        {
            var features = Features(Placed(Still, dx, dy, scale), seconds: 2, noisePx: 0);

            Assert.Equal(MoveFeatures.PoseLength, features.FirstPose.Length);
            Assert.Equal(34, features.LastPose.Length);
            foreach (var pose in new[] { features.FirstPose, features.LastPose })
            {
                // The skeleton's hips are 25 px either side of their midpoint and its torso 116 px long.
                Assert.Equal(25 / Skeleton.TorsoPx, pose[2 * Coco17.LeftHip], 2);
                Assert.Equal(0, pose[2 * Coco17.LeftHip + 1], 2);
                Assert.Equal(-25 / Skeleton.TorsoPx, pose[2 * Coco17.RightHip], 2);
                Assert.Equal(-1, (pose[2 * Coco17.LeftShoulder + 1] + pose[2 * Coco17.RightShoulder + 1]) / 2, 2);
                Assert.Equal(196 / Skeleton.TorsoPx, pose[2 * Coco17.LeftAnkle + 1], 2);
            }
        }
    }

    [Fact]
    public void The_end_poses_differ_when_the_move_ends_elsewhere_than_it_began()
    {
        var features = Features((s, t) => s.RaiseArms(Math.Min(1, t / 2) * 150), seconds: 3, noisePx: 0);

        // Arms down at the start (wrists below the shoulders), raised overhead at the end.
        Assert.True(features.FirstPose[2 * Coco17.LeftWrist + 1] > 0, $"first wrist y {features.FirstPose[2 * Coco17.LeftWrist + 1]}");
        Assert.True(features.LastPose[2 * Coco17.LeftWrist + 1] < -1.2, $"last wrist y {features.LastPose[2 * Coco17.LeftWrist + 1]}");
    }

    [Fact]
    public void A_keypoint_missing_at_the_first_frame_is_taken_from_the_next_frame_that_has_it_and_one_never_seen_is_zero()
    {
        var frames = Render(2, Fps, Still, 0);
        frames[0] = frames[0] with { Keypoints = WithLowScore(frames[0].Keypoints, Coco17.LeftWrist) };
        frames = frames.Select(f => f with { Keypoints = WithLowScore(f.Keypoints, Coco17.Nose) }).ToList();

        var features = MoveFeatures.Compute(frames, Fps);

        Assert.Equal(32 / Skeleton.TorsoPx, features.FirstPose[2 * Coco17.LeftWrist + 1], 2); // wrist 32 px below the hips
        Assert.Equal((0f, 0f), (features.FirstPose[2 * Coco17.Nose], features.FirstPose[2 * Coco17.Nose + 1]));
        Assert.All(features.Embedding, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Frames_without_anyone_give_the_empty_features()
    {
        var frames = Enumerable.Range(0, 30).Select(i => new PoseFrame(i, i / Fps, 720, 1280, KeypointFormat.Coco17, [])).ToList();

        var features = MoveFeatures.Compute(frames, Fps);

        Assert.All(features.Embedding, v => Assert.Equal(0f, v));
        Assert.All(features.FirstPose, v => Assert.Equal(0f, v));
        Assert.Equal((0.0, 1), (features.Energy, features.Difficulty));
    }

    private static Keypoint[] WithLowScore(Keypoint[] keypoints, params int[] indices)
    {
        var copy = (Keypoint[])keypoints.Clone();
        foreach (var k in indices) copy[k] = copy[k] with { Score = 0.05f };
        return copy;
    }
}
