namespace DanceAspire.Pose.BlazePose;

/// <summary>
/// Turns the detector's raw per-anchor outputs into detections: offsets are in input pixels relative to the anchor
/// (x before y), scores are logits.
/// </summary>
public static class DetectionDecoder
{
    /// <summary>Values per anchor: box centre x, y, width, height, then 4 keypoints as x, y.</summary>
    public const int CoordinatesPerAnchor = 12;
    public const int KeypointCount = 4;

    // Logits are clipped before the sigmoid, as MediaPipe does, so extreme values stay finite.
    private const float ScoreClip = 100f;

    public static float Sigmoid(float logit) => 1f / (1f + MathF.Exp(-Math.Clamp(logit, -ScoreClip, ScoreClip)));

    /// <summary>
    /// Decodes the anchors whose score reaches <paramref name="minScore"/>. <paramref name="boxes"/> holds
    /// <see cref="CoordinatesPerAnchor"/> values per anchor; <paramref name="scores"/> one logit per anchor.
    /// </summary>
    public static List<Detection> Decode(
        ReadOnlySpan<float> boxes, int boxStride, ReadOnlySpan<float> scores, int scoreStride,
        IReadOnlyList<Anchor> anchors, float inputWidth, float inputHeight, float minScore)
    {
        var detections = new List<Detection>();
        for (var i = 0; i < anchors.Count; i++)
        {
            var score = Sigmoid(scores[i * scoreStride]);
            if (score < minScore) continue;

            var anchor = anchors[i];
            var raw = boxes.Slice(i * boxStride, CoordinatesPerAnchor);
            var centerX = raw[0] / inputWidth * anchor.Width + anchor.CenterX;
            var centerY = raw[1] / inputHeight * anchor.Height + anchor.CenterY;
            var width = raw[2] / inputWidth * anchor.Width;
            var height = raw[3] / inputHeight * anchor.Height;
            if (width < 0 || height < 0) continue;

            var keypoints = new (float X, float Y)[KeypointCount];
            for (var k = 0; k < KeypointCount; k++)
            {
                keypoints[k] = (
                    raw[4 + 2 * k] / inputWidth * anchor.Width + anchor.CenterX,
                    raw[5 + 2 * k] / inputHeight * anchor.Height + anchor.CenterY);
            }
            detections.Add(new Detection(score, centerX - width / 2, centerY - height / 2, centerX + width / 2, centerY + height / 2, keypoints));
        }
        return detections;
    }
}
