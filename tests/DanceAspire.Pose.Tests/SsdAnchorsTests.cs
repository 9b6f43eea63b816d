using DanceAspire.Pose.BlazePose;

namespace DanceAspire.Pose.Tests;

public class SsdAnchorsTests
{
    private static readonly Anchor[] Anchors = SsdAnchors.Generate(SsdAnchorOptions.BlazePoseDetector);

    [Fact]
    public void The_blazepose_detector_grid_has_2254_anchors()
    {
        // 28x28 cells x 2 + 14x14 x 2 + 7x7 x 6 (three stride-32 layers share one grid).
        Assert.Equal(28 * 28 * 2 + 14 * 14 * 2 + 7 * 7 * 6, Anchors.Length);
        Assert.Equal(2254, Anchors.Length);
    }

    [Fact]
    public void Anchors_sit_at_cell_centres_layer_by_layer_with_unit_size()
    {
        Assert.Equal(new Anchor(0.5f / 28, 0.5f / 28, 1, 1), Anchors[0]);
        Assert.Equal(Anchors[0], Anchors[1]);
        Assert.Equal(new Anchor(1.5f / 28, 0.5f / 28, 1, 1), Anchors[2]);
        Assert.Equal(new Anchor(0.5f / 14, 0.5f / 14, 1, 1), Anchors[1568]);
        Assert.Equal(new Anchor(0.5f / 7, 0.5f / 7, 1, 1), Anchors[1568 + 392]);
        Assert.Equal(new Anchor(6.5f / 7, 6.5f / 7, 1, 1), Anchors[^1]);
    }

    [Fact]
    public void Without_fixed_size_anchors_take_the_layer_scale_and_the_interpolated_scale()
    {
        var anchors = SsdAnchors.Generate(SsdAnchorOptions.BlazePoseDetector with { FixedAnchorSize = false });
        var scale0 = 0.1484375f;
        var scale1 = 0.1484375f + (0.75f - 0.1484375f) / 4;

        Assert.Equal(scale0, anchors[0].Width, 6);
        Assert.Equal(scale0, anchors[0].Height, 6);
        Assert.Equal(MathF.Sqrt(scale0 * scale1), anchors[1].Width, 6);
        // The last layer interpolates towards scale 1.
        Assert.Equal(MathF.Sqrt(0.75f), anchors[^1].Width, 6);
    }
}
