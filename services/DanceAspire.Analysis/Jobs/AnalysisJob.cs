namespace DanceAspire.Analysis.Jobs;

/// <summary>The analysis job's contract between the api, which queues it, and the analysis-worker, which runs it.</summary>
public static class AnalysisJob
{
    /// <summary>The job kind (the work stream the analysis-worker reads).</summary>
    public const string Kind = "analysis";

    /// <summary>The blob container holding every analysis's files, one folder per analysis: <c>{analysisId}/...</c>.</summary>
    public const string Container = "analyses";
}

/// <summary>The job's payload: which upload to analyze, and how.</summary>
public sealed record AnalysisJobPayload(Guid AnalysisId, string Model, bool Overlay);

/// <summary>The files of one analysis in <see cref="AnalysisJob.Container"/>.</summary>
public static class AnalysisBlobs
{
    public const string Original = "original";
    public const string Overlay = "overlay";
    public const string Keypoints = "keypoints";
    public const string Thumbnail = "thumbnail";
    public const string Result = "result";

    /// <summary>The artifacts a client may download, by their name in the API.</summary>
    public static readonly IReadOnlyList<string> Artifacts = [Overlay, Keypoints, Thumbnail, Original];

    public static string Folder(Guid analysisId) => $"{analysisId:D}/";

    /// <summary>The blob name of one of the analysis's files.</summary>
    public static string Name(Guid analysisId, string file) => Folder(analysisId) + file switch
    {
        Original => "original",
        Overlay => "overlay.mp4",
        Keypoints => "keypoints.json",
        Thumbnail => "thumbnail.jpg",
        Result => "result.json",
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "Not a file of an analysis."),
    };

    /// <summary>The content type each file is stored (and served) with; the original keeps its own.</summary>
    public static string ContentType(string file) => file switch
    {
        Overlay => "video/mp4",
        Keypoints or Result => "application/json",
        Thumbnail => "image/jpeg",
        _ => "application/octet-stream",
    };
}

/// <summary>
/// What the worker returns as the job's result (kept in Postgres as the analysis's summary); the full result is the
/// <see cref="AnalysisBlobs.Result"/> blob.
/// </summary>
public sealed record AnalysisSummary(
    int TotalFrames,
    double DetectionRate,
    string MovementType,
    double Intensity,
    double? EstimatedBpm,
    double SmoothnessScore,
    double DurationSeconds,
    double ProcessingTimeSeconds,
    IReadOnlyList<string> Artifacts,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ExtractedMove>? Moves = null);

/// <summary>
/// The move library's clips: one normalized clip (and thumbnail) per usable segment of an analysis, in the
/// <see cref="Container"/> container under <c>{analysisId}/</c>. Every clip has the same format, so clips join
/// by stream copy: H.264 (yuv420p), <see cref="Width"/>x<see cref="Height"/>, <see cref="FrameRate"/> fps,
/// a keyframe at its start, no audio.
/// </summary>
public static class MoveClips
{
    public const string Container = "moves";
    public const int Width = 720;
    public const int Height = 1280;
    public const int FrameRate = 30;

    /// <summary>Segments shorter than this (seconds) make no move.</summary>
    public const double MinDurationSeconds = 1.0;

    public static string Folder(Guid analysisId) => $"{analysisId:D}/";

    /// <summary>Blob name of a clip, inside <see cref="Container"/>.</summary>
    public static string ClipName(Guid analysisId, int segmentIndex) => $"{Folder(analysisId)}{segmentIndex:D3}.mp4";

    /// <summary>Blob name of a clip's thumbnail, inside <see cref="Container"/>.</summary>
    public static string ThumbnailName(Guid analysisId, int segmentIndex) => $"{Folder(analysisId)}{segmentIndex:D3}.jpg";
}

/// <summary>One move cut from an analysis's segment, as the analysis-worker reports it; the api turns it into a library row.</summary>
/// <param name="SegmentIndex">The segment's index in the analysis result.</param>
/// <param name="StartSeconds">Where the clip starts in the original video.</param>
/// <param name="DurationSeconds">The clip's duration (whole frames at <see cref="MoveClips.FrameRate"/>).</param>
/// <param name="MovementType">The segment's movement type (wire name).</param>
/// <param name="Energy">0 (calm) to 100.</param>
/// <param name="Difficulty">1 (easiest) to 5, derived from the motion; users may change it.</param>
/// <param name="Embedding">The pose-feature embedding (see MoveFeatures for what it encodes).</param>
/// <param name="FirstPose">The normalized pose at the clip's first frame, for pose continuity at cuts.</param>
/// <param name="LastPose">The normalized pose at the clip's last frame.</param>
/// <param name="ClipPath">Blob path of the clip, "moves/{analysisId}/{index}.mp4".</param>
/// <param name="ThumbnailPath">Blob path of the thumbnail, "moves/{analysisId}/{index}.jpg".</param>
public sealed record ExtractedMove(
    int SegmentIndex,
    double StartSeconds,
    double DurationSeconds,
    string MovementType,
    double Energy,
    int Difficulty,
    float[] Embedding,
    float[] FirstPose,
    float[] LastPose,
    string ClipPath,
    string ThumbnailPath);
