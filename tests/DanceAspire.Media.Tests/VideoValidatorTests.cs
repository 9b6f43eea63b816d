using DanceAspire.Media.Probing;
using DanceAspire.Media.Validation;
using DanceAspire.Testing;

namespace DanceAspire.Media.Tests;

public sealed class VideoValidatorTests(MediaMaker maker) : IClassFixture<MediaMaker>
{
    private static VideoValidator Validator(VideoLimits? limits = null) => new(new MediaProbe(), limits ?? new VideoLimits());

    private static async Task<VideoValidation> AssertRejected(string path, string code, VideoLimits? limits = null)
    {
        var result = await Validator(limits).ValidateAsync(path);
        Assert.False(result.IsValid);
        Assert.Equal(code, result.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.EndsWith(".", result.Message);
        return result;
    }

    [Fact]
    public async Task Pose_squats_passes()
    {
        var result = await Validator().ValidateAsync(TestMedia.File("video/pose_squats.mp4"));

        Assert.True(result.IsValid, result.Message);
        Assert.Null(result.Code);
        Assert.Equal("h264", result.Media!.Video!.CodecName);
    }

    [Fact]
    public async Task A_generated_clip_with_audio_passes()
    {
        Assert.True((await Validator().ValidateAsync(maker.ClipWithAudio())).IsValid);
    }

    [Fact]
    public async Task An_empty_file_is_empty_file()
    {
        var path = maker.PathFor("empty.mp4");
        await File.WriteAllBytesAsync(path, []);

        var result = await AssertRejected(path, VideoRejections.EmptyFile);

        Assert.Equal("The file is empty.", result.Message);
    }

    [Fact]
    public async Task A_text_file_named_mp4_is_unreadable_with_ffprobes_reason()
    {
        var path = maker.PathFor("text.mp4");
        await File.WriteAllTextAsync(path, "hello, this is not a video\n");

        var result = await AssertRejected(path, VideoRejections.Unreadable);

        Assert.StartsWith("The file is not a video we can read (ffprobe: ", result.Message);
        Assert.Contains("Invalid data", result.Message);
    }

    [Fact]
    public async Task The_first_half_of_an_mp4_is_unreadable_because_its_moov_is_missing()
    {
        var whole = await File.ReadAllBytesAsync(TestMedia.File("video/pose_squats.mp4"));
        var path = maker.PathFor("truncated.mp4");
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 2)]);

        var result = await AssertRejected(path, VideoRejections.Unreadable);

        Assert.Contains("moov atom not found", result.Message);
    }

    [Theory]
    [InlineData("tone.m4a", "aac")]
    [InlineData("tone.mp3", "libmp3lame")]
    public async Task Audio_only_files_have_no_video_stream(string fileName, string codec)
    {
        var path = maker.Make(fileName, "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", codec);

        var result = await AssertRejected(path, VideoRejections.NoVideoStream);

        Assert.Equal("The file has no video stream (it holds only audio).", result.Message);
    }

    [Fact]
    public async Task An_mp3_with_cover_art_still_holds_only_audio()
    {
        var cover = maker.Make("cover.png", "-f", "lavfi", "-i", "testsrc2=size=64x64", "-frames:v", "1");
        var path = maker.Make("tone-with-cover.mp3", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-i", cover,
            "-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-c:v", "png", "-disposition:v", "attached_pic");

        await AssertRejected(path, VideoRejections.NoVideoStream);
    }

    [Fact]
    public async Task A_jpeg_photo_is_a_still_image()
    {
        var result = await AssertRejected(TestMedia.File("image/coco_000000000785.jpg"), VideoRejections.StillImage);

        Assert.Equal("The file is a still image, not a video.", result.Message);
    }

    [Fact]
    public async Task A_jpeg_renamed_mp4_is_a_still_image()
    {
        var path = maker.CopyAs(TestMedia.File("image/coco_000000000785.jpg"), "photo.mp4");

        await AssertRejected(path, VideoRejections.StillImage);
    }

    [Fact]
    public async Task A_png_renamed_mp4_is_a_still_image()
    {
        var png = maker.Make("frame.png", "-f", "lavfi", "-i", "testsrc2=size=160x120", "-frames:v", "1");

        await AssertRejected(maker.CopyAs(png, "frame-png.mp4"), VideoRejections.StillImage);
    }

    [Fact]
    public async Task A_single_frame_mp4_is_a_still_image()
    {
        var path = maker.Make("one-frame.mp4", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25", "-frames:v", "1",
            "-c:v", "libx264", "-preset", "ultrafast");

        await AssertRejected(path, VideoRejections.StillImage);
    }

    [Fact]
    public async Task An_eleven_minute_video_is_too_long()
    {
        var path = maker.Make("eleven-minutes.mp4", "-f", "lavfi", "-i", "color=c=blue:size=16x16:rate=1:duration=660",
            "-c:v", "libx264", "-preset", "ultrafast");

        var result = await AssertRejected(path, VideoRejections.TooLong);

        Assert.Equal("The video is 11:00 long; the limit is 10:00.", result.Message);
    }

    [Fact]
    public async Task A_video_larger_than_the_lowered_limits_is_too_large_in_resolution()
    {
        var limits = new VideoLimits { MaxWidth = 256, MaxHeight = 144 };

        var result = await AssertRejected(maker.ClipWithAudio(), VideoRejections.TooLargeResolution, limits);

        Assert.Equal("The video is 320x240; the limit is 256x144 (or 144x256 in portrait).", result.Message);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_too_large()
    {
        var result = await AssertRejected(maker.ClipWithAudio(), VideoRejections.TooLargeFile, new VideoLimits { MaxSizeBytes = 1024 });

        Assert.StartsWith("The file is ", result.Message);
    }

    [Fact]
    public async Task Motion_jpeg_in_avi_is_an_unsupported_codec()
    {
        var path = maker.Make("mjpeg.avi", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=1", "-c:v", "mjpeg");

        var result = await AssertRejected(path, VideoRejections.UnsupportedCodec);

        Assert.Equal("The video codec is 'mjpeg'; accepted codecs are h264, hevc, vp8, vp9, av1, mpeg4.", result.Message);
    }

    [Fact]
    public async Task Ffv1_in_mkv_is_an_unsupported_codec()
    {
        var path = maker.Make("ffv1.mkv", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=1", "-c:v", "ffv1");

        var result = await AssertRejected(path, VideoRejections.UnsupportedCodec);

        Assert.Contains("'ffv1'", result.Message);
    }

    [Fact]
    public async Task H264_in_flv_is_an_unsupported_container()
    {
        var path = maker.Make("clip.flv", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=1", "-c:v", "libx264", "-preset", "ultrafast");

        var result = await AssertRejected(path, VideoRejections.UnsupportedContainer);

        Assert.Contains("accepted containers are mp4, mov, webm, mkv, avi", result.Message);
    }

    [Fact]
    public async Task Vp9_in_webm_passes()
    {
        var path = maker.Make("clip.webm", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=1", "-c:v", "libvpx-vp9", "-deadline", "realtime");

        var result = await Validator().ValidateAsync(path);

        Assert.True(result.IsValid, result.Message);
    }

    [Theory]
    [InlineData(2160, 3840, true)]
    [InlineData(3840, 2160, true)]
    [InlineData(4096, 2160, false)]
    [InlineData(2200, 2200, false)]
    public void The_longer_side_is_held_to_3840_and_the_shorter_to_2160(int width, int height, bool valid)
    {
        var media = Media(Video("h264", width, height, frames: 300));

        Assert.Equal(valid, Validator().Validate(media).IsValid);
    }

    [Fact]
    public void A_video_without_duration_is_zero_duration()
    {
        var media = Media(Video("h264", 640, 480, frames: null) with { DurationSeconds = null }) with { DurationSeconds = null };

        Assert.Equal(VideoRejections.ZeroDuration, Validator().Validate(media).Code);
    }

    [Fact]
    public void A_video_that_reports_no_frames_is_no_frames()
    {
        Assert.Equal(VideoRejections.NoFrames, Validator().Validate(Media(Video("h264", 640, 480, frames: 0))).Code);
    }

    [Fact]
    public void A_video_a_moment_over_the_limit_does_not_read_as_within_it()
    {
        var media = Media(Video("h264", 640, 480, frames: 100)) with { DurationSeconds = 600.3 };

        Assert.Equal("The video is 10:01 long; the limit is 10:00.", Validator().Validate(media).Message);
    }

    private static MediaStreamInfo Video(string codec, int width, int height, long? frames) =>
        new(0, "video", codec, width, height, 0, new FrameRate(30, 1), new FrameRate(30, 1), frames, 10, false);

    private static MediaInfo Media(params MediaStreamInfo[] streams) =>
        new("mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV", 10, 1_000_000, 800_000, streams);
}
