namespace DanceAspire.Analysis.Results;

/// <summary>
/// The per-frame keypoints artifact (schema_version 1): each frame's keypoints as [x, y, score] in pixels of a
/// width x height frame, in the model's own layout. Written incrementally by <see cref="KeypointsJsonWriter"/>;
/// this record is for reading it back.
/// </summary>
public sealed record KeypointsArtifact(
    int SchemaVersion,
    double Fps,
    int Width,
    int Height,
    string KeypointFormat,
    IReadOnlyList<string> KeypointNames,
    IReadOnlyList<KeypointsFrame> Frames)
{
    public const int CurrentSchemaVersion = 1;
}

/// <summary>One frame; <paramref name="Keypoints"/> is empty when nobody was found.</summary>
public sealed record KeypointsFrame(int Index, double TimeS, double Score, IReadOnlyList<float[]> Keypoints);
