using DanceAspire.Analysis.Imaging;
using DanceAspire.Analysis.Pose;
using DanceAspire.Media.Drawing;

namespace DanceAspire.Media.Tests;

public sealed class SkeletonPainterTests
{
    private const int Width = 100, Height = 100;

    private static Rgb At(byte[] rgb, int x, int y, int width = Width)
    {
        var i = (y * width + x) * 3;
        return new Rgb(rgb[i], rgb[i + 1], rgb[i + 2]);
    }

    private static readonly Rgb Black = new(0, 0, 0);

    /// <summary>A COCO-17 pose where only the listed keypoints are confident.</summary>
    private static PoseFrame Pose(params (int Index, float X, float Y)[] points) => Pose(Width, Height, points);

    private static PoseFrame Pose(int width, int height, params (int Index, float X, float Y)[] points)
    {
        var keypoints = new Keypoint[17];
        foreach (var (index, x, y) in points) keypoints[index] = new Keypoint(x, y, 0.9f);
        return new PoseFrame(0, 0, width, height, KeypointFormat.Coco17, keypoints);
    }

    [Fact]
    public void A_left_arm_bone_is_drawn_along_its_length_in_the_left_colour()
    {
        var frame = new byte[Width * Height * 3];

        SkeletonPainter.Draw(frame, Width, Height, Pose((Coco17.LeftShoulder, 20, 50), (Coco17.LeftElbow, 80, 50)));

        for (var x = 25; x <= 75; x += 5) Assert.Equal(SkeletonPainter.LeftColor, At(frame, x, 49));
        Assert.Equal(Black, At(frame, 50, 45));
        Assert.Equal(Black, At(frame, 50, 10));
        Assert.Equal(Black, At(frame, 95, 50));
    }

    [Fact]
    public void Joints_are_disks_wider_than_the_bones()
    {
        var frame = new byte[Width * Height * 3];

        SkeletonPainter.Draw(frame, Width, Height, Pose((Coco17.RightShoulder, 20, 50), (Coco17.RightElbow, 80, 50)));

        // Thickness 2 here: the bone covers rows 49-50, the joint disk (radius 2.5) reaches row 48 at the joint only.
        Assert.Equal(SkeletonPainter.RightColor, At(frame, 20, 48));
        Assert.Equal(SkeletonPainter.RightColor, At(frame, 80, 51));
        Assert.Equal(Black, At(frame, 50, 48));
        Assert.Equal(Black, At(frame, 20, 44));
    }

    [Fact]
    public void A_bone_across_the_body_is_drawn_in_the_centre_colour()
    {
        var frame = new byte[Width * Height * 3];

        SkeletonPainter.Draw(frame, Width, Height, Pose((Coco17.LeftShoulder, 70, 30), (Coco17.RightShoulder, 30, 30)));

        Assert.Equal(SkeletonPainter.CentreColor, At(frame, 50, 29));
    }

    [Fact]
    public void Only_pixels_near_the_skeleton_change()
    {
        var frame = new byte[Width * Height * 3];
        Array.Fill(frame, (byte)7);
        var before = (byte[])frame.Clone();

        SkeletonPainter.Draw(frame, Width, Height, Pose((Coco17.LeftHip, 10, 10), (Coco17.LeftKnee, 90, 90)));

        var radius = SkeletonPainter.JointRadius(Width, Height) + 1;
        var changed = 0;
        for (var y = 0; y < Height; y++)
        for (var x = 0; x < Width; x++)
        {
            if (At(frame, x, y) == At(before, x, y)) continue;
            changed++;
            // Distance from the pixel centre to the diagonal y = x.
            var distance = MathF.Abs(x - y) / MathF.Sqrt(2);
            Assert.True(distance <= radius, $"pixel {x},{y} is {distance:0.0} px from the bone");
        }
        Assert.InRange(changed, 80 * 2, 113 * 4);
    }

    [Fact]
    public void Keypoints_below_the_minimum_score_and_their_bones_are_left_out()
    {
        var frame = new byte[Width * Height * 3];
        var pose = Pose((Coco17.RightHip, 50, 20), (Coco17.RightKnee, 50, 80));
        pose.Keypoints[Coco17.RightKnee] = pose.Keypoints[Coco17.RightKnee] with { Score = 0.1f };

        SkeletonPainter.Draw(frame, Width, Height, pose, minScore: 0.3f);

        Assert.Equal(SkeletonPainter.RightColor, At(frame, 50, 20));
        Assert.Equal(Black, At(frame, 50, 50));
        Assert.Equal(Black, At(frame, 50, 80));
    }

