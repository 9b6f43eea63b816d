using DanceAspire.Analysis.Imaging;
using DanceAspire.Pose.Imaging;

namespace DanceAspire.Pose.Tests;

/// <summary>Sampling model input straight from yuv420p planes, checked against ffmpeg's own rgb24 conversion.</summary>
[Collection(PoseMediaCollection.Name)]
public class YuvSamplingTests(PoseMedia media, ITestOutputHelper output)
{
    private const int W = PoseMedia.VideoWidth, H = PoseMedia.VideoHeight;

    [Theory]
    [InlineData(0, 360f, 640f, 1280f, 0f)]
    [InlineData(31, 400f, 700f, 500f, 0.4f)]
    [InlineData(64, 300f, 800f, 256f, -1.2f)]
    public void A_crop_of_a_yuv420p_frame_matches_the_same_crop_of_ffmpegs_rgb24_within_three_levels(int frame, float x, float y, float side, float rotation)
    {
        var rect = new RotatedRect(x, y, side, side, rotation);
        var fromRgb = new float[192 * 192 * 3];
        var fromYuv = new float[192 * 192 * 3];

        FrameSampler.Sample(FrameView.Rgb24(media.VideoFrames[frame], W, H), rect, fromRgb, 192, 192);
        FrameSampler.Sample(FrameView.Yuv420p(media.VideoFramesYuv[frame], W, H), rect, fromYuv, 192, 192);

        var differences = fromRgb.Zip(fromYuv, (a, b) => MathF.Abs(a - b)).Order().ToArray();
        var mean = differences.Average();
        var p99 = differences[(int)(differences.Length * 0.99)];
        output.WriteLine($"frame {frame}: mean difference {mean:F2}, 99th percentile {p99:F2}, largest {differences[^1]:F2} levels");
        // ffmpeg's own conversion rounds through 8-bit fixed point; ours keeps floats: they differ by that rounding only.
        Assert.True(mean <= 1.5, $"mean difference {mean:F2}");
        Assert.True(differences[^1] <= 3.0, $"largest difference {differences[^1]:F2}");
    }

    [Fact]
    public void Each_pixel_of_an_odd_sized_frame_takes_the_chroma_of_its_two_by_two_block()
    {
        // 3x3 luma, 2x2 chroma: the last column and row share the second chroma column and row.
        byte[] frame =
        [
            16, 16, 235,
            16, 16, 235,
            126, 126, 126,
            128, 128, 128, 16, // U
            128, 128, 128, 240, // V
        ];
        var sampled = new float[3 * 3 * 3];

        FrameSampler.Sample(FrameView.Yuv420p(frame, 3, 3), new RotatedRect(1.5f, 1.5f, 3, 3), sampled, 3, 3);

        float[] Pixel(int px, int py) => sampled.AsSpan((py * 3 + px) * 3, 3).ToArray();
        Assert.Equal([0f, 0f, 0f], Pixel(0, 0).Select(v => MathF.Round(v)));
        Assert.Equal([255f, 255f, 255f], Pixel(2, 1).Select(v => MathF.Round(v)));
        // Bottom right: grey luma with strong red chroma (V = 240, U = 16) is red, clamped.
        var red = Pixel(2, 2);
        Assert.Equal(255f, red[0], 0.5f);
        Assert.True(red[2] < 1f, $"blue {red[2]}");
    }
}
