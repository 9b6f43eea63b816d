namespace DanceAspire.Data.Analyses;

/// <summary>
/// awaiting_upload → (the file arrives and passes validation) submitted, or rejected. Once submitted, the analysis job
/// (<see cref="VideoAnalysis.JobId"/>) carries the state, progress and result.
/// </summary>
public static class AnalysisStates
{
    public const string AwaitingUpload = "awaiting_upload";
    public const string Rejected = "rejected";
    public const string Submitted = "submitted";
}

/// <summary>An uploaded dance video and what was asked of its analysis. The artifacts live in blob storage under <c>{Id}/</c>.</summary>
public sealed class VideoAnalysis
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public string State { get; set; } = AnalysisStates.AwaitingUpload;

    /// <summary>The pose model's wire name (movenet-lightning, movenet-thunder, blazepose).</summary>
    public required string Model { get; set; }

    /// <summary>Whether to render the skeleton-overlay video.</summary>
    public bool Overlay { get; set; } = true;

    public required string FileName { get; set; }
    public required string ContentType { get; set; }

    /// <summary>The size the client announced (SAS uploads) or streamed (multipart).</summary>
    public long SizeBytes { get; set; }

    /// <summary>"sas" (the client PUTs to a write-only URL, then confirms) or "multipart" (through the api).</summary>
    public required string UploadMethod { get; set; }

    /// <summary>Until when the write-only upload URL works; an unconfirmed upload is removed some time after.</summary>
    public DateTimeOffset? UploadExpiresAt { get; set; }

    public Guid? JobId { get; set; }

    // What ffprobe found, once the upload is validated.
    public double? DurationSeconds { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public double? FrameRate { get; set; }
    public string? VideoCodec { get; set; }

    /// <summary>Why validation rejected the file: a machine code and a sentence for people.</summary>
    public string? RejectionCode { get; set; }
    public string? RejectionReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
}
