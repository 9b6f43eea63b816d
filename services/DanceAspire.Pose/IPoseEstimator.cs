using DanceAspire.Analysis.Imaging;
using DanceAspire.Analysis.Pose;

namespace DanceAspire.Pose;

/// <summary>
/// Finds one person's pose in successive frames of one video. Estimators track the person from frame to frame, so use
/// one per video, from one thread, and <see cref="Reset"/> between unrelated clips.
/// </summary>
public interface IPoseEstimator : IDisposable
{
    /// <summary>The wire name of the model (see <see cref="PoseModels"/>).</summary>
    string ModelName { get; }

    KeypointFormat Format { get; }

    /// <summary>
    /// Estimates the pose in a frame (rgb24 or yuv420p). Keypoints are in pixels of that frame; empty when no person was
    /// found (the frame's Score still says how confident the model was).
    /// </summary>
    PoseFrame Estimate(FrameView frame, int frameIndex, double timeSeconds);

    /// <summary>Forgets the tracked person: the next frame is searched from scratch.</summary>
    void Reset();
}
