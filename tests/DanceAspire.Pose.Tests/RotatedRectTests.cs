using DanceAspire.Pose.BlazePose;
using DanceAspire.Pose.Imaging;

namespace DanceAspire.Pose.Tests;

public class RotatedRectTests
{
    [Fact]
    public void An_upright_rect_maps_its_corners_and_centre_to_frame_pixels()
    {
        var rect = new RotatedRect(100, 50, 40, 20);

        Assert.Equal((80f, 40f), rect.ToFrame(0, 0));
        Assert.Equal((100f, 50f), rect.ToFrame(0.5f, 0.5f));
        Assert.Equal((120f, 60f), rect.ToFrame(1, 1));
    }

    [Fact]
    public void A_quarter_turn_sends_the_rects_right_edge_down_the_frame()
    {
        var rect = new RotatedRect(100, 100, 40, 40, MathF.PI / 2);

        var (x, y) = rect.ToFrame(1, 0.5f);
        Assert.Equal(100f, x, 4);
        Assert.Equal(120f, y, 4);
        (x, y) = rect.ToFrame(0.5f, 0);
        Assert.Equal(120f, x, 4);
        Assert.Equal(100f, y, 4);
    }

    [Fact]
    public void From_frame_inverts_to_frame_for_any_rotation()
    {
        var rect = new RotatedRect(321, 123, 250, 180, 0.7f);
        var (x, y) = rect.ToFrame(0.13f, 0.91f);

        var (u, v) = rect.FromFrame(x, y);

        Assert.Equal(0.13f, u, 5);
        Assert.Equal(0.91f, v, 5);
    }

    [Fact]
    public void The_covering_square_pads_the_short_side_of_the_frame()
    {
        Assert.Equal(new RotatedRect(360, 640, 1280, 1280), RotatedRect.CoveringSquare(720, 1280));
        Assert.Equal(new RotatedRect(320, 212.5f, 640, 640), RotatedRect.CoveringSquare(640, 425));
    }

    [Fact]
    public void Angles_wrap_into_minus_pi_to_pi()
    {
        Assert.Equal(-MathF.PI / 2, RotatedRect.NormalizeRadians(3 * MathF.PI / 2), 5);
        Assert.Equal(0.5f, RotatedRect.NormalizeRadians(0.5f + 4 * MathF.PI), 4);
    }

    [Fact]
    public void A_body_standing_upright_gives_an_unrotated_square_of_two_and_a_half_radii()
    {
        // Hips at (100, 200); the body circle reaches 100 px straight up.
        var region = PoseRegion.FromAlignmentPoints(100, 200, 100, 100);

        Assert.Equal(new RotatedRect(100, 200, 250, 250, 0), region);
    }

    [Fact]
    public void A_body_lying_head_right_turns_the_region_a_quarter_so_up_in_the_crop_points_right()
    {
        var region = PoseRegion.FromAlignmentPoints(100, 200, 180, 200);

        Assert.Equal(MathF.PI / 2, region.Rotation, 5);
        Assert.Equal(200f, region.Width, 4);
        // The top centre of the crop (where the head goes) lies right of the hips.
        var (x, y) = region.ToFrame(0.5f, 0);
        Assert.Equal(200f, x, 3);
        Assert.Equal(200f, y, 3);
    }
}
