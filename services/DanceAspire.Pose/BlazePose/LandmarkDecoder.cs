using DanceAspire.Analysis.Pose;
using DanceAspire.Pose.Imaging;

namespace DanceAspire.Pose.BlazePose;

/// <summary>A landmark in the landmark model's input: (U, V) in 0..1 of the region, Z scaled like U; scores 0..1.</summary>
public record struct RegionLandmark(float U, float V, float Z, float Visibility, float Presence);

/// <summary>Reads the BlazePose landmark model's outputs and maps them back onto the frame.</summary>
public static class LandmarkDecoder
{
    /// <summary>Landmarks 33 and 34 are the model's own alignment points (hips' midpoint, body circle point) for tracking.</summary>
    public const int HipsCenterLandmark = 33;
    public const int BodyScaleLandmark = 34;

    // Heatmap refinement as MediaPipe's landmark pipeline does: a 7x7 window, used only where the heatmap is confident.
    private const int RefineKernel = 7;
    private const float MinRefineConfidence = 0.5f;

    /// <summary>
    /// Decodes <paramref name="destination"/>.Length landmarks of <paramref name="valuesPerLandmark"/> values each
    /// (x, y, z in input pixels; visibility and presence as logits).
    /// </summary>
    public static void Decode(ReadOnlySpan<float> raw, int valuesPerLandmark, float inputWidth, float inputHeight, Span<RegionLandmark> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var values = raw.Slice(i * valuesPerLandmark, valuesPerLandmark);
            destination[i] = new RegionLandmark(
                values[0] / inputWidth,
                values[1] / inputHeight,
                valuesPerLandmark > 2 ? values[2] / inputWidth : 0,
                valuesPerLandmark > 3 ? DetectionDecoder.Sigmoid(values[3]) : 1,
                valuesPerLandmark > 4 ? DetectionDecoder.Sigmoid(values[4]) : 1);
        }
    }

    /// <summary>
    /// Moves each landmark to the confidence-weighted centre of its heatmap channel around it (heatmap is
    /// rows x columns x channels, one channel per landmark), where the heatmap is confident enough.
    /// </summary>
    public static void RefineFromHeatmap(Span<RegionLandmark> landmarks, ReadOnlySpan<float> heatmap, int rows, int columns, int channels)
    {
        var offset = (RefineKernel - 1) / 2;
        for (var i = 0; i < Math.Min(landmarks.Length, channels); i++)
        {
            var centerColumn = (int)(landmarks[i].U * columns);
            var centerRow = (int)(landmarks[i].V * rows);
            if (landmarks[i].U < 0 || landmarks[i].V < 0 || centerColumn >= columns || centerRow >= rows) continue;

            float sum = 0, weightedColumn = 0, weightedRow = 0, max = 0;
            for (var row = Math.Max(0, centerRow - offset); row < Math.Min(rows, centerRow + offset + 1); row++)
            {
                for (var column = Math.Max(0, centerColumn - offset); column < Math.Min(columns, centerColumn + offset + 1); column++)
                {
                    var confidence = heatmap[(row * columns + column) * channels + i];
                    sum += confidence;
                    max = MathF.Max(max, confidence);
                    weightedColumn += column * confidence;
                    weightedRow += row * confidence;
                }
            }
            if (max >= MinRefineConfidence && sum > 0)
            {
                landmarks[i] = landmarks[i] with { U = weightedColumn / columns / sum, V = weightedRow / rows / sum };
            }
        }
    }

    /// <summary>A landmark in frame pixels; Z is scaled like the region's width, so it is in pixels too.</summary>
    public static Keypoint ToFrame(RegionLandmark landmark, RotatedRect region)
    {
        var (x, y) = region.ToFrame(landmark.U, landmark.V);
        return new Keypoint(x, y, landmark.Visibility) { Z = landmark.Z * region.Width };
    }

    /// <summary>The region for the next frame from this frame's alignment landmarks.</summary>
    public static RotatedRect NextRegion(ReadOnlySpan<RegionLandmark> landmarks, RotatedRect region)
    {
        var (centerX, centerY) = region.ToFrame(landmarks[HipsCenterLandmark].U, landmarks[HipsCenterLandmark].V);
        var (scaleX, scaleY) = region.ToFrame(landmarks[BodyScaleLandmark].U, landmarks[BodyScaleLandmark].V);
        return PoseRegion.FromAlignmentPoints(centerX, centerY, scaleX, scaleY);
    }
}
