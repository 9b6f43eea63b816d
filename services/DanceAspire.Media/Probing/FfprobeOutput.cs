using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DanceAspire.Media.Probing;

/// <summary>Reads ffprobe's JSON (<c>-show_format -show_streams</c>) and its stderr. Pure: text in, values out.</summary>
public static partial class FfprobeOutput
{
    public static MediaInfo Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("format", out var format))
            throw new FormatException("ffprobe's output has no format section.");

        var streams = new List<MediaStreamInfo>();
        if (root.TryGetProperty("streams", out var streamArray))
        {
            foreach (var stream in streamArray.EnumerateArray()) streams.Add(ParseStream(stream));
        }

        return new MediaInfo(
            FormatName: String(format, "format_name") ?? "",
            FormatLongName: String(format, "format_long_name") ?? "",
            DurationSeconds: Double(format, "duration"),
            SizeBytes: Long(format, "size"),
            BitRate: Long(format, "bit_rate"),
            Streams: streams);
    }

    /// <summary>
    /// ffprobe's error lines made fit to show a user: the "[demuxer @ 0x…]" and "path:" prefixes removed (a SAS address
    /// must not leak), repeated lines dropped.
    /// </summary>
    public static string DescribeError(string stderr, string pathOrUrl)
    {
        var lines = new List<string>();
        foreach (var raw in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var line = ContextPrefix().Replace(raw, "");
            if (line.StartsWith(pathOrUrl + ":", StringComparison.Ordinal)) line = line[(pathOrUrl.Length + 1)..].Trim();
            line = line.Replace(pathOrUrl, "the file", StringComparison.Ordinal);
            if (line.Length > 0 && !lines.Contains(line)) lines.Add(line);
        }
        return lines.Count == 0 ? "no reason given" : string.Join("; ", lines);
    }

    private static MediaStreamInfo ParseStream(JsonElement stream)
    {
        var attachedPicture = stream.TryGetProperty("disposition", out var disposition)
                              && Long(disposition, "attached_pic") == 1;
        return new MediaStreamInfo(
            Index: (int)(Long(stream, "index") ?? 0),
            CodecType: String(stream, "codec_type") ?? "unknown",
            CodecName: String(stream, "codec_name"),
            Width: (int)(Long(stream, "width") ?? 0),
            Height: (int)(Long(stream, "height") ?? 0),
            Rotation: Rotation(stream),
            RealFrameRate: FrameRate.Parse(String(stream, "r_frame_rate")),
            AverageFrameRate: FrameRate.Parse(String(stream, "avg_frame_rate")),
            FrameCount: Long(stream, "nb_frames"),
            DurationSeconds: Double(stream, "duration"),
            IsAttachedPicture: attachedPicture,
            ColorSpace: String(stream, "color_space"),
            SampleRate: (int)(Long(stream, "sample_rate") ?? 0),
            Channels: (int)(Long(stream, "channels") ?? 0));
    }

    /// <summary>The display rotation in degrees, 0..359: the display matrix side data, else the legacy "rotate" tag.</summary>
    private static int Rotation(JsonElement stream)
    {
        double? degrees = null;
        if (stream.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in sideData.EnumerateArray())
            {
                degrees ??= Double(item, "rotation");
            }
        }
        if (degrees is null && stream.TryGetProperty("tags", out var tags)) degrees = Double(tags, "rotate");
        if (degrees is null) return 0;
        var quarterTurns = (int)Math.Round(degrees.Value / 90.0);
        return ((quarterTurns % 4) + 4) % 4 * 90;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // ffprobe writes most numbers as strings ("13.000000") and some as numbers; accept both.
    private static double? Double(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
        return value.ValueKind == JsonValueKind.String
               && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
               && double.IsFinite(parsed)
            ? parsed
            : null;
    }

    private static long? Long(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number) return value.TryGetInt64(out var number) ? number : null;
        return value.ValueKind == JsonValueKind.String
               && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    [GeneratedRegex(@"^\[[^\]]*@\s*0x[0-9a-fA-F]+\]\s*")]
    private static partial Regex ContextPrefix();
}
