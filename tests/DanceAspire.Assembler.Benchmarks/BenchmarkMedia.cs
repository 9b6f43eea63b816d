using System.Globalization;
using System.Text.Json;
using DanceAspire.Assembler.Assembly;
using DanceAspire.Choreography.Blueprints;
using DanceAspire.Testing;

namespace DanceAspire.Assembler.Benchmarks;

/// <summary>
/// The benchmark's inputs, generated into a folder: 8 clips as the library normalizes them (H.264 yuv420p 720x1280
/// 30 fps, 4 s, keyframe first, no audio; a moving gradient and a moving square, so the encoder has real work) and a
/// 40 s stereo song.
/// </summary>
internal sealed class BenchmarkMedia(string folder)
{
    public const int ClipCount = 8;
    public const double ClipSeconds = 4;
    public const double Crossfade = 0.5;
    public const double Fade = 1.5;
    public const string VideoBitrate = "5M";
    public const string AudioBitrate = "192k";

    private static readonly string[] Colors = ["0x336699", "0xcc6633", "0x339966", "0x993366", "0x666633", "0x3366cc", "0xcc3366", "0x66cc33"];

    public string Folder { get; } = folder;

    public string Song => Path.Combine(Folder, "song.ogg");

    public string Clip(int index) => Path.Combine(Folder, $"clip-{index}.mp4");

    public async Task MakeAsync()
    {
        var jobs = Enumerable.Range(0, ClipCount).Select(i => TestFfmpeg.RunAsync(
            "-f", "lavfi", "-i",
            $"gradients=s=720x1280:r=30:d={Number(ClipSeconds)}:speed=0.05:c0={Colors[i]}:c1={Colors[(i + 3) % ClipCount]}:seed={i}[bg];" +
            $"color=white:s=120x120:r=30[box];[bg][box]overlay=x='mod(t*160\\,600)':y={200 + 100 * i}:shortest=1",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-g", "120", Clip(i))).ToList();
        jobs.Add(TestFfmpeg.RunAsync("-f", "lavfi", "-i", "aevalsrc=0.1*sin(2*PI*220*t)*(1+sin(2*PI*2*t))|0.1*sin(2*PI*330*t)*(1+sin(2*PI*2*t)):s=44100:d=40",
            "-c:a", "libvorbis", Song));
        await Task.WhenAll(jobs);
    }

    public AssemblySources Sources => new(Enumerable.Range(0, ClipCount).ToDictionary(i => $"moves/clip-{i}.mp4", Clip), Song);

    /// <summary>All eight clips in order, entered with <paramref name="transition"/> ("cut" or "crossfade").</summary>
    public static Blueprint Blueprint(string transition)
    {
        var start = 0.0;
        var moves = new List<object>();
        for (var i = 0; i < ClipCount; i++)
        {
            if (i > 0 && transition == "crossfade") start -= Crossfade;
            moves.Add(new Dictionary<string, object>
            {
                ["clip_id"] = $"clip-{i}", ["video_path"] = $"moves/clip-{i}.mp4", ["start_time"] = start, ["duration"] = ClipSeconds,
                ["transition_type"] = transition, ["original_duration"] = ClipSeconds, ["trim_start"] = 0.0, ["trim_end"] = 0.0, ["volume_adjustment"] = 1.0,
            });
            start += ClipSeconds;
        }
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["schema_version"] = 1, ["task_id"] = "benchmark", ["audio"] = new { path = "songs/song.ogg", tempo = 120.0, duration = 40.0 },
            ["moves"] = moves, ["total_duration"] = start, ["difficulty_level"] = 3, ["generation_parameters"] = new { },
            ["output_config"] = new Dictionary<string, object>
            {
                ["format"] = "mp4", ["video_codec"] = "h264", ["audio_codec"] = "aac", ["video_bitrate"] = VideoBitrate, ["audio_bitrate"] = AudioBitrate,
                ["frame_rate"] = 30.0, ["resolution"] = "720x1280", ["transition_duration"] = Crossfade, ["fade_duration"] = Fade, ["normalize_audio"] = true,
            },
        });
        var validation = BlueprintValidator.Validate(json, BlueprintLimits.Default);
        return validation.Blueprint ?? throw new InvalidOperationException(string.Join("; ", validation.Errors));
    }

    /// <summary>What someone would type for the plain case: the concat demuxer with stream copy, the song trimmed, normalized, faded, AAC.</summary>
    public string[] HandWrittenConcat(string output)
    {
        var list = Path.Combine(Folder, "hand-written.txt");
        File.WriteAllLines(list, Enumerable.Range(0, ClipCount).Select(i => $"file '{Clip(i)}'"));
        var total = ClipCount * ClipSeconds;
        return ["-f", "concat", "-safe", "0", "-i", list, "-i", Song, "-map", "0:v", "-map", "1:a", "-c:v", "copy",
            "-af", AudioFilter(total), "-c:a", "aac", "-b:a", AudioBitrate, "-t", Number(total), "-movflags", "+faststart", output];
    }

    /// <summary>What someone would type for the crossfades: one xfade chain over the eight inputs, the same encoder and audio.</summary>
    public string[] HandWrittenXfade(string output)
    {
        var total = ClipCount * ClipSeconds - (ClipCount - 1) * Crossfade;
        var graph = new List<string>();
        var previous = "[0:v]";
        for (var i = 1; i < ClipCount; i++)
        {
            var label = i == ClipCount - 1 ? "[v]" : $"[x{i}]";
            graph.Add($"{previous}[{i}:v]xfade=transition=fade:duration={Number(Crossfade)}:offset={Number(i * (ClipSeconds - Crossfade))}{label}");
            previous = label;
        }
        graph.Add($"[{ClipCount}:a]{AudioFilter(total)}[a]");
        var inputs = Enumerable.Range(0, ClipCount).SelectMany(i => new[] { "-i", Clip(i) });
        return [.. inputs, "-i", Song, "-filter_complex", string.Join(';', graph), "-map", "[v]", "-map", "[a]",
            "-c:v", "libx264", "-preset", "veryfast", "-b:v", VideoBitrate, "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", AudioBitrate, "-t", Number(total), "-movflags", "+faststart", output];
    }

    private static string AudioFilter(double total) =>
        $"atrim=end={Number(total)},loudnorm=I=-16:TP=-1.5:LRA=11,aformat=sample_rates=48000:channel_layouts=stereo,afade=t=out:st={Number(total - Fade)}:d={Number(Fade)}";

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
