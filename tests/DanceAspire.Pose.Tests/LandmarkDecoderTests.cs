using DanceAspire.Pose.BlazePose;
using DanceAspire.Pose.Imaging;

namespace DanceAspire.Pose.Tests;

public class LandmarkDecoderTests
{
    [Fact]
    public void Raw_landmarks_are_normalised_by_the_input_size_and_scores_pass_through_a_sigmoid()
    {
        float[] raw = [128, 64, 32, 0, 2, 256, 256, -25.6f, -2, 0];
        var landmarks = new RegionLandmark[2];

        LandmarkDecoder.Decode(raw, 5, 256, 256, landmarks);

        Assert.Equal(new RegionLandmark(0.5f, 0.25f, 0.125f, 0.5f, DetectionDecoder.Sigmoid(2)), landmarks[0]);
        Assert.Equal(1f, landmarks[1].U);
        Assert.Equal(-0.1f, landmarks[1].Z, 6);
        Assert.Equal(DetectionDecoder.Sigmoid(-2), landmarks[1].Visibility, 6);
    }

    [Fact]
    public void A_confident_heatmap_pulls_the_landmark_to_its_weighted_centre()
    {
        // 8x8 heatmap, 2 channels: channel 0 peaks at column 5, row 2 with a neighbour at column 6; channel 1 is weak.
        const int size = 8, channels = 2;
        var heatmap = new float[size * size * channels];
        heatmap[(2 * size + 5) * channels] = 0.9f;
        heatmap[(2 * size + 6) * channels] = 0.3f;
        heatmap[(4 * size + 4) * channels + 1] = 0.4f;
        RegionLandmark[] landmarks = [new(0.5f, 0.3f, 0, 1, 1), new(0.5f, 0.5f, 0, 1, 1)];

        LandmarkDecoder.RefineFromHeatmap(landmarks, heatmap, size, size, channels);

        Assert.Equal((5 * 0.9f + 6 * 0.3f) / 1.2f / size, landmarks[0].U, 5);
        Assert.Equal(2f / size, landmarks[0].V, 5);
        Assert.Equal(0.5f, landmarks[1].U);
    }

    [Fact]
    public void Landmarks_project_through_the_rotated_region_with_depth_in_pixels()
    {
        var region = new RotatedRect(300, 400, 200, 200, MathF.PI / 2);

        var keypoint = LandmarkDecoder.ToFrame(new RegionLandmark(0.5f, 0f, 0.1f, 0.8f, 1), region);

        Assert.Equal(400f, keypoint.X, 3);
        Assert.Equal(400f, keypoint.Y, 3);
        Assert.Equal(20f, keypoint.Z, 4);
        Assert.Equal(0.8f, keypoint.Score);
    }

    [Fact]
    public void The_next_region_follows_the_alignment_landmarks()
    {
        var landmarks = new RegionLandmark[39];
        landmarks[LandmarkDecoder.HipsCenterLandmark] = new RegionLandmark(0.5f, 0.6f, 0, 1, 1);
        landmarks[LandmarkDecoder.BodyScaleLandmark] = new RegionLandmark(0.5f, 0.2f, 0, 1, 1);
        var region = new RotatedRect(100, 100, 100, 100);

        var next = LandmarkDecoder.NextRegion(landmarks, region);

        // Hips at (100, 110), body circle radius 40 -> a 100 px upright square on the hips.
        Assert.Equal(100f, next.CenterX, 4);
        Assert.Equal(110f, next.CenterY, 4);
        Assert.Equal(100f, next.Width, 3);
        Assert.Equal(0f, next.Rotation, 5);
    }
}
