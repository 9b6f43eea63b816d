using DanceAspire.Media.Probing;

namespace DanceAspire.Media.Validation;

/// <summary>What a song upload may be.</summary>
public sealed class AudioLimits
{
    public double MaxDurationSeconds { get; set; } = 900;

    public long MaxSizeBytes { get; set; } = 200L * 1024 * 1024;
}

/// <summary>The codes only audio uploads have; the rest are <see cref="VideoRejections"/>'s.</summary>
public static class AudioRejections
{
    public const string NoAudioStream = "no_audio_stream";
}

/// <summary>Decides, from ffprobe alone, whether an upload is a song we can analyze: mp3, wav, ogg, flac or m4a/aac.</summary>
public sealed class AudioValidator(MediaProbe probe, AudioLimits limits) : UploadValidator(probe, "audio")
{
    private static readonly string[] AcceptedContainerNames = ["mp3", "wav", "ogg", "flac", "m4a/aac"];
    private static readonly HashSet<string> AcceptedFormatNames = ["mp3", "wav", "ogg", "flac", "mov", "mp4", "m4a", "aac"];

    /// <summary>The codec each container may carry (wav carries any PCM).</summary>
    private static bool IsAcceptedCodec(string codec) =>
        codec is "mp3" or "vorbis" or "opus" or "flac" or "aac" || codec.StartsWith("pcm_", StringComparison.Ordinal);

    protected override (string Code, string Message)? FindProblem(MediaInfo media)
    {
        if (media.SizeBytes == 0) return (VideoRejections.EmptyFile, "The file is empty.");
        var audio = media.Audio;
        if (audio is null) return (AudioRejections.NoAudioStream, "The file has no audio stream.");
        if (!media.FormatName.Split(',').Any(AcceptedFormatNames.Contains))
        {
            return (VideoRejections.UnsupportedContainer,
                $"The file's container is '{media.FormatName}' ({media.FormatLongName}); accepted formats are {string.Join(", ", AcceptedContainerNames)}.");
        }
        if (audio.CodecName is null || !IsAcceptedCodec(audio.CodecName))
        {
            return (VideoRejections.UnsupportedCodec,
                $"The audio codec is '{audio.CodecName ?? "unknown"}'; accepted codecs are mp3, vorbis, opus, flac, aac and PCM.");
        }
        if (media.SizeBytes > limits.MaxSizeBytes)
        {
            return (VideoRejections.TooLargeFile, UploadProbe.TooLargeMessage(media.SizeBytes.Value, limits.MaxSizeBytes));
        }
        var duration = media.DurationSeconds ?? audio.DurationSeconds;
        if (duration is null or <= 0) return (VideoRejections.ZeroDuration, "The audio has no duration.");
        if (duration > limits.MaxDurationSeconds)
        {
            return (VideoRejections.TooLong,
                $"The song is {UploadProbe.Clock(UploadProbe.OverLimitSeconds(duration.Value, limits.MaxDurationSeconds))} long; the limit is {UploadProbe.Clock(limits.MaxDurationSeconds)}.");
        }
        return null;
    }
}
