using System.Security.Cryptography;
using DanceAspire.Analysis.Imaging;
using DanceAspire.Media.Decoding;
using DanceAspire.Media.Probing;
using DanceAspire.Testing;

namespace DanceAspire.Media.Tests;

public sealed class VideoFrameReaderTests(MediaMaker maker) : IClassFixture<MediaMaker>
{
    private readonly MediaProbe _probe = new();

    [Fact]
    public async Task Pose_squats_decodes_to_65_frames_of_720x1280_at_5_fps()
    {
        var path = TestMedia.File("video/pose_squats.mp4");
        await using var reader = VideoFrameReader.Start(path, await _probe.ProbeAsync(path));

        var count = 0;
        await foreach (var frame in reader.ReadAllAsync())
        {
            using (frame)
            {
                Assert.Equal(count, frame.Index);
                Assert.Equal(count / 5.0, frame.TimeSeconds, 9);
                Assert.Equal((720, 1280), (frame.Width, frame.Height));
                Assert.Equal(720 * 1280 * 3, frame.Pixels.Length);
                count++;
            }
        }

        Assert.Equal(65, count);
        Assert.Equal(65, reader.FramesDecoded);
        Assert.True(reader.FramesPerSecond > 0);
    }

    [Fact]
    public async Task Frames_are_byte_for_byte_what_ffmpeg_itself_decodes()
    {
        var path = TestMedia.File("video/pose_squats.mp4");
        var expected = MediaMaker.DecodeWithFfmpeg(path);
        const int frameBytes = 720 * 1280 * 3;
        Assert.Equal(65 * frameBytes, expected.Length);

        var checkedFrames = 0;
        await using var reader = VideoFrameReader.Start(path, await _probe.ProbeAsync(path));
        await foreach (var frame in reader.ReadAllAsync())
        {
            using (frame)
            {
                if (frame.Index is 0 or 31 or 64)
                {
                    var ours = SHA256.HashData(frame.Pixels.Span);
                    var theirs = SHA256.HashData(expected.AsSpan(frame.Index * frameBytes, frameBytes));
                    Assert.Equal(Convert.ToHexString(theirs), Convert.ToHexString(ours));
                    checkedFrames++;
                }
            }
        }
        Assert.Equal(3, checkedFrames);
    }

    [Fact]
    public async Task Yuv420p_frames_are_byte_for_byte_ffmpegs_yuv420p_planes_at_half_the_bytes_of_rgb24()
    {
        var path = TestMedia.File("video/pose_squats.mp4");
        var expected = MediaMaker.DecodeWithFfmpeg(path, "yuv420p");
        const int frameBytes = 720 * 1280 + 2 * 360 * 640;
        Assert.Equal(65 * frameBytes, expected.Length);

        var frames = 0;
        await using var reader = VideoFrameReader.Start(path, await _probe.ProbeAsync(path), new FrameReadOptions { PixelFormat = PixelFormat.Yuv420p });
        await foreach (var frame in reader.ReadAllAsync())
        {
            using (frame)
            {
                Assert.Equal(PixelFormat.Yuv420p, frame.PixelFormat);
                Assert.Equal(frameBytes, frame.Pixels.Length);
                Assert.Equal(720 * 1280, frame.View.Y.Length);
                if (frame.Index is 0 or 64)
                {
                    Assert.True(frame.Pixels.Span.SequenceEqual(expected.AsSpan(frame.Index * frameBytes, frameBytes)));
                }
                frames++;
            }
        }
        Assert.Equal(65, frames);
    }

    [Fact]
    public async Task Odd_sized_yuv420p_frames_round_their_chroma_planes_up()
    {
        var path = TestMedia.File("video/pose_squats.mp4");
        var options = new FrameReadOptions { Width = 181, Height = 321, PixelFormat = PixelFormat.Yuv420p };
        await using var reader = VideoFrameReader.Start(path, await _probe.ProbeAsync(path), options);

        await foreach (var frame in reader.ReadAllAsync())
        {
            using (frame)
            {
                Assert.Equal(181 * 321 + 2 * 91 * 161, frame.Pixels.Length);
                Assert.Equal(91 * 161, frame.View.V.Length);
            }
        }
        Assert.Equal(65, reader.FramesDecoded);
    }

    [Fact]
    public async Task A_given_width_scales_frames_keeping_the_aspect_ratio()
    {
        var path = TestMedia.File("video/pose_squats.mp4");
        await using var reader = VideoFrameReader.Start(path, await _probe.ProbeAsync(path), new FrameReadOptions { Width = 180 });

        Assert.Equal((180, 320), (reader.Width, reader.Height));
        await foreach (var frame in reader.ReadAllAsync())
        {
            using (frame) Assert.Equal(180 * 320 * 3, frame.Pixels.Length);
        }
        Assert.Equal(65, reader.FramesDecoded);
    }

    [Fact]
    public async Task A_rotated_video_decodes_upright_at_its_display_size()
    {
        var plain = maker.Make("landscape.mp4", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10:duration=1", "-c:v", "libx264", "-preset", "ultrafast");
        var rotated = maker.Make("rotated.mp4", "-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90");
        await using var reader = VideoFrameReader.Start(rotated, await _probe.ProbeAsync(rotated));

        var frames = 0;
        await foreach (var frame in reader.ReadAllAsync())
        {
            using (frame) Assert.Equal((240, 320), (frame.Width, frame.Height));
            frames++;
        }
        Assert.Equal(10, frames);
    }

    [Fact]
    public async Task Cancelling_ends_ffmpeg_and_leaves_no_process_behind()
    {
        // A long clip under a unique name, so the ffmpeg we start can be told apart in /proc.
        var path = maker.Make("long-for-cancel.mp4", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30:duration=20",
            "-c:v", "libx264", "-preset", "ultrafast");
        using var cancel = new CancellationTokenSource();
        var reader = VideoFrameReader.Start(path, await _probe.ProbeAsync(path));

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var frame in reader.ReadAllAsync(cancel.Token))
            {
                frame.Dispose();
                if (++seen == 5)
                {
                    Assert.NotEmpty(MediaMaker.FfmpegProcessesMentioning(path));
                    cancel.Cancel();
                }
            }
        });
        await reader.DisposeAsync();

        Assert.Equal(5, seen);
        Assert.True(reader.FramesDecoded < 600, "decoding stopped well before the end");
        Assert.Empty(MediaMaker.FfmpegProcessesMentioning(path));
    }

    [Fact]
    public async Task A_file_ffmpeg_cannot_open_surfaces_as_a_media_tool_exception_with_stderr()
    {
        var media = await _probe.ProbeAsync(TestMedia.File("video/pose_squats.mp4"));
        var path = maker.PathFor("not-a-video.mp4");
        await File.WriteAllTextAsync(path, "nothing to see");

        var failure = await Assert.ThrowsAsync<MediaToolException>(async () =>
        {
            await using var reader = VideoFrameReader.Start(path, media);
            await foreach (var frame in reader.ReadAllAsync()) frame.Dispose();
        });

        Assert.NotEqual(0, failure.ExitCode);
        Assert.Contains("Invalid data", failure.StandardError);
    }
}
