using DanceAspire.Analysis.Imaging;

namespace DanceAspire.Media.Probing;

/// <summary>What ffprobe says about a file: its container and its streams.</summary>
/// <param name="FormatName">ffprobe's format names, e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c> or <c>matroska,webm</c>.</param>
public sealed record MediaInfo(
    string FormatName,
    string FormatLongName,
    double? DurationSeconds,
    long? SizeBytes,
    long? BitRate,
    IReadOnlyList<MediaStreamInfo> Streams)
{
    /// <summary>The first real video stream (cover art excluded), or null.</summary>
    public MediaStreamInfo? Video => Streams.FirstOrDefault(s => s.IsVideo && !s.IsAttachedPicture);

    /// <summary>The first audio stream, or null.</summary>
    public MediaStreamInfo? Audio => Streams.FirstOrDefault(s => s.IsAudio);

    public bool HasAudio => Audio is not null;
}

/// <summary>One stream of a media file. Width and height are as coded; <see cref="DisplayWidth"/> applies the rotation.</summary>
/// <param name="ColorSpace">ffprobe's <c>color_space</c> (YUV matrix), e.g. <c>bt709</c>; null when untagged.</param>
/// <param name="SampleRate">Audio samples per second (0 for other streams).</param>
/// <param name="Channels">Audio channels (0 for other streams).</param>
public sealed record MediaStreamInfo(
    int Index,
    string CodecType,
    string? CodecName,
    int Width,
    int Height,
    int Rotation,
    FrameRate RealFrameRate,
    FrameRate AverageFrameRate,
    long? FrameCount,
    double? DurationSeconds,
    bool IsAttachedPicture,
    string? ColorSpace = null,
    int SampleRate = 0,
    int Channels = 0)
{
    public bool IsVideo => CodecType == "video";

    public bool IsAudio => CodecType == "audio";

    /// <summary>ffprobe's r_frame_rate in frames per second (0 when unknown).</summary>
    public double FrameRatePerSecond => RealFrameRate.PerSecond;

    /// <summary>ffprobe's avg_frame_rate in frames per second (0 when unknown).</summary>
    public double AverageFrameRatePerSecond => AverageFrameRate.PerSecond;

    private bool IsQuarterTurn => Rotation is 90 or 270;

    /// <summary>The width after the rotation is applied (what ffmpeg decodes to by default).</summary>
    public int DisplayWidth => IsQuarterTurn ? Height : Width;

    public int DisplayHeight => IsQuarterTurn ? Width : Height;

    /// <summary>The matrix ffmpeg converts this stream's YUV to RGB with: BT.709 when tagged so, BT.601 otherwise.</summary>
    public YuvMatrix YuvMatrix => ColorSpace == "bt709" ? YuvMatrix.Bt709 : YuvMatrix.Bt601;
}
