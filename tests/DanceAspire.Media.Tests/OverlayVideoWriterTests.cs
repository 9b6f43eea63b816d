using DanceAspire.Analysis.Imaging;
using DanceAspire.Analysis.Pose;
using DanceAspire.Media.Decoding;
using DanceAspire.Media.Drawing;
using DanceAspire.Media.Encoding;
using DanceAspire.Media.Probing;
using DanceAspire.Testing;

namespace DanceAspire.Media.Tests;

public sealed class OverlayVideoWriterTests(MediaMaker maker) : IClassFixture<MediaMaker>
{
    private readonly MediaProbe _probe = new();

    /// <summary>Decodes, paints a fixed skeleton on every frame and encodes, as the analysis worker does.</summary>
    private async Task<MediaInfo> Reencode(string input, string output, PixelFormat format = PixelFormat.Rgb24)
    {
        var media = await _probe.ProbeAsync(input);
        await using var reader = VideoFrameReader.Start(input, media, new FrameReadOptions { PixelFormat = format });
        await using var writer = OverlayVideoWriter.Start(output, reader.Width, reader.Height, reader.FrameRate, OverlayAudio.From(input, media),
            pixelFormat: format, matrix: reader.Plan.Matrix);
        var pose = StandingPose(reader.Width, reader.Height);
        await foreach (var frame in reader.ReadAllAsync())
        {
            using (frame)
            {
                SkeletonPainter.Draw(frame.Pixels.Span, frame.PixelFormat, frame.Width, frame.Height, pose, matrix: frame.Matrix);
                await writer.WriteFrameAsync(frame.Pixels);
            }
        }
        await writer.CompleteAsync();
        Assert.Equal(reader.FramesDecoded, writer.FramesWritten);
        return media;
    }

    [Fact]
    public async Task A_clip_with_audio_becomes_h264_with_aac_audio_and_the_same_duration()
    {
        var input = maker.ClipWithAudio();
        var output = maker.PathFor("overlay-with-audio.mp4");

        var original = await Reencode(input, output);
        var encoded = await _probe.ProbeAsync(output);

        Assert.Equal("h264", encoded.Video!.CodecName);
        Assert.Equal("aac", encoded.Audio?.CodecName);
        var frame = 1 / original.Video!.FrameRatePerSecond;
        Assert.InRange(encoded.Video.DurationSeconds!.Value, original.Video.DurationSeconds!.Value - frame, original.Video.DurationSeconds.Value + frame);
        Assert.InRange(encoded.DurationSeconds!.Value, original.DurationSeconds!.Value - frame, original.DurationSeconds.Value + frame);
        Assert.Equal(original.Video.FrameCount, encoded.Video.FrameCount);
    }

    [Fact]
    public async Task Mp3_audio_is_reencoded_to_aac_and_the_overlay_lasts_as_long_as_the_original()
    {
        var output = maker.PathFor("overlay-from-mp3.mp4");

        // MP3's encoder delay starts the video 25 ms after the audio; the decoder's constant-rate timeline starts at 0.
        var original = await Reencode(maker.ClipWithMp3Audio(), output);
        var encoded = await _probe.ProbeAsync(output);

        Assert.Equal("aac", encoded.Audio?.CodecName);
        Assert.Equal("h264", encoded.Video!.CodecName);
        Assert.InRange(encoded.DurationSeconds!.Value, original.DurationSeconds!.Value - 0.04, original.DurationSeconds.Value + 0.04);
    }

    [Fact]
    public async Task Pose_squats_becomes_65_h264_frames_lasting_13_seconds_without_audio()
    {
        var output = maker.PathFor("overlay-squats.mp4");

        await Reencode(TestMedia.File("video/pose_squats.mp4"), output);
        var encoded = await _probe.ProbeAsync(output);

        Assert.Equal("h264", encoded.Video!.CodecName);
        Assert.Equal((720, 1280), (encoded.Video.Width, encoded.Video.Height));
        Assert.Equal(65, encoded.Video.FrameCount);
        Assert.Equal(13.0, encoded.DurationSeconds!.Value, 1);
        Assert.False(encoded.HasAudio);
    }

