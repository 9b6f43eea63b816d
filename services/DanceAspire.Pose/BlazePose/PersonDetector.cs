using DanceAspire.Analysis.Imaging;
using DanceAspire.Pose.Imaging;
using DanceAspire.Pose.Models;
using Microsoft.ML.OnnxRuntime;

namespace DanceAspire.Pose.BlazePose;

/// <summary>
/// BlazePose's person detector: the whole frame, letterboxed into its square input, in; the best person's alignment
/// region out. The detector's outputs are told apart by shape: one [1, anchors, 13] tensor (score logit first), or a
/// [1, anchors, 12] box tensor beside a [1, anchors, 1] score tensor.
/// </summary>
internal sealed class PersonDetector : IDisposable
{
    public const float MinScore = 0.5f;

    private readonly ModelInvocation<float> model;
    private readonly Anchor[] anchors;
    private readonly int boxOutput, boxOffset, boxStride, scoreOutput, scoreOffset, scoreStride;

    public PersonDetector(InferenceSession session, string modelFile)
    {
        model = new ModelInvocation<float>(session, modelFile);
        anchors = SsdAnchors.Generate(SsdAnchorOptions.BlazePoseDetector with { InputWidth = model.InputWidth, InputHeight = model.InputHeight });

        var shapes = model.OutputShapes;
        int Find(Func<long[], bool> match) => shapes.Select((s, i) => (s, i)).Where(t => match(t.s)).Select(t => t.i).DefaultIfEmpty(-1).First();
        bool PerAnchor(long[] s, long last) => s.Length >= 2 && s[^2] == anchors.Length && s[^1] == last;

        var combined = Find(s => PerAnchor(s, 13));
        if (combined >= 0)
        {
            (boxOutput, boxOffset, boxStride) = (combined, 1, 13);
            (scoreOutput, scoreOffset, scoreStride) = (combined, 0, 13);
        }
        else
        {
            (boxOutput, boxOffset, boxStride) = (Find(s => PerAnchor(s, 12)), 0, 12);
            (scoreOutput, scoreOffset, scoreStride) = (Find(s => PerAnchor(s, 1) || (s.Length == 2 && s[1] == anchors.Length)), 0, 1);
        }
        if (boxOutput < 0 || scoreOutput < 0)
        {
            throw new InvalidDataException(
                $"'{modelFile}' does not look like the BlazePose detector for {anchors.Length} anchors: outputs {string.Join(", ", shapes.Select(s => "[" + string.Join(',', s) + "]"))}.");
        }
    }

    /// <summary>The region around the best-scoring person in the frame, or null when nobody reaches <see cref="MinScore"/>.</summary>
    public RotatedRect? Detect(FrameView frame)
    {
        var letterbox = RotatedRect.CoveringSquare(frame.Width, frame.Height);
        // The detector wants values in -1..1.
        FrameSampler.Sample(frame, letterbox, model.Input, model.InputWidth, model.InputHeight, 2f / 255f, -1f);
        model.Run();

        var detections = DetectionDecoder.Decode(
            model.Outputs[boxOutput].AsSpan(boxOffset), boxStride,
            model.Outputs[scoreOutput].AsSpan(scoreOffset), scoreStride,
            anchors, model.InputWidth, model.InputHeight, MinScore);
        var best = NonMaxSuppression.Select(detections, NonMaxSuppression.BlazePoseIouThreshold, 1);
        if (best.Count == 0) return null;

        var (hipsX, hipsY) = letterbox.ToFrame(best[0].Keypoints[0].X, best[0].Keypoints[0].Y);
        var (scaleX, scaleY) = letterbox.ToFrame(best[0].Keypoints[1].X, best[0].Keypoints[1].Y);
        return PoseRegion.FromAlignmentPoints(hipsX, hipsY, scaleX, scaleY);
    }

    public void Dispose() => model.Dispose();
}
