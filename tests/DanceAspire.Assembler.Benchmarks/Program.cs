// The assembler benchmark: eight normalized 4 s clips and a song, assembled (a) with plain cuts and (b) with crossfades,
// each against the hand-written ffmpeg command that makes the same video, measured in the same run; then (c) the peak
// memory of an assembly (this process and its ffmpegs), measured in a fresh child process so nothing else counts.
// Usage: dotnet run -c Release --project tests/DanceAspire.Assembler.Benchmarks [-- --runs 3]
using System.Diagnostics;
using System.Globalization;
using DanceAspire.Assembler.Assembly;
using DanceAspire.Assembler.Benchmarks;
using DanceAspire.Media;
using DanceAspire.Media.Probing;
using DanceAspire.Testing;
using Microsoft.Extensions.Options;

if (Argument("--memory") is { } memoryCase)
{
    // The child: one assembly, then its own peak and its largest child's.
    var media = new BenchmarkMedia(Argument("--folder")!);
    var sampler = new TreeMemorySampler();
    await Assembler().AssembleAsync(BenchmarkMedia.Blueprint(memoryCase), media.Sources, Path.Combine(media.Folder, $"memory-{memoryCase}.mp4"));
    await sampler.DisposeAsync();
    var (self, ffmpeg) = PeakMemory.Read();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak {self:0.0} {ffmpeg:0.0} {sampler.PeakMiB:0.0}"));
    return;
}

var runs = int.Parse(Argument("--runs") ?? "3", CultureInfo.InvariantCulture);
var work = Directory.CreateTempSubdirectory("assembler-benchmark-");
try
{
    var media = new BenchmarkMedia(work.FullName);
    await media.MakeAsync();
    var options = new AssemblerOptions();
    Console.WriteLine($"{BenchmarkMedia.ClipCount} clips of {BenchmarkMedia.ClipSeconds} s, 720x1280 30 fps H.264 (B-frames, no audio), a 40 s song; " +
                      $"{Environment.ProcessorCount} cores; assembler: libx264 {options.Preset}, {options.EncoderThreads} encoder threads, " +
                      $"{BenchmarkMedia.VideoBitrate} video, {BenchmarkMedia.AudioBitrate} AAC, loudnorm {options.LoudnessTarget} LUFS");
    var assembler = Assembler();

    var cases = new (string Name, string Transition, Func<string, string[]> HandWritten, double Goal)[]
    {
        ("plain cuts", "cut", media.HandWrittenConcat, 1.3),
        ("crossfades", "crossfade", media.HandWrittenXfade, 1.2),
    };
    foreach (var (name, transition, handWritten, goal) in cases)
    {
        var blueprint = BenchmarkMedia.Blueprint(transition);
        var output = Path.Combine(work.FullName, $"ours-{transition}.mp4");
        var reference = Path.Combine(work.FullName, $"hand-{transition}.mp4");
        // Warm-up: JIT, the page cache, ffmpeg's libraries.
        var result = await assembler.AssembleAsync(blueprint, media.Sources, output);
        await TestFfmpeg.RunAsync(handWritten(reference));

        var ours = new List<(double Wall, double Cpu)>();
        var theirs = new List<(double Wall, double Cpu)>();
        for (var run = 0; run < runs; run++)
        {
            ours.Add(await Measure(() => assembler.AssembleAsync(blueprint, media.Sources, output)));
            theirs.Add(await Measure(() => TestFfmpeg.RunAsync(handWritten(reference))));
            Console.WriteLine($"  {name} run {run + 1}: assembler {ours[^1].Wall:0.00} s (CPU {ours[^1].Cpu:0.00} s), hand-written ffmpeg {theirs[^1].Wall:0.00} s (CPU {theirs[^1].Cpu:0.00} s)");
        }
        var (oursWall, theirsWall) = (Median(ours.Select(m => m.Wall)), Median(theirs.Select(m => m.Wall)));
        var (oursCpu, theirsCpu) = (Median(ours.Select(m => m.Cpu)), Median(theirs.Select(m => m.Cpu)));
        var made = await new MediaProbe().ProbeAsync(output);
        var handMade = await new MediaProbe().ProbeAsync(reference);
        Console.WriteLine($"{name}: assembler {oursWall:0.00} s vs hand-written {theirsWall:0.00} s (medians of {runs}): " +
                          $"ratio {oursWall / theirsWall:0.00} (goal <= {goal}); CPU ratio {oursCpu / theirsCpu:0.00}; " +
                          $"stream copy {result.StreamCopy}, {result.FfmpegRuns} ffmpeg run(s); " +
                          $"durations {made.DurationSeconds:0.000} s vs {handMade.DurationSeconds:0.000} s (blueprint {blueprint.TotalDuration:0.###} s)");
    }

    foreach (var transition in new[] { "cut", "crossfade" })
    {
        var (self, ffmpeg, together) = await MeasureMemoryInChild(transition, work.FullName);
        Console.WriteLine($"peak memory ({(transition == "cut" ? "plain cuts" : "crossfades")}): this process and its running ffmpegs together {together:0} MiB " +
                          $"(sampled every 10 ms; goal <= 512 MiB); high-water marks: this process {self:0} MiB, largest ffmpeg {ffmpeg:0} MiB");
    }
}
finally
{
    work.Delete(recursive: true);
}

static BlueprintAssembler Assembler() => new(FfmpegTools.Default, Options.Create(new AssemblerOptions()));

static async Task<(double Wall, double Cpu)> Measure(Func<Task> work)
{
    var cpu = CpuTime.Read();
    var clock = Stopwatch.StartNew();
    await work();
    return (clock.Elapsed.TotalSeconds, CpuTime.Read() - cpu);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

// This benchmark again, as a child that runs one assembly: its peak memory is the assembler's alone.
static async Task<(double SelfMiB, double FfmpegMiB, double TogetherMiB)> MeasureMemoryInChild(string transition, string folder)
{
    var host = Environment.ProcessPath!;
    var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(BenchmarkMedia).Assembly.Location);
    foreach (var argument in new[] { "--memory", transition, "--folder", folder }) start.ArgumentList.Add(argument);
    using var child = Process.Start(start)!;
    var output = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    var line = output.Split('\n').LastOrDefault(l => l.StartsWith("peak ", StringComparison.Ordinal))
               ?? throw new InvalidOperationException($"The memory child ended ({child.ExitCode}) without a reading: {output}");
    var parts = line.Split(' ');
    return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture));
}

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
