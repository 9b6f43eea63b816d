using System.Globalization;
using System.Text.Json;
using DanceAspire.Assembler.Assembly;
using DanceAspire.Choreography.Blueprints;
using DanceAspire.Media;
using DanceAspire.Media.Probing;
using DanceAspire.Testing;
using Microsoft.Extensions.Options;

namespace DanceAspire.Assembler.Tests;

/// <summary>
/// Generated media for the assembler tests, made once: one-second clips of solid colours as the library normalizes them
/// (H.264 yuv420p 720x1280 30 fps, keyframe first, B-frames, no audio), one clip that does not match (640x360 25 fps),
/// and a quiet two-tone song far below the loudness target.
/// </summary>
public sealed class AssemblyMedia : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, (byte R, byte G, byte B)> Colors = new Dictionary<string, (byte, byte, byte)>
    {
        ["red"] = (255, 0, 0),
        ["green"] = (0, 128, 0), // ffmpeg's "green" is the web colour, half intensity
        ["blue"] = (0, 0, 255),
        ["white"] = (255, 255, 255),
    };

    public const double ClipSeconds = 1;

    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("assembler-tests-");

    public string Song => Path.Combine(Folder.FullName, "song.ogg");

    /// <summary>A 640x360 25 fps magenta clip: a move that needs re-encoding.</summary>
    public string Odd => Path.Combine(Folder.FullName, "odd.mp4");

    public string Clip(string color) => Path.Combine(Folder.FullName, $"{color}.mp4");

    public async Task InitializeAsync()
    {
        var jobs = Colors.Keys.Select(color => TestFfmpeg.RunAsync(
            "-f", "lavfi", "-i", $"color=c={color}:s=720x1280:r=30:d={ClipSeconds.ToString(CultureInfo.InvariantCulture)}",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "60", Clip(color))).ToList();
        jobs.Add(TestFfmpeg.RunAsync("-f", "lavfi", "-i", "color=c=magenta:s=640x360:r=25:d=1", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", Odd));
        // About -36 LUFS: well away from the target, so normalization has to move it.
        jobs.Add(TestFfmpeg.RunAsync("-f", "lavfi", "-i", "aevalsrc=0.02*sin(2*PI*440*t)+0.02*sin(2*PI*660*t):s=44100:d=10", "-c:a", "libvorbis", Song));
        await Task.WhenAll(jobs);
    }

    public Task DisposeAsync()
    {
        Folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    public static BlueprintAssembler Assembler(AssemblerOptions? options = null) =>
        new(FfmpegTools.Default, Options.Create(options ?? new AssemblerOptions()));

    /// <summary>Local files for blueprint paths "moves/{name}.mp4" (a colour or "odd") and the song.</summary>
    public AssemblySources Sources(Blueprint blueprint) => new(
        blueprint.Moves.Select(m => m.VideoPath).Distinct().ToDictionary(p => p, p => Path.Combine(Folder.FullName, p["moves/".Length..])),
        Song);

    public string Output(string name) => Path.Combine(Folder.FullName, $"out-{name}.mp4");
}

/// <summary>One move of a test blueprint: a clip name (a colour or "odd"), how long it plays, how it is entered.</summary>
public sealed record TestMove(string Clip, double Duration = AssemblyMedia.ClipSeconds, string Transition = "cut", double TrimEnd = 0);

public static class TestBlueprints
{
    /// <summary>Blueprint JSON with start times and total_duration computed as the planner would.</summary>
    public static string Json(IReadOnlyList<TestMove> moves, double transition = 0.4, double fade = 0.3, bool normalize = true,
        IReadOnlyList<string>? videoPaths = null)
    {
        var start = 0.0;
        var placed = new List<object>();
        for (var i = 0; i < moves.Count; i++)
        {
            var move = moves[i];
            if (i > 0 && move.Transition == "crossfade") start -= transition;
            placed.Add(new Dictionary<string, object>
            {
                ["clip_id"] = $"clip-{i}",
                ["video_path"] = videoPaths?[i] ?? $"moves/{move.Clip}.mp4",
                ["start_time"] = Math.Round(start, 6),
                ["duration"] = move.Duration,
                ["transition_type"] = move.Transition,
                ["original_duration"] = AssemblyMedia.ClipSeconds,
                ["trim_start"] = 0.0,
                ["trim_end"] = move.TrimEnd,
                ["volume_adjustment"] = 1.0,
            });
            start += move.Duration;
        }
        var blueprint = new Dictionary<string, object>
        {
            ["schema_version"] = 1,
            ["task_id"] = "test",
            ["audio"] = new { path = "songs/song.ogg", tempo = 120.0, duration = 10.0 },
            ["moves"] = placed,
            ["total_duration"] = Math.Round(start, 6),
            ["difficulty_level"] = 2,
            ["generation_parameters"] = new { },
            ["output_config"] = new Dictionary<string, object>
            {
                ["format"] = "mp4",
                ["video_codec"] = "h264",
                ["audio_codec"] = "aac",
                ["video_bitrate"] = "2M",
                ["audio_bitrate"] = "128k",
                ["frame_rate"] = 30.0,
                ["resolution"] = "720x1280",
                ["transition_duration"] = transition,
                ["fade_duration"] = fade,
                ["normalize_audio"] = normalize,
            },
        };
        return JsonSerializer.Serialize(blueprint);
    }

    public static Blueprint Parse(string json)
    {
        var validation = BlueprintValidator.Validate(json, BlueprintLimits.Default);
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors));
        return validation.Blueprint!;
    }

    public static Blueprint Create(IReadOnlyList<TestMove> moves, double transition = 0.4, double fade = 0.3, bool normalize = true) =>
        Parse(Json(moves, transition, fade, normalize));
}