    [Fact]
    public async Task Yuv420p_frames_pass_through_and_keep_their_colours()
    {
        var input = maker.ClipWithAudio();
        var output = maker.PathFor("overlay-yuv.mp4");

        var original = await Reencode(input, output, PixelFormat.Yuv420p);
        var encoded = await _probe.ProbeAsync(output);

        Assert.Equal("h264", encoded.Video!.CodecName);
        Assert.Equal(original.Video!.FrameCount, encoded.Video.FrameCount);
        // Away from the painted skeleton the first frame's mean luma survives the re-encode within a level or two.
        var before = MediaMaker.DecodeWithFfmpeg(input, "gray");
        var after = MediaMaker.DecodeWithFfmpeg(output, "gray");
        var (width, height) = (original.Video.Width, original.Video.Height);
        double Mean(byte[] gray) => gray.AsSpan(0, width * height / 16).ToArray().Average(b => (double)b);
        Assert.Equal(Mean(before), Mean(after), 2.0);
    }

    [Theory]
    [InlineData(PixelFormat.Rgb24)]
    [InlineData(PixelFormat.Yuv420p)]
    public async Task Odd_frame_sizes_are_padded_to_even_ones(PixelFormat format)
    {
        var output = maker.PathFor($"odd-{format}.mp4");
        var frame = new byte[format.FrameBytes(321, 241)];
        Array.Fill(frame, (byte)200);

        await using (var writer = OverlayVideoWriter.Start(output, 321, 241, new FrameRate(30000, 1001), pixelFormat: format))
        {
            for (var i = 0; i < 10; i++) await writer.WriteFrameAsync(frame);
            await writer.CompleteAsync();
        }
        var encoded = (await _probe.ProbeAsync(output)).Video!;

        Assert.Equal((322, 242), (encoded.Width, encoded.Height));
        Assert.Equal(10, encoded.FrameCount);
        Assert.Equal(new FrameRate(30000, 1001), encoded.RealFrameRate);
    }

    [Fact]
    public async Task A_frame_of_the_wrong_size_is_refused()
    {
        await using var writer = OverlayVideoWriter.Start(maker.PathFor("refused.mp4"), 64, 48, new FrameRate(10, 1));

        await Assert.ThrowsAsync<ArgumentException>(async () => await writer.WriteFrameAsync(new byte[64 * 48 * 3 - 1]));
    }

    [Fact]
    public async Task An_unwritable_output_fails_with_ffmpegs_error()
    {
        var output = Path.Combine(maker.Folder, "no-such-folder", "out.mp4");

        var failure = await Assert.ThrowsAsync<MediaToolException>(async () =>
        {
            await using var writer = OverlayVideoWriter.Start(output, 64, 48, new FrameRate(10, 1));
            var frame = new byte[64 * 48 * 3];
            for (var i = 0; i < 50; i++) await writer.WriteFrameAsync(frame);
            await writer.CompleteAsync();
        });

        Assert.Contains("No such file or directory", failure.StandardError);
    }

    private static PoseFrame StandingPose(int width, int height)
    {
        var keypoints = new Keypoint[17];
        for (var i = 0; i < 17; i++)
        {
            var side = i == 0 ? 0 : i % 2 == 1 ? 1 : -1;
            var row = i switch { 0 => 0.15f, <= 4 => 0.12f, <= 6 => 0.3f, <= 8 => 0.42f, <= 10 => 0.55f, <= 12 => 0.55f, <= 14 => 0.72f, _ => 0.9f };
            keypoints[i] = new Keypoint(width * (0.5f + side * 0.1f), height * row, 0.9f);
        }
        return new PoseFrame(0, 0, width, height, KeypointFormat.Coco17, keypoints);
    }
}
