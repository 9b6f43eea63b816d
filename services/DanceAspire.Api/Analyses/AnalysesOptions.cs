namespace DanceAspire.Api.Analyses;

/// <summary>
/// Timings of video uploads (configuration section <c>Analyses</c>). The same section's MaxSizeBytes,
/// MaxDurationSeconds, MaxWidth and MaxHeight bind the media library's <see cref="Media.Validation.VideoLimits"/>.
/// </summary>
public sealed class AnalysesOptions
{
    public const string Section = "Analyses";

    /// <summary>How long a write-only upload URL works.</summary>
    public double UploadUrlMinutes { get; set; } = 15;

    /// <summary>How long a read link to an artifact works.</summary>
    public int DownloadUrlMinutes { get; set; } = 10;

    /// <summary>An upload still unconfirmed this long after its URL expired is removed, row and blob.</summary>
    public double SweepGraceMinutes { get; set; } = 5;

    /// <summary>
    /// Files whose analysis row is gone (a worker that wrote after a delete) are removed once untouched this long; long
    /// enough that a multipart upload still streaming (its row is written after the file) is never mistaken for one.
    /// </summary>
    public double OrphanGraceMinutes { get; set; } = 360;

    /// <summary>How often the sweeper looks for unconfirmed uploads and orphaned files.</summary>
    public int SweepIntervalSeconds { get; set; } = 60;
}
