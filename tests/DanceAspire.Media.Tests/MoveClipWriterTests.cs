using System.Diagnostics;
using System.Text.Json;
using DanceAspire.Media.Moves;
using DanceAspire.Media.Probing;
using DanceAspire.Testing;

namespace DanceAspire.Media.Tests;

/// <summary>Move clips cut with real ffmpeg: the normalized format, frame-exact spans, letterboxing, the thumbnail.</summary>
public sealed class MoveClipWriterTests(MediaMaker maker) : IClassFixture<MediaMaker>
{
    private const double FrameSeconds = 1.0 / 30;
    private readonly MoveClipWriter _writer = new();

    [Fact]
    public async Task A_span_of_the_squats_becomes_a_720x1280_30_fps_high_profile_h264_clip_of_whole_frames_without_audio()
    {
        var clip = await _writer.WriteClipAsync(TestMedia.File("video/pose_squats.mp4"), 2.0, 3.0, maker.PathFor("squats-2s.mp4"));

        Assert.Equal((2.0, 90), (clip.StartSeconds, clip.FrameCount));
        var media = await new MediaProbe().ProbeAsync(clip.Path);
        var video = media.Video!;
        Assert.False(media.HasAudio);
        Assert.Equal(("h264", 720, 1280), (video.CodecName, video.Width, video.Height));
        Assert.Equal(30, video.FrameRatePerSecond, 6);
        Assert.Equal(30, video.AverageFrameRatePerSecond, 6);
        Assert.InRange(video.FrameCount!.Value, 89, 91);
        Assert.InRange(video.DurationSeconds!.Value, 3.0 - FrameSeconds, 3.0 + FrameSeconds);
        var stream = Ffprobe(clip.Path, "-show_entries", "stream=profile,pix_fmt,sample_aspect_ratio").GetProperty("streams")[0];
        Assert.Equal("High", stream.GetProperty("profile").GetString());
        Assert.Equal("yuv420p", stream.GetProperty("pix_fmt").GetString());
        Assert.Equal("1:1", stream.GetProperty("sample_aspect_ratio").GetString());
    }

    [Fact]
    public async Task The_clip_starts_on_a_keyframe_and_has_one_every_30_frames()
    {
        var clip = await _writer.WriteClipAsync(TestMedia.File("video/pose_squats.mp4"), 4.5, 2.5, maker.PathFor("squats-keyframes.mp4"));

        var frames = Ffprobe(clip.Path, "-show_entries", "frame=key_frame").GetProperty("frames").EnumerateArray()
            .Select(f => f.GetProperty("key_frame").GetInt32()).ToArray();
        Assert.Equal(75, frames.Length);
        Assert.Equal([0, 30, 60], frames.Select((key, index) => (key, index)).Where(f => f.key == 1).Select(f => f.index));
    }

    [Fact]
    public async Task Frame_j_of_the_clip_shows_the_original_at_start_plus_j_thirtieths()
    {
        // Brightness grows with time: a frame's luma tells which 10 fps frame of the original it shows.
        var input = maker.Make("ramp.mp4", "-f", "lavfi", "-i", "color=black:size=64x64:rate=10:duration=5,format=yuv420p,geq=lum='16+40*T':cb=128:cr=128",
            "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p");
        var original = TestFfmpeg.DecodeRaw(input, "gray");

        var clip = await _writer.WriteClipAsync(input, 2.0, 1.0, maker.PathFor("ramp-clip.mp4"));

        var luma = TestFfmpeg.DecodeRaw(clip.Path, "gray");
        const int frameBytes = 720 * 1280;
        Assert.Equal(30, luma.Length / frameBytes);
        foreach (var j in new[] { 0, 2, 3, 15, 29 })
        {
            var shown = (int)Math.Floor((2.0 + j / 30.0) * 10 + 1e-9); // the original's frame on screen at that time
            int expected = original[shown * 64 * 64 + 32 * 64 + 32], actual = luma[j * frameBytes + 640 * 720 + 360];
            Assert.True(Math.Abs(actual - expected) <= 2, $"clip frame {j}: luma {actual}, the original's frame {shown} has {expected}");
        }
    }

