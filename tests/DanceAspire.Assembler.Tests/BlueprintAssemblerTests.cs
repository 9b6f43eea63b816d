using DanceAspire.Assembler.Assembly;
using DanceAspire.Media;

namespace DanceAspire.Assembler.Tests;

[Collection(AssemblyMediaCollection.Name)]
public sealed class BlueprintAssemblerTests(AssemblyMedia media)
{
    private static readonly TestMove[] FourCuts = [new("red"), new("green"), new("blue"), new("white")];

    [Fact]
    public async Task Plain_cuts_are_joined_by_stream_copy_with_the_song_under_them()
    {
        var blueprint = TestBlueprints.Create(FourCuts);
        var output = media.Output("plain");
        var reported = new List<double>();

        var result = await AssemblyMedia.Assembler().AssembleAsync(blueprint, media.Sources(blueprint), output, done =>
        {
            reported.Add(done);
            return ValueTask.CompletedTask;
        });

        Assert.True(result.StreamCopy, result.ReencodeReason);
        Assert.Equal(2, result.FfmpegRuns); // the soundtrack, then the mux that joins the clips
        var info = await OutputReader.ProbeAsync(output);
        Assert.InRange(info.DurationSeconds!.Value, 3.9, 4.1);
        Assert.Equal("aac", info.Audio?.CodecName);
        Assert.Equal(120, info.Video!.FrameCount);
        // A copied stream keeps the clips' own H.264 parameter sets; a re-encode would bring its own.
        var clip = await new ClipProbe(FfmpegTools.Default).ProbeAsync(media.Clip("red"), CancellationToken.None);
        var made = await new ClipProbe(FfmpegTools.Default).ProbeAsync(output, CancellationToken.None);
        Assert.Equal(clip.ExtradataHash, made.ExtradataHash);
        Assert.NotEmpty(reported);
        Assert.Equal(reported.Order(), reported);
    }

    [Fact]
    public async Task Every_plain_cut_lands_on_its_start_time_to_the_frame()
    {
        var blueprint = TestBlueprints.Create(FourCuts);
        var output = media.Output("plain-cuts");

        await AssemblyMedia.Assembler().AssembleAsync(blueprint, media.Sources(blueprint), output);

        // Frame 30k - 1 is the last of one clip, 30k the first of the next: start_time 1, 2, 3 s at 30 fps.
        var frames = OutputReader.FrameColors(output, 29, 30, 59, 60, 89, 90, 119);
        AssertColor("red", frames[0]);
        AssertColor("green", frames[1]);
        AssertColor("green", frames[2]);
        AssertColor("blue", frames[3]);
        AssertColor("blue", frames[4]);
        AssertColor("white", frames[5]);
        AssertColor("white", frames[6]);
    }

    [Fact]
    public async Task The_song_is_normalized_to_the_loudness_target()
    {
        var blueprint = TestBlueprints.Create(FourCuts, fade: 0.5);
        var output = media.Output("loudness");

        await AssemblyMedia.Assembler().AssembleAsync(blueprint, media.Sources(blueprint), output);

        Assert.True(OutputReader.IntegratedLoudness(media.Song, media.Folder.FullName) < -30, "the test song should start far from the target");
        Assert.InRange(OutputReader.IntegratedLoudness(output, media.Folder.FullName), new AssemblerOptions().LoudnessTarget - 1.5, new AssemblerOptions().LoudnessTarget + 1.5);
    }

    [Fact]
    public async Task A_crossfade_blends_the_clips_and_shortens_the_video_by_the_overlap()
    {
        // 1 s + 1 s with a 0.4 s crossfade: 1.6 s, the blend over frames 18..29.
        var blueprint = TestBlueprints.Create([new("red"), new("blue", Transition: "crossfade")], transition: 0.4);
        var output = media.Output("crossfade");

        var result = await AssemblyMedia.Assembler().AssembleAsync(blueprint, media.Sources(blueprint), output);

        Assert.False(result.StreamCopy);
        Assert.Contains("crossfade", result.ReencodeReason);
        var info = await OutputReader.ProbeAsync(output);
        Assert.InRange(info.DurationSeconds!.Value, 1.5, 1.7);
        Assert.Equal(48, info.Video!.FrameCount);
        var frames = OutputReader.FrameColors(output, 10, 24, 40);
        AssertColor("red", frames[0]);
        Assert.InRange(frames[1].R, 80, 175);
        Assert.InRange(frames[1].B, 80, 175);
        AssertColor("blue", frames[2]);
    }

    [Fact]
    public async Task A_fade_through_black_darkens_the_join_and_keeps_the_timeline()
    {
        var blueprint = TestBlueprints.Create([new("red"), new("blue", Transition: "fade_black")], fade: 0.3);
        var output = media.Output("fade-black");

        await AssemblyMedia.Assembler().AssembleAsync(blueprint, media.Sources(blueprint), output);

        var info = await OutputReader.ProbeAsync(output);
        Assert.InRange(info.DurationSeconds!.Value, 1.9, 2.1);
        var frames = OutputReader.FrameColors(output, 10, 29, 30, 50);
        AssertColor("red", frames[0]);
        Assert.True(frames[1].R < 40 && frames[2].B < 40, $"the join should be dark: {frames[1]}, {frames[2]}");
        AssertColor("blue", frames[3]);
    }