    [Fact]
    public void A_bone_running_off_the_frame_is_clipped_without_throwing()
    {
        var frame = new byte[Width * Height * 3];

        SkeletonPainter.Draw(frame, Width, Height, Pose((Coco17.LeftKnee, -500, -500), (Coco17.LeftAnkle, 600, 600)));
        SkeletonPainter.Draw(frame, Width, Height, Pose((Coco17.RightKnee, -3, 50), (Coco17.RightAnkle, 103, 50)));
        SkeletonPainter.Draw(frame, Width, Height, Pose((Coco17.Nose, float.NaN, 10), (Coco17.LeftEye, 1e9f, -1e9f)));

        Assert.Equal(SkeletonPainter.LeftColor, At(frame, 20, 20));
        Assert.Equal(SkeletonPainter.LeftColor, At(frame, 99, 99));
        Assert.Equal(SkeletonPainter.RightColor, At(frame, 0, 50));
        Assert.Equal(SkeletonPainter.RightColor, At(frame, 99, 50));
    }

    [Fact]
    public void Keypoints_of_a_larger_frame_are_scaled_to_the_painted_frame()
    {
        var frame = new byte[Width * Height * 3];

        SkeletonPainter.Draw(frame, Width, Height, Pose(400, 400, (Coco17.LeftShoulder, 80, 200), (Coco17.LeftElbow, 320, 200)));

        Assert.Equal(SkeletonPainter.LeftColor, At(frame, 50, 49));
        Assert.Equal(Black, At(frame, 50, 10));
    }

    [Fact]
    public void A_blazepose_frame_draws_its_coco_skeleton_and_its_feet()
    {
        var keypoints = new Keypoint[33];
        keypoints[23] = new Keypoint(40, 40, 0.9f); // left hip
        keypoints[25] = new Keypoint(40, 70, 0.9f); // left knee
        keypoints[27] = new Keypoint(40, 90, 0.9f); // left ankle
        keypoints[31] = new Keypoint(70, 90, 0.9f); // left foot index
        var pose = new PoseFrame(0, 0, Width, Height, KeypointFormat.BlazePose33, keypoints);
        var frame = new byte[Width * Height * 3];

        SkeletonPainter.Draw(frame, Width, Height, pose);

        Assert.Equal(SkeletonPainter.LeftColor, At(frame, 39, 55));
        Assert.Equal(SkeletonPainter.LeftColor, At(frame, 55, 89));
    }

    [Fact]
    public void In_yuv420p_a_bone_is_drawn_in_luma_at_full_size_and_in_chroma_at_half_size()
    {
        const int chroma = Width / 2;
        var frame = new byte[PixelFormat.Yuv420p.FrameBytes(Width, Height)];
        Array.Fill(frame, (byte)128);
        var (y, u, v) = YuvColor.FromRgb(SkeletonPainter.LeftColor.R, SkeletonPainter.LeftColor.G, SkeletonPainter.LeftColor.B);

        SkeletonPainter.Draw(frame, PixelFormat.Yuv420p, Width, Height, Pose((Coco17.LeftShoulder, 20, 50), (Coco17.LeftElbow, 80, 50)));

        var view = FrameView.Yuv420p(frame, Width, Height);
        for (var x = 25; x <= 75; x += 5)
        {
            Assert.Equal(y, view.Y[49 * Width + x]);
            Assert.Equal((u, v), (view.U[24 * chroma + x / 2], view.V[24 * chroma + x / 2]));
        }
        Assert.Equal(128, view.Y[45 * Width + 50]);
        Assert.Equal(128, view.U[20 * chroma + 25]);
        Assert.Equal(128, view.V[30 * chroma + 25]);
    }

    [Fact]
    public void Yuv_colours_follow_the_frames_matrix()
    {
        var bt601 = YuvColor.FromRgb(255, 145, 0, YuvMatrix.Bt601);
        var bt709 = YuvColor.FromRgb(255, 145, 0, YuvMatrix.Bt709);

        // Limited range: white is (235, 128, 128) in both; a saturated orange differs between the matrices.
        Assert.Equal(((byte)235, (byte)128, (byte)128), YuvColor.FromRgb(255, 255, 255));
        Assert.NotEqual(bt601, bt709);
    }

    [Fact]
    public void A_yuv420p_frame_buffer_too_small_for_its_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SkeletonPainter.Draw(new byte[Width * Height], PixelFormat.Yuv420p, Width, Height, Pose()));
    }

    [Fact]
    public void Bones_thicken_with_the_frame()
    {
        Assert.Equal(2f, SkeletonPainter.Thickness(320, 240));
        Assert.Equal(3.6f, SkeletonPainter.Thickness(720, 1280), 3);
        Assert.Equal(10.8f, SkeletonPainter.Thickness(3840, 2160), 3);
    }

    [Fact]
    public void A_frame_buffer_too_small_for_its_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SkeletonPainter.Draw(new byte[10], Width, Height, Pose()));
    }
}