/// <summary>What ffmpeg itself decodes from an output: frame colours, loudness.</summary>
public static class OutputReader
{
    /// <summary>The mean colour of a 64x64 square at the centre of each listed frame (by index), in the order given.</summary>
    public static (byte R, byte G, byte B)[] FrameColors(string video, params int[] frames) => FrameColors(video, "crop=64:64", frames);

    /// <summary>The mean colour of <paramref name="crop"/> (an ffmpeg crop filter) of each listed frame, in the order given.</summary>
    public static (byte R, byte G, byte B)[] FrameColors(string video, string crop, params int[] frames)
    {
        var order = frames.Order().ToArray();
        var select = string.Join('+', order.Select(n => $"eq(n\\,{n})"));
        var bytes = TestFfmpeg.Read("-i", video, "-vf", $"select='{select}',{crop},scale=1:1:flags=area", "-fps_mode", "passthrough",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1");
        Assert.Equal(order.Length * 3, bytes.Length);
        return frames.Select(n => Array.IndexOf(order, n) * 3).Select(i => (bytes[i], bytes[i + 1], bytes[i + 2])).ToArray();
    }

    /// <summary>Integrated loudness (LUFS) by ffmpeg's EBU R128 meter.</summary>
    public static double IntegratedLoudness(string media, string scratchFolder)
    {
        var log = Path.Combine(scratchFolder, $"ebur128-{Guid.NewGuid():N}.txt");
        TestFfmpeg.Run("-i", media, "-vn", "-af", $"ebur128=metadata=1,ametadata=mode=print:key=lavfi.r128.I:file={log}", "-f", "null", "-");
        var last = File.ReadLines(log).Last(l => l.StartsWith("lavfi.r128.I=", StringComparison.Ordinal));
        return double.Parse(last["lavfi.r128.I=".Length..], CultureInfo.InvariantCulture);
    }

    public static async Task<MediaInfo> ProbeAsync(string path) => await new MediaProbe().ProbeAsync(path);
}
