using DanceAspire.Analysis.Jobs;

namespace DanceAspire.Api.Analyses;

/// <summary>What the client may choose for an analysis: the pose model (default movenet-lightning) and the overlay video (default on).</summary>
public sealed record AnalysisRequestOptions(string? Model = null, bool? Overlay = null);

/// <summary>POST /api/v1/analyses/upload-url: the file the client is about to upload.</summary>
public sealed record UploadUrlRequest(string? FileName, string? ContentType, long? SizeBytes, AnalysisRequestOptions? Options);

/// <summary>
/// Where to PUT the file: a write-only URL for one blob, valid until <paramref name="ExpiresAt"/>. The PUT must carry
/// <c>x-ms-blob-type: BlockBlob</c>; then POST /api/v1/analyses/{analysisId}/confirm.
/// </summary>
public sealed record UploadTicket(Guid AnalysisId, string UploadUrl, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> RequiredHeaders);

/// <summary>What ffprobe found in the upload.</summary>
public sealed record VideoFacts(double DurationSeconds, int Width, int Height, double FrameRate, string Codec);

/// <summary>
/// An analysis as the API shows it. <paramref name="State"/>: awaiting_upload, rejected, queued, running, completed,
/// failed or canceled; <paramref name="Error"/> says why it was rejected or failed.
/// </summary>
public sealed record AnalysisView(
    Guid Id,
    string State,
    double Progress,
    string? Stage,
    string? Error,
    string? ErrorCode,
    string Model,
    bool Overlay,
    string FileName,
    long SizeBytes,
    VideoFacts? Video,
    Guid? JobId,
    AnalysisSummary? Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? FinishedAt);

/// <summary>A read link to one artifact, valid until <paramref name="ExpiresAt"/>.</summary>
public sealed record ArtifactLink(string Url, DateTimeOffset ExpiresAt);
