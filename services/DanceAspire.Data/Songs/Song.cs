namespace DanceAspire.Data.Songs;

/// <summary>An uploaded song. Its analysis (tempo, beats, sections...) is the song-analysis job's result.</summary>
public sealed class Song : UploadedMedia
{
    /// <summary>The name people know it by; the file name without its extension unless the uploader gave one.</summary>
    public required string Title { get; set; }

    // What ffprobe found, once the upload is validated.
    public string? AudioCodec { get; set; }
    public int? SampleRate { get; set; }
    public int? Channels { get; set; }
}
