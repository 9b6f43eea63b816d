using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using DanceAspire.Analysis;
using DanceAspire.Analysis.Imaging;
using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Results;
using DanceAspire.Media;
using DanceAspire.Media.Decoding;
using DanceAspire.Media.Drawing;
using DanceAspire.Media.Encoding;
using DanceAspire.Media.Probing;
using DanceAspire.Pose;

namespace DanceAspire.AnalysisWorker;

/// <summary>What to analyze and where to put the files: <see cref="OutputFolder"/> receives the artifacts.</summary>
public sealed record VideoAnalysisRequest(string InputPath, string OutputFolder, string Model, bool Overlay);

/// <summary>
/// The artifacts written (paths; null when not made), the result, how long each stage took, and the raw pose of every
/// frame in order (what the move library's features are computed from; about 300 bytes a frame).
/// </summary>
public sealed record VideoAnalysisOutput(
    AnalysisResult Result,
    string ResultPath,
    string KeypointsPath,
    string? OverlayPath,
    string? ThumbnailPath,
    PipelineTimings Timings,
    IReadOnlyList<PoseFrame> Poses);

/// <summary>Where the time went: frames, wall time of the whole run, and the busy time of each stage.</summary>
public sealed record PipelineTimings(int Frames, double TotalSeconds, double DecodeFramesPerSecond, double PoseSeconds, double DrawSeconds, double EncodeWaitSeconds, double FinishSeconds);

/// <summary>
/// Analyzes one video file: ffmpeg decodes through a pipe; pose runs per frame; the skeleton is drawn and the frame
/// handed to an ffmpeg encoder; keypoints stream to JSON. Decoding, inference and drawing/encoding run concurrently
/// over bounded channels (a pipeline, not passes), so memory stays at a few frames whatever the video's length.
/// Frames stay yuv420p from decoder to encoder: neither ffmpeg converts colours, and the pipes carry half the bytes
/// of rgb24; pose sampling converts only the pixels it reads.
/// </summary>
public sealed class VideoAnalyzer(PoseEstimatorFactory poses, MediaProbe probe, ThumbnailWriter thumbnails)
{
    public const string OverlayFile = "overlay.mp4";
    public const string KeypointsFile = "keypoints.json";
    public const string ThumbnailFile = "thumbnail.jpg";
    public const string ResultFile = "result.json";

    private const int ThumbnailMaxWidth = 480;

    /// <summary>The frames' layout through the pipeline; rgb24 only to compare against in the benchmark.</summary>
    internal PixelFormat FrameFormat { get; init; } = PixelFormat.Yuv420p;

