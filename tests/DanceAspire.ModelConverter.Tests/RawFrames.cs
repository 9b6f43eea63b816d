using DanceAspire.Testing;

namespace DanceAspire.ModelConverter.Tests;

/// <summary>Real frames decoded by ffmpeg to rgb24 at a model's input size, so TFJS and ONNX Runtime get the same bytes.</summary>
internal static class RawFrames
{
    /// <summary>The COCO skier image and three frames of the squats video (frames 10, 30 and 50), each size x size x 3 bytes.</summary>
    public static IReadOnlyList<byte[]> ParitySet(int size) =>
    [
        Decode(TestMedia.File("image/coco_000000000785.jpg"), size, "", 1)[0],
        .. Decode(TestMedia.File("video/pose_squats.mp4"), size, "select='eq(n\\,10)+eq(n\\,30)+eq(n\\,50)',", 3),
    ];

    private static List<byte[]> Decode(string path, int size, string selectFilter, int frames)
    {
        var bytes = TestFfmpeg.Read("-i", path, "-vf", $"{selectFilter}scale={size}:{size}", "-fps_mode", "passthrough",
            "-frames:v", frames.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1");
        var frameSize = size * size * 3;
        if (bytes.Length != frameSize * frames)
            throw new InvalidOperationException($"ffmpeg gave {bytes.Length} bytes for {frames} frames of {path}.");
        return bytes.Chunk(frameSize).ToList();
    }
}
