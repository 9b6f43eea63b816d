using DanceAspire.Pose.BlazePose;

namespace DanceAspire.Pose.Tests;

public class DetectionDecoderTests
{
    private static readonly Anchor[] TwoAnchors = [new(0.25f, 0.5f, 1, 1), new(0.75f, 0.5f, 1, 1)];

    [Fact]
    public void Box_offsets_in_input_pixels_are_added_to_the_anchor_centre()
    {
        float[] boxes =
        [
            // x, y, w, h, then 4 keypoints (x, y)
            22.4f, -11.2f, 44.8f, 89.6f, 0, 0, 22.4f, 22.4f, -22.4f, 0, 0, -22.4f,
            0, 0, 10, 10, 0, 0, 0, 0, 0, 0, 0, 0,
        ];
        float[] logits = [3f, -3f];

        var detections = DetectionDecoder.Decode(boxes, 12, logits, 1, TwoAnchors, 224, 224, 0.5f);

        var d = Assert.Single(detections);
        Assert.Equal(DetectionDecoder.Sigmoid(3f), d.Score, 6);
        Assert.Equal(0.35f - 0.1f, d.XMin, 5);
        Assert.Equal(0.45f - 0.2f, d.YMin, 5);
        Assert.Equal(0.35f + 0.1f, d.XMax, 5);
        Assert.Equal(0.45f + 0.2f, d.YMax, 5);
        Assert.Equal((0.25f, 0.5f), d.Keypoints[0]);
        Assert.Equal(0.35f, d.Keypoints[1].X, 5);
        Assert.Equal(0.6f, d.Keypoints[1].Y, 5);
        Assert.Equal(0.15f, d.Keypoints[2].X, 5);
        Assert.Equal(0.4f, d.Keypoints[3].Y, 5);
    }

    [Fact]
    public void A_combined_output_reads_the_score_from_the_first_column()
    {
        // [score, 12 coordinates] per anchor, as the TF.js graph emits it.
        var combined = new float[2 * 13];
        combined[0] = -5f;
        combined[13] = 5f;
        combined[13 + 1] = 22.4f;

        var detections = DetectionDecoder.Decode(combined.AsSpan(1), 13, combined, 13, TwoAnchors, 224, 224, 0.5f);

        var d = Assert.Single(detections);
        Assert.Equal(0.85f, (d.XMin + d.XMax) / 2, 5);
    }

    [Fact]
    public void Sigmoid_maps_logits_to_probabilities_and_stays_finite_at_extremes()
    {
        Assert.Equal(0.5f, DetectionDecoder.Sigmoid(0));
        Assert.Equal(0.7310586f, DetectionDecoder.Sigmoid(1), 6);
        Assert.Equal(1f, DetectionDecoder.Sigmoid(1e9f));
        Assert.Equal(0f, DetectionDecoder.Sigmoid(-1e9f), 6);
    }
}