    [Fact]
    public async Task A_landscape_video_is_letterboxed_into_the_portrait_frame()
    {
        var input = maker.Make("landscape.mp4", "-f", "lavfi", "-i", "color=white:size=640x360:rate=25:duration=2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");

        var clip = await _writer.WriteClipAsync(input, 0, 1.0, maker.PathFor("landscape-clip.mp4"));

        var video = (await new MediaProbe().ProbeAsync(clip.Path)).Video!;
        Assert.Equal((720, 1280), (video.Width, video.Height));
        var luma = TestFfmpeg.DecodeRaw(clip.Path, "gray").AsSpan(0, 720 * 1280);
        // 640x360 fits as 720x405: rows 437..842 hold the picture, the bands above and below are black.
        Assert.True(luma[100 * 720 + 360] < 25, $"top band {luma[100 * 720 + 360]}");
        Assert.True(luma[1200 * 720 + 360] < 25, $"bottom band {luma[1200 * 720 + 360]}");
        Assert.True(luma[640 * 720 + 360] > 225, $"picture {luma[640 * 720 + 360]}");
        Assert.True(luma[640 * 720 + 5] > 225, "the picture spans the whole width");
    }

    [Fact]
    public async Task A_video_with_sound_gives_a_silent_clip()
    {
        var clip = await _writer.WriteClipAsync(maker.ClipWithAudio(), 0.5, 1.5, maker.PathFor("silent.mp4"));

        var media = await new MediaProbe().ProbeAsync(clip.Path);
        Assert.False(media.HasAudio);
        Assert.Equal(45, clip.FrameCount);
    }

    [Fact]
    public async Task A_clip_running_past_the_end_of_the_video_repeats_its_last_frame_and_keeps_every_frame()
    {
        var clip = await _writer.WriteClipAsync(TestMedia.File("video/pose_squats.mp4"), 12.0, 2.0, maker.PathFor("squats-end.mp4"));

        Assert.Equal(60, clip.FrameCount);
    }

    [Fact]
    public async Task A_span_after_the_end_of_the_video_fails()
    {
        await Assert.ThrowsAnyAsync<MediaToolException>(() =>
            _writer.WriteClipAsync(TestMedia.File("video/pose_squats.mp4"), 20.0, 2.0, maker.PathFor("squats-beyond.mp4")));
    }

    [Fact]
    public async Task The_thumbnail_is_a_480_wide_jpeg_of_the_clip()
    {
        var clip = await _writer.WriteClipAsync(TestMedia.File("video/pose_squats.mp4"), 1.0, 2.0, maker.PathFor("squats-thumb.mp4"));
        var thumbnail = maker.PathFor("squats-thumb.jpg");

        await _writer.WriteThumbnailAsync(clip, thumbnail);

        Assert.Equal([0xFF, 0xD8, 0xFF], (await File.ReadAllBytesAsync(thumbnail))[..3]);
        var video = (await new MediaProbe().ProbeAsync(thumbnail)).Video!;
        Assert.Equal(("mjpeg", 480, 853), (video.CodecName, video.Width, video.Height));
    }

    [Fact]
    public async Task Writing_the_same_clip_again_overwrites_it()
    {
        var path = maker.PathFor("again.mp4");
        await _writer.WriteClipAsync(TestMedia.File("video/pose_squats.mp4"), 0, 1.0, path);

        var again = await _writer.WriteClipAsync(TestMedia.File("video/pose_squats.mp4"), 0, 2.0, path);

        Assert.Equal(60, again.FrameCount);
        Assert.Equal(60, (await new MediaProbe().ProbeAsync(path)).Video!.FrameCount);
    }

    private static JsonElement Ffprobe(string path, params string[] arguments)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-v", "error", "-select_streams", "v:0", "-print_format", "json", .. arguments, path]) start.ArgumentList.Add(argument);
        using var ffprobe = Process.Start(start)!;
        var output = ffprobe.StandardOutput.ReadToEnd();
        ffprobe.WaitForExit();
        Assert.Equal(0, ffprobe.ExitCode);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
