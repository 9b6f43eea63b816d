using System.Globalization;
using System.Text.Json;
using DanceAspire.Media;
using DanceAspire.Media.Probing;
using DanceAspire.Media.Processes;

namespace DanceAspire.Assembler.Assembly;

/// <summary>
/// A move clip as ffprobe sees it, with the details a stream copy has to agree on beyond <see cref="MediaStreamInfo"/>:
/// pixel format, B-frame delay, the codec's extradata (SPS/PPS, compared by hash) and where the stream starts.
/// </summary>
/// <param name="BFrameDelay">ffprobe's has_b_frames: frames are reordered, so a cut by decode time is not a cut by display time.</param>
/// <param name="ExtradataHash">SHA-256 of the codec extradata; clips joined without re-encoding must share it.</param>
public sealed record SourceClip(
    string Path,
    MediaStreamInfo Video,
    double? FormatDurationSeconds,
    string? PixelFormat,
    int BFrameDelay,
    string? ExtradataHash,
    string? SampleAspectRatio,
    double StartSeconds)
{
    public double DurationSeconds => Video.DurationSeconds ?? FormatDurationSeconds ?? 0;

    /// <summary>Whole frames the video stream holds at <paramref name="rate"/>.</summary>
    public int FramesAt(FrameRate rate) => (int)Math.Round(DurationSeconds * rate.PerSecond, MidpointRounding.AwayFromZero);
}

/// <summary>Runs one ffprobe per clip: <see cref="FfprobeOutput"/> reads the common part, this the stream-copy details.</summary>
public sealed class ClipProbe(FfmpegTools tools)
{
    /// <exception cref="AssemblyInputException">The file is not a readable video.</exception>
    public async Task<SourceClip> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        string[] arguments = ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-show_data_hash", "SHA256", path];
        var (exitCode, output, error) = await ToolProcess.RunAsync(tools.FfprobePath, arguments, cancellationToken);
        if (exitCode != 0) throw new AssemblyInputException($"ffprobe could not read a clip: {FfprobeOutput.DescribeError(error, path)}");
        MediaInfo media;
        try
        {
            media = FfprobeOutput.Parse(output);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new AssemblyInputException($"ffprobe could not read a clip: {e.Message}", innerException: e);
        }
        var video = media.Video ?? throw new AssemblyInputException("A clip has no video stream.");

        using var document = JsonDocument.Parse(output);
        var stream = document.RootElement.GetProperty("streams").EnumerateArray()
            .First(s => s.TryGetProperty("index", out var index) && index.GetInt32() == video.Index);
        return new SourceClip(
            path,
            video,
            media.DurationSeconds,
            Text(stream, "pix_fmt"),
            stream.TryGetProperty("has_b_frames", out var delay) && delay.TryGetInt32(out var frames) ? frames : 0,
            Text(stream, "extradata_hash"),
            Text(stream, "sample_aspect_ratio"),
            double.TryParse(Text(stream, "start_time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var start) ? start : 0);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
