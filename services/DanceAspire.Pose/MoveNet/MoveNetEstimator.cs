using DanceAspire.Analysis.Imaging;
using DanceAspire.Analysis.Pose;
using DanceAspire.Pose.Imaging;
using DanceAspire.Pose.Models;
using Microsoft.ML.OnnxRuntime;

namespace DanceAspire.Pose.MoveNet;

/// <summary>
/// Single-person MoveNet (Lightning or Thunder). Each frame is cropped to the region the previous frame's pose
/// suggests (<see cref="MoveNetCropTracker"/>), resized into the model's square int32 input, and the keypoints mapped
/// back to frame pixels.
/// </summary>
public sealed class MoveNetEstimator : IPoseEstimator
{
    /// <summary>
    /// A frame has a pose when the mean of all 17 keypoint scores reaches this; below it the keypoints are dropped (the
    /// frame keeps its score) and tracking restarts from the full frame.
    /// </summary>
    public const float MinPoseScore = 0.2f;

    private readonly ModelInvocation<int> model;
    private readonly float[] scratch;
    private readonly Keypoint[] keypoints = new Keypoint[17];
    private RotatedRect? crop;

    public MoveNetEstimator(InferenceSession session, string modelName, string modelFile)
    {
        model = new ModelInvocation<int>(session, modelFile);
        if (model.InputShape.Length != 4 || model.InputShape[3] != 3 || model.Outputs.Count != 1 || model.Outputs[0].Length != 17 * 3)
        {
            throw new InvalidDataException($"'{modelFile}' does not look like single-person MoveNet: input [{string.Join(',', model.InputShape)}], outputs {model.Outputs.Count}.");
        }
        scratch = new float[model.Input.Length];
        ModelName = modelName;
    }

    public string ModelName { get; }

    public KeypointFormat Format => KeypointFormat.Coco17;

    /// <summary>The region the next frame will be cropped to (frame pixels); null before the first frame and after a reset.</summary>
    public RotatedRect? NextCrop => crop;

    /// <summary>The region the last frame was cropped to.</summary>
    public RotatedRect? LastCrop { get; private set; }

    public PoseFrame Estimate(FrameView frame, int frameIndex, double timeSeconds)
    {
        var (width, height) = (frame.Width, frame.Height);
        var region = crop ?? MoveNetCropTracker.FullFrame(width, height);
        LastCrop = region;
        FrameSampler.Sample(frame, region, model.Input, scratch, model.InputWidth, model.InputHeight);
        model.Run();

        var output = model.Outputs[0];
        float total = 0;
        for (var i = 0; i < 17; i++)
        {
            // The model gives y, x (0..1 across its input) and a score per keypoint.
            var (x, y) = region.ToFrame(output[i * 3 + 1], output[i * 3]);
            var score = output[i * 3 + 2];
            keypoints[i] = new Keypoint(x, y, score);
            total += score;
        }
        var poseScore = total / 17;

        if (poseScore < MinPoseScore)
        {
            crop = null;
            return new PoseFrame(frameIndex, timeSeconds, width, height, KeypointFormat.Coco17, []) { Score = poseScore };
        }
        crop = MoveNetCropTracker.Next(keypoints, width, height);
        return new PoseFrame(frameIndex, timeSeconds, width, height, KeypointFormat.Coco17, [.. keypoints]) { Score = poseScore };
    }

    public void Reset()
    {
        crop = null;
        LastCrop = null;
    }

    public void Dispose() => model.Dispose();
}
