using DanceAspire.Media.Probing;
using DanceAspire.Testing;

namespace DanceAspire.Media.Tests;

public sealed class MediaProbeTests(MediaMaker maker) : IClassFixture<MediaMaker>
{
    private readonly MediaProbe _probe = new();

    [Fact]
    public async Task Pose_squats_is_a_13_second_h264_portrait_video_at_5_fps_with_65_frames_and_no_audio()
    {
        var media = await _probe.ProbeAsync(TestMedia.File("video/pose_squats.mp4"));

        Assert.Contains("mp4", media.FormatName.Split(','));
        Assert.Equal("QuickTime / MOV", media.FormatLongName);
        Assert.Equal(13.0, media.DurationSeconds!.Value, 2);
        Assert.Equal(508341, media.SizeBytes);
        Assert.True(media.BitRate > 0);
        Assert.False(media.HasAudio);
        var video = Assert.IsType<MediaStreamInfo>(media.Video);
        Assert.Equal("h264", video.CodecName);
        Assert.Equal((720, 1280), (video.Width, video.Height));
        Assert.Equal(0, video.Rotation);
        Assert.Equal(5.0, video.FrameRatePerSecond);
        Assert.Equal(5.0, video.AverageFrameRatePerSecond);
        Assert.Equal(new FrameRate(5, 1), video.RealFrameRate);
        Assert.Equal(65, video.FrameCount);
        Assert.False(video.IsAttachedPicture);
    }

    [Fact]
    public async Task A_clip_with_a_tone_has_an_aac_audio_stream()
    {
        var media = await _probe.ProbeAsync(maker.ClipWithAudio());

        Assert.True(media.HasAudio);
        Assert.Equal("aac", media.Audio!.CodecName);
        Assert.Equal(30.0, media.Video!.FrameRatePerSecond);
        Assert.Equal(3.0, media.DurationSeconds!.Value, 1);
    }

    [Fact]
    public async Task A_rotation_in_the_display_matrix_swaps_the_display_size()
    {
        var plain = maker.Make("landscape.mp4", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10:duration=1", "-c:v", "libx264", "-preset", "ultrafast");
        var rotated = maker.Make("rotated.mp4", "-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90");

        var video = (await _probe.ProbeAsync(rotated)).Video!;

        Assert.Equal((320, 240), (video.Width, video.Height));
        Assert.Equal(90, video.Rotation);
        Assert.Equal((240, 320), (video.DisplayWidth, video.DisplayHeight));
    }

    [Fact]
    public async Task A_text_file_named_mp4_fails_with_ffprobes_reason_and_without_the_path()
    {
        var path = maker.PathFor("notes.mp4");
        await File.WriteAllTextAsync(path, "these are not frames\n");

        var error = await Assert.ThrowsAsync<MediaProbeException>(() => _probe.ProbeAsync(path));

        Assert.Contains("Invalid data found when processing input", error.ProbeError);
        Assert.DoesNotContain(maker.Folder, error.ProbeError);
    }

    [Fact]
    public async Task A_missing_file_fails_with_a_probe_exception()
    {
        var error = await Assert.ThrowsAsync<MediaProbeException>(() => _probe.ProbeAsync(maker.PathFor("nothing-here.mp4")));

        Assert.Contains("No such file", error.ProbeError);
    }
}
