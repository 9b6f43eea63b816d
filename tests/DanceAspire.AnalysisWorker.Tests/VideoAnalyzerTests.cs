using System.Diagnostics;
using System.Text.Json;
using DanceAspire.Media;
using DanceAspire.Media.Probing;
using DanceAspire.Pose;
using DanceAspire.Pose.Models;
using DanceAspire.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanceAspire.AnalysisWorker.Tests;

/// <summary>The worker's pipeline on a local file: real ffmpeg, real models, no stack.</summary>
public sealed class VideoAnalyzerTests : IDisposable
{
    private readonly PoseModelCatalog _catalog = new(new PoseModelOptions { ModelDirectory = TestMedia.ModelsRoot, IntraOpThreads = 1 }, NullLogger.Instance);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("video-analyzer-");

    private VideoAnalyzer Analyzer => new(new PoseEstimatorFactory(_catalog), new MediaProbe(), new ThumbnailWriter());

    [Fact]
    public async Task Analyzing_the_squats_writes_every_artifact_with_one_keypoint_entry_per_frame()
    {
        var output = await Analyzer.AnalyzeAsync(
            new VideoAnalysisRequest(TestMedia.File("video/pose_squats.mp4"), Path.Combine(_work.FullName, "out"), "movenet-lightning", Overlay: true),
            null, CancellationToken.None);

        Assert.Equal(65, output.Timings.Frames);
        Assert.Equal(65, output.Result.Processing.TotalFrames);
        Assert.True(output.Result.Processing.DetectionRate >= 0.95);
        using var keypoints = JsonDocument.Parse(await File.ReadAllBytesAsync(output.KeypointsPath));
        Assert.Equal(65, keypoints.RootElement.GetProperty("frames").GetArrayLength());
        var overlay = await new MediaProbe().ProbeAsync(output.OverlayPath!);
        Assert.Equal(("h264", 65L), (overlay.Video!.CodecName, overlay.Video.FrameCount));
        Assert.True(File.Exists(output.ThumbnailPath));
        Assert.True(File.Exists(output.ResultPath));
        Assert.Equal(Enumerable.Range(0, 65), output.Poses.Select(p => p.Index));
    }

    // A regression here hangs rather than fails, so the test has its own limit.
    [Fact(Timeout = 120_000)]
    public async Task An_encoder_that_fails_mid_run_fails_the_analysis_promptly_instead_of_hanging_it()
    {
        var folder = Path.Combine(_work.FullName, "blocked");
        // A folder where the overlay file should go: ffmpeg cannot open its output and exits.
        Directory.CreateDirectory(Path.Combine(folder, VideoAnalyzer.OverlayFile));
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Analyzer.AnalyzeAsync(
            new VideoAnalysisRequest(TestMedia.File("video/pose_squats.mp4"), folder, "movenet-lightning", Overlay: true),
            null, CancellationToken.None));

        Assert.IsNotType<OperationCanceledException>(failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the failure took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_an_analysis_stops_it_with_a_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var frames = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Analyzer.AnalyzeAsync(
            new VideoAnalysisRequest(TestMedia.File("video/pose_squats.mp4"), Path.Combine(_work.FullName, "cancelled"), "movenet-lightning", Overlay: true),
            _ =>
            {
                if (++frames == 10) cancel.Cancel();
                return ValueTask.CompletedTask;
            },
            cancel.Token));

        Assert.Equal(10, frames);
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _work.Delete(recursive: true);
    }
}
