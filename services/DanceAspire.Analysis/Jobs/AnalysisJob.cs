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
    IReadOnlyList<string> Notes);
