using DanceAspire.Testing;
using System.Diagnostics;

namespace DanceAspire.Media.Tests;

/// <summary>
/// Makes test inputs with real ffmpeg (lavfi sources) in a temporary folder that is removed afterwards. Each file is
/// made once per test class and reused.
/// </summary>
public sealed class MediaMaker : IDisposable
{
    private readonly Dictionary<string, Lazy<string>> _made = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("dance-media-tests-").FullName;

    public string PathFor(string fileName) => Path.Combine(Folder, fileName);

    /// <summary>The file <paramref name="fileName"/>, made with the given ffmpeg arguments (output path last) on first use.</summary>
    public string Make(string fileName, params string[] ffmpegArguments)
    {
        Lazy<string> made;
        lock (_made)
        {
            if (!_made.TryGetValue(fileName, out made!))
            {
                made = new Lazy<string>(() =>
                {
                    var path = PathFor(fileName);
                    RunFfmpeg([.. ffmpegArguments, path]);
                    return path;
                });
                _made[fileName] = made;
            }
        }
        return made.Value;
    }

    /// <summary>A 3 s 320x240 30 fps test pattern with a 440 Hz tone as AAC, in MP4.</summary>
    public string ClipWithAudio() => Make("clip-with-audio.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30:duration=3",
        "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");

    /// <summary>A 1 s 320x240 test pattern with an MP3 tone in MKV: audio that must be re-encoded to AAC.</summary>
    public string ClipWithMp3Audio() => Make("clip-with-mp3.mkv",
        "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=1",
        "-f", "lavfi", "-i", "sine=frequency=660:duration=1",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "libmp3lame");

    /// <summary>A copy of a file under a new name in the temporary folder (e.g. an image renamed .mp4).</summary>
    public string CopyAs(string source, string fileName)
    {
        var path = PathFor(fileName);
        File.Copy(source, path, overwrite: true);
        return path;
    }

    public static void RunFfmpeg(IReadOnlyList<string> arguments) => TestFfmpeg.Run([.. arguments]);

    /// <summary>What ffmpeg itself decodes a video to, as raw bytes (rgb24 unless told).</summary>
    public static byte[] DecodeWithFfmpeg(string path, string pixelFormat = "rgb24") => TestFfmpeg.DecodeRaw(path, pixelFormat);

    /// <summary>ffmpeg processes whose command line mentions <paramref name="text"/> (read from /proc).</summary>
    public static int[] FfmpegProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("ffmpeg", StringComparison.Ordinal) && commandLine.Contains(text, StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return [.. found];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