    [Fact]
    public async Task Clips_that_do_not_match_the_output_are_reencoded_to_it()
    {
        var blueprint = TestBlueprints.Create([new("red"), new("odd"), new("blue")]);
        var output = media.Output("odd");

        var result = await AssemblyMedia.Assembler().AssembleAsync(blueprint, media.Sources(blueprint), output);

        Assert.False(result.StreamCopy);
        Assert.Contains("640x360", result.ReencodeReason);
        var video = (await OutputReader.ProbeAsync(output)).Video!;
        Assert.Equal((720, 1280), (video.Width, video.Height));
        Assert.Equal(30, video.AverageFrameRatePerSecond, 3);
        Assert.Equal(90, video.FrameCount);
        var frames = OutputReader.FrameColors(output, 29, 30, 59, 60);
        AssertColor("red", frames[0]);
        Assert.True(frames[1] is { R: > 200, G: < 60, B: > 200 }, $"frame 30 should be the magenta clip: {frames[1]}");
        Assert.True(frames[2] is { R: > 200, G: < 60, B: > 200 }, $"frame 59 should be the magenta clip: {frames[2]}");
        AssertColor("blue", frames[3]);
        // Scaled to fit and padded, not stretched: 640x360 becomes 720x405 between black bars.
        Assert.True(OutputReader.FrameColors(output, "crop=64:64:0:0", 45)[0] is { R: < 30, G: < 30, B: < 30 }, "the letterbox bar should be black");
    }

    [Fact]
    public async Task A_clip_with_b_frames_trimmed_at_its_end_is_cut_on_the_frame()
    {
        // The concat demuxer cuts a stream copy by decode time; with B-frames that shows frames past the cut, so this re-encodes.
        var blueprint = TestBlueprints.Create([new("red", Duration: 0.5, TrimEnd: 0.5), new("green")]);
        var output = media.Output("trimmed");

        var result = await AssemblyMedia.Assembler().AssembleAsync(blueprint, media.Sources(blueprint), output);

        Assert.False(result.StreamCopy);
        Assert.Contains("B-frames", result.ReencodeReason);
        Assert.Equal(45, (await OutputReader.ProbeAsync(output)).Video!.FrameCount);
        var frames = OutputReader.FrameColors(output, 14, 15);
        AssertColor("red", frames[0]);
        AssertColor("green", frames[1]);
    }

    [Fact]
    public async Task A_timeline_longer_than_one_run_is_rendered_in_parts_that_join_seamlessly()
    {
        // Two clips a run: the parts end at quiet frames, so the crossfade and the fade through black are each drawn whole.
        var blueprint = TestBlueprints.Create([new("red"), new("green", Transition: "crossfade"), new("blue"), new("white", Transition: "fade_black"), new("red")],
            transition: 0.4, fade: 0.2);
        var output = media.Output("parts");

        var result = await AssemblyMedia.Assembler(new AssemblerOptions { MaxClipsPerRun = 2 }).AssembleAsync(blueprint, media.Sources(blueprint), output);

        Assert.True(result.FfmpegRuns > 2, $"{result.FfmpegRuns} runs");
        var info = await OutputReader.ProbeAsync(output);
        Assert.InRange(info.DurationSeconds!.Value, 4.5, 4.7);
        Assert.Equal(138, info.Video!.FrameCount);
        // red 0..29, green 18..47 (blend 18..29), blue 48..77, white 78..107 (fades 72..83), red 108..137.
        var frames = OutputReader.FrameColors(output, 10, 24, 40, 47, 48, 60, 77, 78, 95, 107, 108, 137);
        AssertColor("red", frames[0]);
        Assert.True(frames[1] is { R: > 80 and < 175, G: > 30 and < 100, B: < 40 }, $"mid-crossfade should blend red and green: {frames[1]}");
        AssertColor("green", frames[2]);
        AssertColor("green", frames[3]);
        AssertColor("blue", frames[4]);
        AssertColor("blue", frames[5]);
        Assert.True(frames[6].B < 60 && frames[7].R < 60, $"the fade through black should be dark at the join: {frames[6]}, {frames[7]}");
        AssertColor("white", frames[8]);
        AssertColor("white", frames[9]);
        AssertColor("red", frames[10]);
        AssertColor("red", frames[11]);
    }

    [Fact]
    public async Task A_song_without_audio_is_refused_naming_the_audio_path()
    {
        var blueprint = TestBlueprints.Create([new("red")]);
        var sources = media.Sources(blueprint) with { Audio = media.Clip("green") };

        var error = await Assert.ThrowsAsync<AssemblyInputException>(() => AssemblyMedia.Assembler().AssembleAsync(blueprint, sources, media.Output("no-song")));

        Assert.Contains(error.Errors, e => e.Path == "audio.path" && e.Message.Contains("matches no streams", StringComparison.Ordinal));
    }

    /// <summary>Within H.264's rounding of a solid colour.</summary>
    private static void AssertColor(string expected, (byte R, byte G, byte B) actual)
    {
        var (r, g, b) = AssemblyMedia.Colors[expected];
        Assert.True(Math.Abs(r - actual.R) < 40 && Math.Abs(g - actual.G) < 40 && Math.Abs(b - actual.B) < 40,
            $"expected {expected} ({r}, {g}, {b}), got ({actual.R}, {actual.G}, {actual.B})");
    }
}
