namespace DanceAspire.Analysis.Pose;

/// <summary>One body landmark in pixels of the source frame; <see cref="Score"/> is the model's confidence, 0..1.</summary>
public readonly record struct Keypoint(float X, float Y, float Score)
{
    /// <summary>Depth relative to the hips (BlazePose only; 0 for MoveNet), in the same pixel scale as X.</summary>
    public float Z { get; init; }
}
