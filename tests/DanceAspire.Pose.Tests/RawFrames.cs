using DanceAspire.Analysis.Imaging;
using DanceAspire.Testing;

namespace DanceAspire.Pose.Tests;

/// <summary>Decodes media to raw frames (rgb24 unless told) with the real ffmpeg.</summary>
internal static class RawFrames
{
    public static List<byte[]> Decode(string path, int width, int height, PixelFormat format = PixelFormat.Rgb24)
    {
        var bytes = TestFfmpeg.DecodeRaw(path, format.FfmpegName());
        var frameBytes = format.FrameBytes(width, height);
        if (bytes.Length % frameBytes != 0) throw new InvalidDataException($"ffmpeg gave {bytes.Length} bytes for {path}: is it {width}x{height}?");
        return bytes.Chunk(frameBytes).ToList();
    }
}
