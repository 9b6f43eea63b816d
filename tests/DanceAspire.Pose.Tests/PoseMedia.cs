using System.Text.Json;
using DanceAspire.Analysis.Imaging;
using DanceAspire.Pose.Models;
using DanceAspire.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanceAspire.Pose.Tests;

/// <summary>The real models and media, decoded once for all the tests that run models.</summary>
public sealed class PoseMedia : IDisposable
{
    public const int VideoWidth = 720, VideoHeight = 1280;
    public const int ImageWidth = 640, ImageHeight = 425;

    private readonly Lazy<List<byte[]>> videoFrames = new(() => RawFrames.Decode(TestMedia.File("video/pose_squats.mp4"), VideoWidth, VideoHeight));
    private readonly Lazy<List<byte[]>> videoFramesYuv = new(() => RawFrames.Decode(TestMedia.File("video/pose_squats.mp4"), VideoWidth, VideoHeight, PixelFormat.Yuv420p));
    private readonly Lazy<byte[]> image = new(() => RawFrames.Decode(TestMedia.File("image/coco_000000000785.jpg"), ImageWidth, ImageHeight).Single());

    public PoseMedia()
    {
        Catalog = new PoseModelCatalog(new PoseModelOptions { ModelDirectory = TestMedia.ModelsRoot }, NullLogger.Instance);
        Factory = new PoseEstimatorFactory(Catalog);
    }

    public PoseModelCatalog Catalog { get; }

    public PoseEstimatorFactory Factory { get; }

    /// <summary>pose_squats.mp4: 65 RGB24 frames of 720x1280.</summary>
    public IReadOnlyList<byte[]> VideoFrames => videoFrames.Value;

    /// <summary>pose_squats.mp4: the same 65 frames as ffmpeg decodes them, yuv420p (untagged, so BT.601).</summary>
    public IReadOnlyList<byte[]> VideoFramesYuv => videoFramesYuv.Value;

    /// <summary>coco_000000000785.jpg as RGB24, 640x425.</summary>
    public byte[] Image => image.Value;

    /// <summary>Reference BlazePose "full" landmarks per video frame: 33 x (x, y) in pixels.</summary>
    public static (float X, float Y)[][] ReferenceLandmarks()
    {
        using var stream = File.OpenRead(TestMedia.File("video/pose_squats.full.json"));
        var frames = JsonSerializer.Deserialize<float[][][]>(stream)!;
        return [.. frames.Select(frame => frame.Select(point => (point[0], point[1])).ToArray())];
    }

    /// <summary>The human-labelled COCO keypoints of the image: 17 x (x, y, visibility).</summary>
    public static (float X, float Y, int Visibility)[] ImageKeypoints()
    {
        using var stream = File.OpenRead(TestMedia.File("image/coco_000000000785.keypoints.json"));
        using var document = JsonDocument.Parse(stream);
        var flat = document.RootElement.GetProperty("annotations")[0].GetProperty("keypoints").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        return [.. Enumerable.Range(0, 17).Select(i => (flat[3 * i], flat[3 * i + 1], (int)flat[3 * i + 2]))];
    }

    public void Dispose() => Catalog.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PoseMediaCollection : ICollectionFixture<PoseMedia>
{
    public const string Name = "Pose models on real media";
}
