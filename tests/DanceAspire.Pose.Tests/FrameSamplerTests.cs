using DanceAspire.Analysis.Imaging;
using DanceAspire.Pose.Imaging;

namespace DanceAspire.Pose.Tests;

public class FrameSamplerTests
{
    private static byte[] Gradient(int width, int height)
    {
        var frame = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = (y * width + x) * 3;
                frame[p] = (byte)(x * 10);
                frame[p + 1] = (byte)(y * 10);
                frame[p + 2] = 7;
            }
        }
        return frame;
    }

    [Fact]
    public void Sampling_the_whole_frame_at_its_own_size_copies_it_exactly()
    {
        var frame = Gradient(8, 6);
        var output = new float[8 * 6 * 3];

        FrameSampler.Sample(FrameView.Rgb24(frame, 8, 6), new RotatedRect(4, 3, 8, 6), output, 8, 6);

        Assert.Equal(frame.Select(b => (float)b), output.Select(v => MathF.Round(v, 3)));
    }

    [Fact]
    public void Halving_averages_each_two_by_two_block()
    {
        var frame = Gradient(8, 6);
        var output = new float[4 * 3 * 3];

        FrameSampler.Sample(FrameView.Rgb24(frame, 8, 6), new RotatedRect(4, 3, 8, 6), output, 4, 3);

        // Output pixel (1, 2) sits between source columns 2..3 and rows 4..5.
        var p = (2 * 4 + 1) * 3;
        Assert.Equal(25f, output[p], 3);
        Assert.Equal(45f, output[p + 1], 3);
        Assert.Equal(7f, output[p + 2], 3);
    }

    [Fact]
    public void Pixels_outside_the_frame_are_black_and_values_are_scaled_into_the_model_range()
    {
        var frame = Enumerable.Repeat((byte)255, 4 * 4 * 3).ToArray();
        var output = new float[4 * 4 * 3];

        // A square twice the frame's size: the outer ring of output pixels lies off the frame.
        FrameSampler.Sample(FrameView.Rgb24(frame, 4, 4), new RotatedRect(2, 2, 8, 8), output, 4, 4, 2f / 255f, -1f);

        Assert.Equal(-1f, output[0], 5);
        Assert.Equal(1f, output[(1 * 4 + 1) * 3], 5);
    }

    [Fact]
    public void A_quarter_turned_rect_reads_the_frame_transposed()
    {
        var frame = Gradient(6, 6);
        var output = new float[6 * 6 * 3];

        FrameSampler.Sample(FrameView.Rgb24(frame, 6, 6), new RotatedRect(3, 3, 6, 6, MathF.PI / 2), output, 6, 6);

        // Moving right in the output walks down the frame: red (x) is constant along a row, green (y) rises.
        for (var column = 0; column < 6; column++)
        {
            var p = (0 * 6 + column) * 3;
            Assert.Equal(50f, output[p], 2);
            Assert.Equal(column * 10f, output[p + 1], 2);
        }
    }

    [Fact]
    public void Integer_input_is_rounded_from_the_bilinear_values()
    {
        var frame = Gradient(8, 6);
        var output = new int[4 * 3 * 3];
        var scratch = new float[output.Length];

        FrameSampler.Sample(FrameView.Rgb24(frame, 8, 6), new RotatedRect(4, 3, 8, 6), output, scratch, 4, 3);

        Assert.Equal(25, output[(2 * 4 + 1) * 3]);
    }
}
