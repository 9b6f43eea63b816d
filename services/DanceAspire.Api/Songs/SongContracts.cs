using DanceAspire.Music.Songs;

namespace DanceAspire.Api.Songs;

/// <summary>POST /api/v1/songs/upload-url: the file the client is about to upload, and optionally its title.</summary>
public sealed record SongUploadUrlRequest(string? FileName, string? ContentType, long? SizeBytes, string? Title);

/// <summary>
/// Where to PUT the song: a write-only URL for one blob, valid until <paramref name="ExpiresAt"/>. The PUT must carry
/// <c>x-ms-blob-type: BlockBlob</c>; then POST /api/v1/songs/{songId}/confirm.
/// </summary>
public sealed record SongUploadTicket(Guid SongId, string UploadUrl, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> RequiredHeaders);

/// <summary>What ffprobe found in the upload.</summary>
public sealed record AudioFacts(double DurationSeconds, string Codec, int SampleRate, int Channels);

/// <summary>
/// A song as the API shows it. <paramref name="State"/>: awaiting_upload, rejected, queued, running, completed, failed
/// or canceled. <paramref name="TempoBpm"/> once analyzed; <paramref name="Analysis"/> (beats, downbeats, sections,
/// energy curve) only when one song is asked for.
/// </summary>
public sealed record SongView(
    Guid Id,
    string State,
    double Progress,
    string? Stage,
    string? Error,
    string? ErrorCode,
    string Title,
    string FileName,
    long SizeBytes,
    AudioFacts? Audio,
    Guid? JobId,
    double? TempoBpm,
    SongAnalysis? Analysis,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? FinishedAt);
