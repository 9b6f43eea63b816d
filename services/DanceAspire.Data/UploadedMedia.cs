namespace DanceAspire.Data;

/// <summary>
/// What every uploaded file (a dance video, a song) records about its upload; each kind adds its own columns and has
/// its own table. Its files live in blob storage under <c>{Id}/</c> of the kind's container.
/// </summary>
public abstract class UploadedMedia
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public string State { get; set; } = UploadStates.AwaitingUpload;

    public required string FileName { get; set; }
    public required string ContentType { get; set; }

    /// <summary>The size the client announced (SAS uploads) or streamed (multipart).</summary>
    public long SizeBytes { get; set; }

    /// <summary>"sas" (the client PUTs to a write-only URL, then confirms) or "multipart" (through the api).</summary>
    public required string UploadMethod { get; set; }

    /// <summary>Until when the write-only upload URL works; an unconfirmed upload is removed some time after.</summary>
    public DateTimeOffset? UploadExpiresAt { get; set; }

    /// <summary>The job that processes the file, once it is validated.</summary>
    public Guid? JobId { get; set; }

    /// <summary>What ffprobe found, once the upload is validated.</summary>
    public double? DurationSeconds { get; set; }

    /// <summary>Why validation rejected the file: a machine code and a sentence for people.</summary>
    public string? RejectionCode { get; set; }
    public string? RejectionReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
}