    /// <param name="progress">Called per frame with the fraction of frames done (0..1).</param>
    public async Task<VideoAnalysisOutput> AnalyzeAsync(
        VideoAnalysisRequest request, Func<double, ValueTask>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(request.OutputFolder);
        var media = await probe.ProbeAsync(request.InputPath, cancellationToken);
        var video = media.Video ?? throw new InvalidDataException("The file has no video stream.");
        var expectedFrames = ExpectedFrames(media);

        await using var reader = VideoFrameReader.Start(request.InputPath, media, new FrameReadOptions { PixelFormat = FrameFormat });
        var (width, height, fps) = (reader.Width, reader.Height, reader.FrameRate.PerSecond);
        using var estimator = poses.Create(request.Model);

        var resultPath = Path.Combine(request.OutputFolder, ResultFile);
        var keypointsPath = Path.Combine(request.OutputFolder, KeypointsFile);
        var overlayPath = request.Overlay ? Path.Combine(request.OutputFolder, OverlayFile) : null;

        await using var overlay = request.Overlay
            ? OverlayVideoWriter.Start(overlayPath!, width, height, reader.FrameRate, OverlayAudio.From(request.InputPath, media),
                pixelFormat: reader.PixelFormat, matrix: reader.Plan.Matrix)
            : null;
        var toDraw = Channel.CreateBounded<(VideoFrame Frame, PoseFrame Pose)>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var drawing = overlay is null ? Task.FromResult((0.0, 0.0)) : Task.Run(async () =>
        {
            try
            {
                return await DrawAndEncodeAsync(toDraw.Reader, overlay, stop.Token);
            }
            catch
            {
                // The encoder failed: stop the decoder and the pose loop too, or it would wait on a full channel forever.
                await stop.CancelAsync();
                throw;
            }
        }, stop.Token);

        var frames = new List<PoseFrame>(expectedFrames);
        var thumbnail = new ThumbnailCandidate(reader.Plan.FrameBytes, Math.Max(1, (int)Math.Round(fps / 2)));
        var poseClock = new Stopwatch();
        await using (var keypointsFile = File.Create(keypointsPath))
        using (var keypoints = new KeypointsJsonWriter(keypointsFile, fps, width, height, estimator.Format))
        {
            try
            {
                await foreach (var frame in reader.ReadAllAsync(stop.Token))
                {
                    poseClock.Start();
                    var pose = estimator.Estimate(frame.View, frame.Index, frame.TimeSeconds);
                    poseClock.Stop();
                    frames.Add(pose);
                    keypoints.Append(pose);
                    thumbnail.Offer(frame, pose);
                    if (overlay is null)
                    {
                        frame.Dispose();
                    }
                    else
                    {
                        await toDraw.Writer.WriteAsync((frame, pose), stop.Token);
                    }
                    if (progress is not null) await progress(Math.Min(1, (frame.Index + 1.0) / Math.Max(expectedFrames, frame.Index + 1)));
                }
                toDraw.Writer.TryComplete();
            }
            catch (Exception e)
            {
                toDraw.Writer.TryComplete(e);
                await stop.CancelAsync();
                await Drain(toDraw.Reader, drawing);
                // A stop the encoder caused reports the encoder's failure, not a cancellation.
                if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested && drawing.Exception?.InnerException is { } cause)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
                }
                throw;
            }
            keypoints.Complete();
        }
        var (drawSeconds, encodeWaitSeconds) = await drawing;
        var finishClock = Stopwatch.StartNew();
        if (overlay is not null) await overlay.CompleteAsync(cancellationToken);

        var thumbnailPath = thumbnail.HasFrame ? Path.Combine(request.OutputFolder, ThumbnailFile) : null;
        if (thumbnailPath is not null)
        {
            await thumbnails.WriteJpegAsync(thumbnail.Pixels, reader.PixelFormat, width, height, thumbnailPath, ThumbnailMaxWidth, cancellationToken);
        }

        var result = AnalysisReport.Build(frames, fps, request.Model, clock.Elapsed.TotalSeconds);
        await using (var resultFile = File.Create(resultPath))
        {
            await JsonSerializer.SerializeAsync(resultFile, result, AnalysisJsonContext.Default.AnalysisResult, cancellationToken);
        }
        finishClock.Stop();
        var timings = new PipelineTimings(frames.Count, clock.Elapsed.TotalSeconds, reader.FramesPerSecond,
            poseClock.Elapsed.TotalSeconds, drawSeconds, encodeWaitSeconds, finishClock.Elapsed.TotalSeconds);
        return new VideoAnalysisOutput(result, resultPath, keypointsPath, overlayPath, thumbnailPath, timings, frames);
    }

    /// <summary>Draws each frame's skeleton and feeds the encoder; returns the time spent drawing and waiting on the encoder.</summary>
    private static async Task<(double Draw, double EncodeWait)> DrawAndEncodeAsync(
        ChannelReader<(VideoFrame Frame, PoseFrame Pose)> frames, OverlayVideoWriter overlay, CancellationToken cancellationToken)
    {
        var draw = new Stopwatch();
        var encode = new Stopwatch();
        await foreach (var (frame, pose) in frames.ReadAllAsync(cancellationToken))
        {
            using (frame)
            {
                draw.Start();
                SkeletonPainter.Draw(frame.Pixels.Span, frame.PixelFormat, frame.Width, frame.Height, pose, matrix: frame.Matrix);
                draw.Stop();
                encode.Start();
                await overlay.WriteFrameAsync(frame.Pixels, cancellationToken);
                encode.Stop();
            }
        }
        return (draw.Elapsed.TotalSeconds, encode.Elapsed.TotalSeconds);
    }

    /// <summary>After a failure: returns the frames still queued to their pool, and lets the drawing task end.</summary>
    private static async Task Drain(ChannelReader<(VideoFrame Frame, PoseFrame Pose)> frames, Task drawing)
    {
        try
        {
            await drawing;
        }
        catch (Exception)
        {
            // The first failure is the one reported.
        }
        while (frames.TryRead(out var item)) item.Frame.Dispose();
    }

    private static int ExpectedFrames(MediaInfo media)
    {
        var video = media.Video!;
        if (video.FrameCount is > 0 and var count) return (int)Math.Min(count, 1_000_000);
        var duration = media.DurationSeconds ?? video.DurationSeconds ?? 0;
        return (int)Math.Clamp(Math.Round(duration * video.FrameRatePerSecond), 1, 1_000_000);
    }

    /// <summary>Keeps a copy of the frame with the most confident pose (sampled, so copies stay rare) for the thumbnail.</summary>
    private sealed class ThumbnailCandidate(int frameBytes, int every)
    {
        private readonly byte[] _pixels = new byte[frameBytes];
        private float _bestScore = -1;

        public bool HasFrame => _bestScore >= 0;
        public ReadOnlyMemory<byte> Pixels => _pixels;

        public void Offer(VideoFrame frame, PoseFrame pose)
        {
            var score = pose.HasPose ? pose.Score : 0;
            if (frame.Index % every != 0 || score <= _bestScore) return;
            frame.Pixels.Span.CopyTo(_pixels);
            _bestScore = score;
        }
    }
}
