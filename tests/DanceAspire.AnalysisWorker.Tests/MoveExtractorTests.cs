using DanceAspire.Analysis.Jobs;
using DanceAspire.Analysis.Moves;
using DanceAspire.Media;
using DanceAspire.Media.Moves;
using DanceAspire.Media.Probing;
using DanceAspire.Pose;
using DanceAspire.Pose.Models;
using DanceAspire.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanceAspire.AnalysisWorker.Tests;

/// <summary>Moves cut from a real analysis: real ffmpeg, real pose model, no blobs.</summary>
public sealed class MoveExtractorTests : IDisposable
{
    private readonly PoseModelCatalog _catalog = new(new PoseModelOptions { ModelDirectory = TestMedia.ModelsRoot, IntraOpThreads = 1 }, NullLogger.Instance);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("move-extractor-");

    [Fact]
    public async Task The_squats_give_moves_with_a_64_value_embedding_34_value_poses_and_a_normalized_clip()
    {
        var input = TestMedia.File("video/pose_squats.mp4");
        var analysis = await new VideoAnalyzer(new PoseEstimatorFactory(_catalog), new MediaProbe(), new ThumbnailWriter()).AnalyzeAsync(
            new VideoAnalysisRequest(input, Path.Combine(_work.FullName, "out"), "movenet-lightning", Overlay: false), null, CancellationToken.None);
        var analysisId = Guid.NewGuid();

        var (moves, failed) = await new MoveExtractor(new MoveClipWriter(), NullLogger<MoveExtractor>.Instance).ExtractAsync(
            analysisId, input, analysis.Result, analysis.Poses, Path.Combine(_work.FullName, "moves"), CancellationToken.None);

        Assert.Equal(0, failed);
        Assert.NotEmpty(moves);
        Assert.Equal(moves.Count, moves.Select(m => m.Move.SegmentIndex).Distinct().Count());
        var segments = analysis.Result.Segments.ToDictionary(s => s.Index);
        foreach (var (move, clipFile, thumbnailFile) in moves)
        {
            Assert.Equal(MoveFeatures.EmbeddingLength, move.Embedding.Length);
            Assert.Equal(64, move.Embedding.Length);
            Assert.Equal(1, Math.Sqrt(move.Embedding.Sum(v => (double)v * v)), 4);
            Assert.Equal((34, 34), (move.FirstPose.Length, move.LastPose.Length));
            Assert.InRange(move.Energy, 0, 100);
            Assert.InRange(move.Difficulty, 1, 5);
            Assert.Equal($"moves/{analysisId:D}/{move.SegmentIndex:D3}.mp4", move.ClipPath);
            Assert.Equal($"moves/{analysisId:D}/{move.SegmentIndex:D3}.jpg", move.ThumbnailPath);
            Assert.True(move.DurationSeconds >= MoveClips.MinDurationSeconds - 1e-9, $"duration {move.DurationSeconds}");
            var segment = segments[move.SegmentIndex];
            Assert.Equal(segment.StartS, move.StartSeconds, 1.0 / 60);
            Assert.Equal(segment.EndS - segment.StartS, move.DurationSeconds, 1.0 / 30);

            var clip = await new MediaProbe().ProbeAsync(clipFile);
            Assert.False(clip.HasAudio);
            Assert.Equal(("h264", 720, 1280), (clip.Video!.CodecName, clip.Video.Width, clip.Video.Height));
            Assert.Equal(30, clip.Video.FrameRatePerSecond, 6);
            Assert.Equal((long)Math.Round(move.DurationSeconds * 30), clip.Video.FrameCount);
            Assert.True(new FileInfo(thumbnailFile).Length > 0);
        }
        // The squats go down and up: the moves' poses are a standing or crouching person, hips at the origin, head up.
        Assert.All(moves, m => Assert.True(m.Move.FirstPose[1] < -0.8, $"nose y {m.Move.FirstPose[1]}"));
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _work.Delete(recursive: true);
    }
}
