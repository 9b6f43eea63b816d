using DanceAspire.Analysis.Imaging;
using System.Diagnostics;
using DanceAspire.Analysis.Pose;

namespace DanceAspire.Pose.Tests;

/// <summary>The "done when" figures, measured on the real models and media and printed for the record.</summary>
[Collection(PoseMediaCollection.Name)]
public class AccuracyTests(PoseMedia media, ITestOutputHelper output)
{
    [Fact]
    public void MoveNet_thunder_puts_at_least_15_of_17_labelled_coco_keypoints_within_a_tenth_of_the_body_diagonal()
    {
        var labelled = PoseMedia.ImageKeypoints();
        // The tolerance is relative to the bounding box of the labelled keypoints themselves.
        var width = labelled.Max(k => k.X) - labelled.Min(k => k.X);
        var height = labelled.Max(k => k.Y) - labelled.Min(k => k.Y);
        var tolerance = 0.1f * MathF.Sqrt(width * width + height * height);
        using var estimator = media.Factory.Create(PoseModels.MoveNetThunder);

        var pose = estimator.Estimate(FrameView.Rgb24(media.Image, PoseMedia.ImageWidth, PoseMedia.ImageHeight), 0, 0);

        Assert.True(pose.HasPose);
        var errors = labelled.Select((k, i) => Distance(pose.Keypoints[i], k.X, k.Y)).ToArray();
        var within = errors.Count(e => e <= tolerance);
        output.WriteLine($"movenet-thunder on coco 785: {within}/17 keypoints within {tolerance:F1} px (0.1 x diagonal of the labelled keypoints' box {width:F0}x{height:F0}); pose score {pose.Score:F2}");
        output.WriteLine("errors px: " + string.Join(", ", errors.Select((e, i) => $"{Coco17.Names[i]} {e:F1}")));
        Assert.True(within >= 15, $"{within}/17 keypoints within {tolerance:F1} px");
    }

    [Fact]
    public void BlazePose_landmarks_lie_within_31_px_of_the_reference_for_at_least_90_percent_of_landmark_frames()
    {
        var reference = PoseMedia.ReferenceLandmarks();
        using var estimator = media.Factory.Create(PoseModels.BlazePose);

        var (poses, msPerFrame) = Run(estimator);

        var errors = new List<float>();
        for (var f = 0; f < poses.Count; f++)
        {
            for (var i = 0; i < 33; i++)
            {
                errors.Add(poses[f].HasPose ? Distance(poses[f].Keypoints[i], reference[f][i].X, reference[f][i].Y) : float.PositiveInfinity);
            }
        }
        var share = Report("blazepose (full)", poses, errors, 31, msPerFrame);
        Assert.True(share >= 0.9, $"{share:P1} of landmark-frames within 31 px");
    }

    [Theory]
    [InlineData(PoseModels.MoveNetLightning, PixelFormat.Rgb24)]
    [InlineData(PoseModels.MoveNetThunder, PixelFormat.Rgb24)]
    [InlineData(PoseModels.MoveNetLightning, PixelFormat.Yuv420p)]
    public void MoveNet_with_tracking_puts_joints_within_40_px_of_the_reference_for_at_least_90_percent_of_joint_frames(string model, PixelFormat format)
    {
        var reference = PoseMedia.ReferenceLandmarks();
        using var estimator = media.Factory.Create(model);

        var (poses, msPerFrame) = Run(estimator, format);

        var errors = new List<float>();
        for (var f = 0; f < poses.Count; f++)
        {
            for (var i = 0; i < 17; i++)
            {
                var expected = reference[f][Coco17.FromBlazePose33[i]];
                errors.Add(poses[f].HasPose ? Distance(poses[f].Keypoints[i], expected.X, expected.Y) : float.PositiveInfinity);
            }
        }
        var share = Report($"{model} ({format.FfmpegName()})", poses, errors, 40, msPerFrame);
        Assert.True(share >= 0.9, $"{share:P1} of joint-frames within 40 px");
    }

    private (List<PoseFrame> Poses, double MsPerFrame) Run(IPoseEstimator estimator, PixelFormat format = PixelFormat.Rgb24)
    {
        var frames = format == PixelFormat.Yuv420p ? media.VideoFramesYuv : media.VideoFrames;
        FrameView View(int f) => new(format, PoseMedia.VideoWidth, PoseMedia.VideoHeight, frames[f]);
        // One untimed frame first: ONNX Runtime allocates and tunes on its first run.
        estimator.Estimate(View(0), 0, 0);
        estimator.Reset();

        var poses = new List<PoseFrame>();
        var clock = Stopwatch.StartNew();
        for (var f = 0; f < frames.Count; f++) poses.Add(estimator.Estimate(View(f), f, f / 5.0));
        return (poses, clock.Elapsed.TotalMilliseconds / frames.Count);
    }

    private double Report(string model, List<PoseFrame> poses, List<float> errors, float tolerance, double msPerFrame)
    {
        var share = errors.Count(e => e <= tolerance) / (double)errors.Count;
        var finite = errors.Where(float.IsFinite).Order().ToArray();
        output.WriteLine(
            $"{model} on pose_squats.mp4: {share:P1} within {tolerance} px over {poses.Count} frames; " +
            $"frames with a pose {poses.Count(p => p.HasPose)}/{poses.Count}; " +
            $"median error {(finite.Length > 0 ? finite[finite.Length / 2] : float.NaN):F1} px, 95th percentile {(finite.Length > 0 ? finite[(int)(finite.Length * 0.95)] : float.NaN):F1} px; " +
            $"{msPerFrame:F1} ms per frame (crop + inference + decoding, CPU, {Environment.ProcessorCount} cores)");
        return share;
    }

    private static float Distance(Keypoint keypoint, float x, float y) => MathF.Sqrt((keypoint.X - x) * (keypoint.X - x) + (keypoint.Y - y) * (keypoint.Y - y));
}
