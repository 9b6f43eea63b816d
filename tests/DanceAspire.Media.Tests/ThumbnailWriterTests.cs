using DanceAspire.Analysis.Imaging;
using DanceAspire.Media.Probing;

namespace DanceAspire.Media.Tests;

public sealed class ThumbnailWriterTests(MediaMaker maker) : IClassFixture<MediaMaker>
{
    [Fact]
    public async Task A_portrait_frame_becomes_a_480_wide_jpeg_keeping_its_aspect_ratio()
    {
        var frame = new byte[720 * 1280 * 3];
        for (var i = 0; i < frame.Length; i += 3) frame[i] = 255;
        var output = maker.PathFor("thumb.jpg");

        await new ThumbnailWriter().WriteJpegAsync(frame, 720, 1280, output);
        var media = await new MediaProbe().ProbeAsync(output);

        var bytes = await File.ReadAllBytesAsync(output);
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
        Assert.Equal("mjpeg", media.Video!.CodecName);
        Assert.Equal((480, 853), (media.Video.Width, media.Video.Height));
    }

    [Fact]
    public async Task A_frame_narrower_than_the_limit_keeps_its_size()
    {
        var output = maker.PathFor("small-thumb.jpg");

        await new ThumbnailWriter().WriteJpegAsync(new byte[201 * 99 * 3], 201, 99, output);
        var video = (await new MediaProbe().ProbeAsync(output)).Video!;

        Assert.Equal((201, 99), (video.Width, video.Height));
    }

    [Fact]
    public async Task An_odd_sized_yuv420p_frame_becomes_a_jpeg_of_its_size()
    {
        var frame = new byte[PixelFormat.Yuv420p.FrameBytes(201, 99)];
        Array.Fill(frame, (byte)128);
        var output = maker.PathFor("yuv-thumb.jpg");

        await new ThumbnailWriter().WriteJpegAsync(frame, PixelFormat.Yuv420p, 201, 99, output);
        var video = (await new MediaProbe().ProbeAsync(output)).Video!;

        Assert.Equal(("mjpeg", 201, 99), (video.CodecName, video.Width, video.Height));
    }

    [Fact]
    public async Task A_buffer_of_the_wrong_length_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            new ThumbnailWriter().WriteJpegAsync(new byte[100], 720, 1280, maker.PathFor("never.jpg")));
    }
}
