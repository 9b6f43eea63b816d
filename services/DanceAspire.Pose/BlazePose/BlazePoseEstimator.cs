using DanceAspire.Analysis.Imaging;
using DanceAspire.Analysis.Pose;
using DanceAspire.Pose.Imaging;
using Microsoft.ML.OnnxRuntime;

namespace DanceAspire.Pose.BlazePose;

/// <summary>
/// BlazePose as MediaPipe runs it on video: the detector finds the person once, then each frame's landmarks give the
/// next frame's region. The detector runs again when the tracked region loses the person (pose flag below
/// <see cref="MinPoseScore"/>), on the first frame and after <see cref="Reset"/>.
/// </summary>
public sealed class BlazePoseEstimator : IPoseEstimator
{
    public const float MinPoseScore = 0.5f;
    private const int BodyLandmarks = 33;

    private readonly PersonDetector detector;
    private readonly LandmarkModel landmarkModel;
    private readonly RegionLandmark[] landmarks = new RegionLandmark[LandmarkModel.LandmarkCount];
    private RotatedRect? region;

    public BlazePoseEstimator(InferenceSession detectorSession, string detectorFile, InferenceSession landmarkSession, string landmarkFile)
    {
        detector = new PersonDetector(detectorSession, detectorFile);
        try
        {
            landmarkModel = new LandmarkModel(landmarkSession, landmarkFile);
        }
        catch
        {
            detector.Dispose();
            throw;
        }
    }

    public string ModelName => PoseModels.BlazePose;

    public KeypointFormat Format => KeypointFormat.BlazePose33;

    /// <summary>The region the last frame's landmarks were read from (frame pixels), if any.</summary>
    public RotatedRect? LastRegion { get; private set; }

    /// <summary>Whether the last frame ran the detector (rather than tracking).</summary>
    public bool LastFrameDetected { get; private set; }

    public PoseFrame Estimate(FrameView frame, int frameIndex, double timeSeconds)
    {
        var (width, height) = (frame.Width, frame.Height);
        LastFrameDetected = false;
        LastRegion = null;
        var score = 0f;
        if (region is { } tracked)
        {
            score = landmarkModel.Run(frame, tracked, landmarks);
            LastRegion = tracked;
        }
        if (score < MinPoseScore)
        {
            // Lost (or never had) the person: look for them afresh in this same frame.
            LastFrameDetected = true;
            region = detector.Detect(frame);
            if (region is { } detected)
            {
                score = landmarkModel.Run(frame, detected, landmarks);
                LastRegion = detected;
            }
        }
        if (region is not { } used || score < MinPoseScore)
        {
            region = null;
            return new PoseFrame(frameIndex, timeSeconds, width, height, KeypointFormat.BlazePose33, []) { Score = score };
        }

        var keypoints = new Keypoint[BodyLandmarks];
        for (var i = 0; i < BodyLandmarks; i++) keypoints[i] = LandmarkDecoder.ToFrame(landmarks[i], used);
        region = LandmarkDecoder.NextRegion(landmarks, used);
        return new PoseFrame(frameIndex, timeSeconds, width, height, KeypointFormat.BlazePose33, keypoints) { Score = score };
    }

    public void Reset()
    {
        region = null;
        LastRegion = null;
    }

    public void Dispose()
    {
        detector.Dispose();
        landmarkModel.Dispose();
    }
}
