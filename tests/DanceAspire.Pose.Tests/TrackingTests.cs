using DanceAspire.Analysis.Imaging;
using DanceAspire.Analysis.Pose;
using DanceAspire.Pose.BlazePose;
using DanceAspire.Pose.Imaging;
using DanceAspire.Pose.MoveNet;

namespace DanceAspire.Pose.Tests;

[Collection(PoseMediaCollection.Name)]
public class TrackingTests(PoseMedia media, ITestOutputHelper output)
{
    private const int W = PoseMedia.VideoWidth, H = PoseMedia.VideoHeight;

    [Theory]
    [InlineData(PoseModels.MoveNetLightning)]
    [InlineData(PoseModels.MoveNetThunder)]
    public void MoveNet_crops_the_second_frame_tighter_than_the_full_frame_around_the_person(string model)
    {
        var reference = PoseMedia.ReferenceLandmarks();
        using var estimator = (MoveNetEstimator)media.Factory.Create(model);

        estimator.Estimate(FrameView.Rgb24(media.VideoFrames[0], W, H), 0, 0);
        Assert.Equal(MoveNetCropTracker.FullFrame(W, H), estimator.LastCrop);
        estimator.Estimate(FrameView.Rgb24(media.VideoFrames[1], W, H), 1, 0.2);

        var crop = Assert.IsType<RotatedRect>(estimator.LastCrop);
        output.WriteLine($"{model}: frame 1 crop centre ({crop.CenterX:F0}, {crop.CenterY:F0}), side {crop.Width:F0} px (full frame 1280)");
        Assert.True(crop.Width < 0.9f * MoveNetCropTracker.FullFrame(W, H).Width, $"crop side {crop.Width}");
        foreach (var (x, y) in reference[1])
        {
            var (u, v) = crop.FromFrame(x, y);
            Assert.InRange(u, 0f, 1f);
            Assert.InRange(v, 0f, 1f);
        }
    }

    [Fact]
    public void Resetting_MoveNet_sends_the_next_frame_back_to_the_full_frame()
    {
        using var estimator = (MoveNetEstimator)media.Factory.Create(PoseModels.MoveNetLightning);
        estimator.Estimate(FrameView.Rgb24(media.VideoFrames[0], W, H), 0, 0);
        Assert.NotEqual(MoveNetCropTracker.FullFrame(W, H), estimator.NextCrop);

        estimator.Reset();
        estimator.Estimate(FrameView.Rgb24(media.VideoFrames[1], W, H), 1, 0.2);

        Assert.Equal(MoveNetCropTracker.FullFrame(W, H), estimator.LastCrop);
    }

    [Fact]
    public void BlazePose_detects_on_the_first_frame_tracks_on_the_next_and_detects_again_after_reset()
    {
        using var estimator = (BlazePoseEstimator)media.Factory.Create(PoseModels.BlazePose);

        var first = estimator.Estimate(FrameView.Rgb24(media.VideoFrames[0], W, H), 0, 0);
        Assert.True(estimator.LastFrameDetected);
        var second = estimator.Estimate(FrameView.Rgb24(media.VideoFrames[1], W, H), 1, 0.2);
        Assert.False(estimator.LastFrameDetected);
        estimator.Reset();
        estimator.Estimate(FrameView.Rgb24(media.VideoFrames[2], W, H), 2, 0.4);

        Assert.True(estimator.LastFrameDetected);
        Assert.True(first.HasPose && second.HasPose);
        Assert.Equal(33, second.Keypoints.Length);
        var region = estimator.LastRegion!.Value;
        output.WriteLine($"blazepose region: centre ({region.CenterX:F0}, {region.CenterY:F0}), side {region.Width:F0} px, rotation {region.Rotation:F2} rad; pose score {second.Score:F2}");
    }

    [Theory]
    [InlineData(PoseModels.MoveNetLightning)]
    [InlineData(PoseModels.MoveNetThunder)]
    [InlineData(PoseModels.BlazePose)]
    public void An_all_black_frame_has_no_pose(string model)
    {
        using var estimator = media.Factory.Create(model);
        var black = new byte[W * H * 3];

        var pose = estimator.Estimate(FrameView.Rgb24(black, W, H), 7, 1.4);

        output.WriteLine($"{model}: black frame score {pose.Score:F3}");
        Assert.False(pose.HasPose);
        Assert.Empty(pose.Keypoints);
        Assert.Equal((7, W, H), (pose.Index, pose.Width, pose.Height));
    }

    [Fact]
    public void After_losing_the_person_MoveNet_finds_them_again_from_the_full_frame()
    {
        using var estimator = (MoveNetEstimator)media.Factory.Create(PoseModels.MoveNetLightning);
        estimator.Estimate(FrameView.Rgb24(media.VideoFrames[0], W, H), 0, 0);

        estimator.Estimate(FrameView.Rgb24(new byte[W * H * 3], W, H), 1, 0.2);
        Assert.Null(estimator.NextCrop);
        var found = estimator.Estimate(FrameView.Rgb24(media.VideoFrames[2], W, H), 2, 0.4);

        Assert.True(found.HasPose);
        Assert.Equal(MoveNetCropTracker.FullFrame(W, H), estimator.LastCrop);
    }
}
