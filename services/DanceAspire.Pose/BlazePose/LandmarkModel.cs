using DanceAspire.Analysis.Imaging;
using DanceAspire.Pose.Imaging;
using DanceAspire.Pose.Models;
using Microsoft.ML.OnnxRuntime;

namespace DanceAspire.Pose.BlazePose;

/// <summary>
/// BlazePose's landmark model ("full") run on a rotated square region. Outputs are told apart by shape: landmarks
/// (39 x 5 values: 33 body landmarks, 2 alignment points, 4 more), the pose flag (one value), and the heatmap
/// ([1, h, w, 39]); world landmarks and segmentation are not used.
/// </summary>
internal sealed class LandmarkModel : IDisposable
{
    public const int LandmarkCount = 39;
    public const int ValuesPerLandmark = 5;

    private readonly ModelInvocation<float> model;
    private readonly int landmarkOutput, flagOutput, heatmapOutput;
    private readonly int heatmapRows, heatmapColumns;

    public LandmarkModel(InferenceSession session, string modelFile)
    {
        model = new ModelInvocation<float>(session, modelFile);
        var shapes = model.OutputShapes;
        landmarkOutput = IndexOf(shapes, s => Volume(s) == LandmarkCount * ValuesPerLandmark);
        flagOutput = IndexOf(shapes, s => Volume(s) == 1);
        heatmapOutput = IndexOf(shapes, s => s.Length == 4 && s[3] == LandmarkCount);
        if (landmarkOutput < 0 || flagOutput < 0)
        {
            throw new InvalidDataException(
                $"'{modelFile}' does not look like the BlazePose landmark model: outputs {string.Join(", ", shapes.Select(s => "[" + string.Join(',', s) + "]"))}.");
        }
        if (heatmapOutput >= 0) (heatmapRows, heatmapColumns) = ((int)shapes[heatmapOutput][1], (int)shapes[heatmapOutput][2]);
    }

    /// <summary>
    /// Runs the model on <paramref name="region"/> of the frame; fills <paramref name="landmarks"/> (39) and returns the
    /// pose flag, the model's confidence (0..1) that a person fills the region.
    /// </summary>
    public float Run(FrameView frame, RotatedRect region, Span<RegionLandmark> landmarks)
    {
        // The landmark model wants values in 0..1.
        FrameSampler.Sample(frame, region, model.Input, model.InputWidth, model.InputHeight, 1f / 255f);
        model.Run();

        LandmarkDecoder.Decode(model.Outputs[landmarkOutput], ValuesPerLandmark, model.InputWidth, model.InputHeight, landmarks);
        if (heatmapOutput >= 0)
        {
            LandmarkDecoder.RefineFromHeatmap(landmarks, model.Outputs[heatmapOutput], heatmapRows, heatmapColumns, LandmarkCount);
        }
        // The converted graph ends the flag in a sigmoid already.
        return model.Outputs[flagOutput][0];
    }

    public void Dispose() => model.Dispose();

    private static int IndexOf(IReadOnlyList<long[]> shapes, Func<long[], bool> match)
    {
        for (var i = 0; i < shapes.Count; i++) if (match(shapes[i])) return i;
        return -1;
    }

    private static long Volume(long[] shape) => shape.Aggregate(1L, (a, b) => a * b);
}
