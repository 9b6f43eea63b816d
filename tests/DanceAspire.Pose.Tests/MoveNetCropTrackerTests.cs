using DanceAspire.Analysis.Pose;
using DanceAspire.Pose.Imaging;
using DanceAspire.Pose.MoveNet;

namespace DanceAspire.Pose.Tests;

public class MoveNetCropTrackerTests
{
    private const int Width = 720, Height = 1280;

    // A person standing around x = 360: hips at y = 700, shoulders at y = 500, feet at y = 1000, head at y = 400.
    private static Keypoint[] Standing(float score = 0.9f)
    {
        var keypoints = new Keypoint[17];
        for (var i = 0; i < 17; i++) keypoints[i] = new Keypoint(360, 600, score);
        keypoints[Coco17.Nose] = new Keypoint(360, 400, score);
        keypoints[Coco17.LeftShoulder] = new Keypoint(400, 500, score);
        keypoints[Coco17.RightShoulder] = new Keypoint(320, 500, score);
        keypoints[Coco17.LeftHip] = new Keypoint(390, 700, score);
        keypoints[Coco17.RightHip] = new Keypoint(330, 700, score);
        keypoints[Coco17.LeftAnkle] = new Keypoint(380, 1000, score);
        keypoints[Coco17.RightAnkle] = new Keypoint(340, 1000, score);
        return keypoints;
    }

    [Fact]
    public void The_next_crop_is_a_square_on_the_hips_sized_by_the_farthest_of_torso_and_body()
    {
        var crop = MoveNetCropTracker.Next(Standing(), Width, Height);

        // Torso: 200 px up from the hips x 1.9 = 380; body: 300 px (nose, ankles) x 1.2 = 360. The torso wins.
        Assert.Equal(new RotatedRect(360, 700, 760, 760), crop);
    }

    [Fact]
    public void Without_a_visible_hip_the_crop_falls_back_to_the_whole_frame()
    {
        var keypoints = Standing();
        keypoints[Coco17.LeftHip] = keypoints[Coco17.LeftHip] with { Score = 0.1f };
        keypoints[Coco17.RightHip] = keypoints[Coco17.RightHip] with { Score = 0.15f };

        Assert.False(MoveNetCropTracker.TorsoVisible(keypoints));
        Assert.Equal(RotatedRect.CoveringSquare(Width, Height), MoveNetCropTracker.Next(keypoints, Width, Height));
    }

    [Fact]
    public void Low_scoring_limbs_do_not_widen_the_crop()
    {
        var keypoints = Standing();
        keypoints[Coco17.LeftWrist] = new Keypoint(700, 100, 0.05f);

        Assert.Equal(760f, MoveNetCropTracker.Next(keypoints, Width, Height).Width);
    }

    [Fact]
    public void A_body_spanning_more_than_the_frame_gets_the_full_frame_crop()
    {
        var keypoints = Standing();
        keypoints[Coco17.Nose] = new Keypoint(360, -600, 0.9f);

        Assert.Equal(RotatedRect.CoveringSquare(Width, Height), MoveNetCropTracker.Next(keypoints, Width, Height));
    }

    [Fact]
    public void The_full_frame_crop_covers_every_pixel_of_the_frame()
    {
        var crop = MoveNetCropTracker.FullFrame(Width, Height);

        Assert.Equal((-280f, 0f), crop.ToFrame(0, 0));
        Assert.Equal((1000f, 1280f), crop.ToFrame(1, 1));
    }
}
