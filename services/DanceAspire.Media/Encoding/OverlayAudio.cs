using DanceAspire.Media.Probing;

namespace DanceAspire.Media.Encoding;

/// <summary>The file whose first audio stream goes into the overlay video, and that stream's codec (aac is copied).</summary>
public sealed record OverlayAudio(string PathOrUrl, string? CodecName)
{
    /// <summary>The original's audio, or null when it has none.</summary>
    public static OverlayAudio? From(string pathOrUrl, MediaInfo media) =>
        media.Audio is { } audio ? new OverlayAudio(pathOrUrl, audio.CodecName) : null;
}
