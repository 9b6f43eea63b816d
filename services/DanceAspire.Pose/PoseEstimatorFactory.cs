using DanceAspire.Analysis.Pose;
using DanceAspire.Pose.BlazePose;
using DanceAspire.Pose.Models;
using DanceAspire.Pose.MoveNet;

namespace DanceAspire.Pose;

/// <summary>
/// Makes pose estimators by wire name (see <see cref="PoseModels"/>). A singleton: the model sessions behind it are
/// shared, while each estimator it makes holds one video's tracking state and buffers.
/// </summary>
public sealed class PoseEstimatorFactory(PoseModelCatalog catalog)
{
    public const string MoveNetLightningFile = "movenet-lightning.onnx";
    public const string MoveNetThunderFile = "movenet-thunder.onnx";
    public const string BlazePoseDetectorFile = "blazepose-detector.onnx";
    public const string BlazePoseLandmarkFile = "blazepose-full.onnx";

    /// <summary>A new estimator for one video; <paramref name="modelName"/> null or empty means <see cref="PoseModels.Default"/>.</summary>
    public IPoseEstimator Create(string? modelName = null)
    {
        var name = string.IsNullOrWhiteSpace(modelName) ? PoseModels.Default : modelName.Trim().ToLowerInvariant();
        return name switch
        {
            PoseModels.MoveNetLightning => new MoveNetEstimator(catalog.Session(MoveNetLightningFile), name, MoveNetLightningFile),
            PoseModels.MoveNetThunder => new MoveNetEstimator(catalog.Session(MoveNetThunderFile), name, MoveNetThunderFile),
            PoseModels.BlazePose => new BlazePoseEstimator(
                catalog.Session(BlazePoseDetectorFile), BlazePoseDetectorFile,
                catalog.Session(BlazePoseLandmarkFile), BlazePoseLandmarkFile),
            _ => throw new ArgumentException($"Unknown pose model '{modelName}'; use one of {string.Join(", ", PoseModels.Names)}.", nameof(modelName)),
        };
    }
}
