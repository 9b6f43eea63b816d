namespace DanceAspire.Choreography.Planning;

/// <summary>
/// A move the planner may place. Its clip starts on a keyframe, so a move is always taken from
/// the clip's start and only trimmed at the end.
/// </summary>
/// <param name="Id">Becomes the blueprint's clip_id.</param>
/// <param name="VideoPath">Blob path of the normalized clip, "moves/…".</param>
/// <param name="DurationSeconds">Length of the clip.</param>
/// <param name="Energy">0 (calm) to 100.</param>
/// <param name="Difficulty">1 (easiest) to 5.</param>
/// <param name="Styles">Style tags such as "hiphop"; compared ignoring case, spaces and hyphens.</param>
/// <param name="FirstPose">The normalized pose of the clip's first frame (COCO-17 x,y pairs); null when unknown.</param>
/// <param name="LastPose">The normalized pose of the clip's last frame; null when unknown.</param>
public sealed record MoveCandidate(
    string Id,
    string VideoPath,
    double DurationSeconds,
    double Energy,
    int Difficulty,
    IReadOnlyCollection<string> Styles,
    float[]? FirstPose,
    float[]? LastPose);
