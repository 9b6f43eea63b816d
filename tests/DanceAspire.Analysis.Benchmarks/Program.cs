// The analysis benchmark (issue 4's speed goal): a 720p 30 fps clip of a person, analyzed with the overlay on, against
// the "ffmpeg floor" — ffmpeg decoding and re-encoding the same clip with libx264 veryfast — measured in the same run.
// Usage: dotnet run -c Release --project tests/DanceAspire.Analysis.Benchmarks [-- --model movenet-lightning --runs 2 --threads 1 --spinning --rgb24]
using System.Diagnostics;
using System.Globalization;
using DanceAspire.Analysis.Imaging;
using DanceAspire.AnalysisWorker;
using DanceAspire.Analysis.Benchmarks;
using DanceAspire.Media;
using DanceAspire.Media.Probing;
using DanceAspire.Pose;
using DanceAspire.Pose.Models;
using DanceAspire.Testing;
using Microsoft.Extensions.Logging.Abstractions;

var model = Argument("--model") ?? "movenet-lightning";
var runs = int.Parse(Argument("--runs") ?? "2", CultureInfo.InvariantCulture);
// One thread by default, as the worker runs (services/DanceAspire.AnalysisWorker/appsettings.json); 0 = ONNX Runtime picks.
var threads = int.Parse(Argument("--threads") ?? "1", CultureInfo.InvariantCulture);
var spinning = args.Contains("--spinning");
var format = args.Contains("--rgb24") ? PixelFormat.Rgb24 : PixelFormat.Yuv420p;

var work = Directory.CreateTempSubdirectory("analysis-benchmark-");
try
{
    var clip = await BenchmarkClip.MakeAsync(work.FullName);
    var media = await new MediaProbe().ProbeAsync(clip);
    var video = media.Video!;
    Console.WriteLine($"clip: {video.DisplayWidth}x{video.DisplayHeight} {video.FrameRatePerSecond:0.##} fps, {media.DurationSeconds:0.00} s, " +
                      $"{video.FrameCount} frames, audio {(media.HasAudio ? media.Audio!.CodecName : "none")} (pose_squats.mp4 letterboxed and resampled)");
    Console.WriteLine($"model: {model}, overlay on, frames {format.FfmpegName()}, ONNX Runtime intra-op threads {(threads == 0 ? "default" : threads)}{(spinning ? " (spinning)" : "")}, {Environment.ProcessorCount} cores");

    using var catalog = new PoseModelCatalog(new PoseModelOptions { ModelDirectory = TestMedia.ModelsRoot, IntraOpThreads = threads, AllowSpinning = spinning }, NullLogger.Instance);
    var analyzer = new VideoAnalyzer(new PoseEstimatorFactory(catalog), new MediaProbe(), new ThumbnailWriter()) { FrameFormat = format };

    // Warm-up: loads the model and compiles the hot paths once, as a long-running worker would have.
    await analyzer.AnalyzeAsync(new VideoAnalysisRequest(clip, Path.Combine(work.FullName, "warm-up"), model, Overlay: true), null, CancellationToken.None);

    var floors = new List<double>();
    var ours = new List<PipelineTimings>();
    for (var run = 0; run < runs; run++)
    {
        floors.Add(await FfmpegFloor.MeasureAsync(clip, Path.Combine(work.FullName, $"floor-{run}.mp4")));
        var cpuBefore = CpuTime.Read();
        var output = await analyzer.AnalyzeAsync(
            new VideoAnalysisRequest(clip, Path.Combine(work.FullName, $"run-{run}"), model, Overlay: true), null, CancellationToken.None);
        var cpu = CpuTime.Read() - cpuBefore;
        ours.Add(output.Timings);
        Console.WriteLine($"run {run + 1}: ffmpeg floor {floors[^1]:0.00} s, analysis {output.Timings.TotalSeconds:0.00} s " +
                          $"(detection rate {output.Result.Processing.DetectionRate:0.00}; CPU {cpu:0.00} s, this process and its ffmpegs)");
    }

    // Pose alone: the same decode and inference with no overlay to draw or encode.
    var poseOnly = (await analyzer.AnalyzeAsync(
        new VideoAnalysisRequest(clip, Path.Combine(work.FullName, "pose-only"), model, Overlay: false), null, CancellationToken.None)).Timings;

    var floor = floors.Min();
    var best = ours.MinBy(t => t.TotalSeconds)!;
    var duration = media.DurationSeconds ?? 0;
    var decodeOnly = await FfmpegFloor.MeasureDecodeAsync(clip);
    Console.WriteLine();
    Console.WriteLine("best of each, in seconds and frames per second:");
    Console.WriteLine($"  ffmpeg decode only (yuv420p)             {decodeOnly,7:0.00} s  {best.Frames / decodeOnly,7:0.0} frames/s");
    Console.WriteLine($"  pose alone (no overlay; {model,-18}) {poseOnly.PoseSeconds,5:0.00} s  {poseOnly.Frames / poseOnly.PoseSeconds,7:0.0} frames/s");
    Console.WriteLine($"  pose beside the encoder                  {best.PoseSeconds,7:0.00} s  {best.Frames / best.PoseSeconds,7:0.0} frames/s");
    Console.WriteLine($"  skeleton drawing                         {best.DrawSeconds,7:0.00} s  {best.Frames / Math.Max(best.DrawSeconds, 1e-9),7:0.0} frames/s");
    Console.WriteLine($"  waiting on the encoder (pipe full)       {best.EncodeWaitSeconds,7:0.00} s");
    Console.WriteLine($"  finishing (encoder flush, thumbnail, metrics) {best.FinishSeconds,2:0.00} s");
    Console.WriteLine($"  analysis end to end                      {best.TotalSeconds,7:0.00} s  {best.Frames / best.TotalSeconds,7:0.0} frames/s");
    Console.WriteLine($"  ffmpeg floor (decode + libx264 veryfast) {floor,7:0.00} s  {best.Frames / floor,7:0.0} frames/s");
    Console.WriteLine();
    Console.WriteLine($"realtime factor: {duration / best.TotalSeconds:0.00}x (goal >= 2.5x)");
    Console.WriteLine($"analysis / ffmpeg floor: {best.TotalSeconds / floor:0.00} (goal <= 1.5)");
    var memory = PeakMemory.Read();
    Console.WriteLine($"peak memory: this process {memory.SelfMiB:0} MiB, largest ffmpeg child {memory.LargestChildMiB:0} MiB, " +
                      $"together at most {memory.SelfMiB + 2 * memory.LargestChildMiB:0} MiB (decoder + encoder run at once; goal <= 1024 MiB)");
}
finally
{
    work.Delete(recursive: true);
}

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
