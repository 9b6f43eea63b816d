using DanceAspire.Assembler.Assembly;
using DanceAspire.Choreography.Blueprints;
using DanceAspire.Media;
using DanceAspire.Media.Probing;

namespace DanceAspire.Assembler.Tests;

public sealed class AssemblyPlanTests
{
    [Fact]
    public void Start_times_place_each_clip_in_whole_frames_with_the_crossfade_overlap()
    {
        var timeline = AssemblyTimeline.Create(TestBlueprints.Create([new("red"), new("blue", Transition: "crossfade"), new("green", Transition: "fade_black")], transition: 0.4, fade: 0.3));

        Assert.Equal(78, timeline.TotalFrames);
        Assert.Equal([0, 18, 48], timeline.Clips.Select(c => c.StartFrame));
        Assert.Equal([30, 30, 30], timeline.Clips.Select(c => c.Frames));
        Assert.Equal((TransitionType.Crossfade, 12), (timeline.Clips[1].Entry, timeline.Clips[1].EntryFrames));
        Assert.Equal(9, timeline.Clips[1].ExitFadeFrames);
        Assert.Equal((TransitionType.FadeBlack, 9), (timeline.Clips[2].Entry, timeline.Clips[2].EntryFrames));
    }

    [Fact]
    public void A_start_time_that_disagrees_with_the_durations_is_refused_naming_the_field()
    {
        var json = TestBlueprints.Json([new("red"), new("green"), new("blue")]).Replace("\"start_time\":2", "\"start_time\":2.5", StringComparison.Ordinal);
        // The validator stops it first; the timeline refuses it too, for a blueprint built in code without the validator.
        Assert.Contains(BlueprintValidator.Validate(json, BlueprintLimits.Default).Errors, e => e.Path == "moves[2].start_time");
        var blueprint = System.Text.Json.JsonSerializer.Deserialize(json, BlueprintJsonContext.Default.Blueprint)!;

        var error = Assert.Throws<AssemblyInputException>(() => AssemblyTimeline.Create(blueprint));

        Assert.Contains(error.Errors, e => e.Path == "moves[2].start_time");
    }

    [Fact]
    public void Matching_whole_clips_joined_by_cuts_are_stream_copied_without_outpoints()
    {
        var timeline = AssemblyTimeline.Create(TestBlueprints.Create([new("red"), new("green")]));

        var plan = AssemblyPlan.Create(timeline, Sources(timeline), maxClipsPerRun: 8);

        Assert.True(plan.StreamCopy, plan.ReencodeReason);
        Assert.All(plan.CopyEntries, e => Assert.Null(e.OutpointSeconds));
    }

    [Fact]
    public void A_clip_without_b_frames_trimmed_at_its_end_is_stream_copied_up_to_an_outpoint()
    {
        var timeline = AssemblyTimeline.Create(TestBlueprints.Create([new("red", Duration: 0.5, TrimEnd: 0.5), new("green")]));

        var plan = AssemblyPlan.Create(timeline, Sources(timeline, bFrames: 0), maxClipsPerRun: 8);

        Assert.True(plan.StreamCopy, plan.ReencodeReason);
        Assert.Equal([0.5, null], plan.CopyEntries.Select(e => e.OutpointSeconds));
        Assert.Contains("outpoint 0.5\n", AssemblyCommands.ConcatList(plan.CopyEntries));
    }

    [Fact]
    public void A_long_timeline_is_split_into_runs_of_few_clips_that_never_cut_through_a_transition()
    {
        var moves = Enumerable.Range(0, 21).Select(i => new TestMove(i % 2 == 0 ? "red" : "blue", Transition: (i % 3) switch { 0 => "cut", 1 => "crossfade", _ => "fade_black" })).ToList();
        var timeline = AssemblyTimeline.Create(TestBlueprints.Create(moves));

        var plan = AssemblyPlan.Create(timeline, Sources(timeline), maxClipsPerRun: 4);

        Assert.False(plan.StreamCopy);
        Assert.True(plan.Chunks.Count >= 6, $"{plan.Chunks.Count} chunks");
        Assert.Equal(0, plan.Chunks[0].StartFrame);
        Assert.Equal(timeline.TotalFrames, plan.Chunks[^1].EndFrame);
        for (var i = 0; i < plan.Chunks.Count; i++)
        {
            var chunk = plan.Chunks[i];
            Assert.InRange(chunk.Spans.Count, 1, 4);
            Assert.Equal(chunk.Frames, chunk.Spans.Sum(s => s.Frames) - chunk.Spans.Where(s => s.StartsHere && s.Clip.Entry == TransitionType.Crossfade).Sum(s => s.Clip.EntryFrames));
            if (i > 0) Assert.Equal(plan.Chunks[i - 1].EndFrame, chunk.StartFrame);
            foreach (var clip in timeline.Clips)
            {
                Assert.False(clip.EntryFrames > 0 && chunk.StartFrame > clip.StartFrame && chunk.StartFrame < clip.StartFrame + clip.EntryFrames,
                    $"chunk {i} starts inside moves[{clip.Move}]'s entry");
            }
        }
    }

    [Fact]
    public void A_clip_shorter_than_the_blueprint_says_is_refused_naming_the_move()
    {
        var timeline = AssemblyTimeline.Create(TestBlueprints.Create([new("red"), new("green")]));
        var sources = Sources(timeline);
        sources["moves/green.mp4"] = sources["moves/green.mp4"] with { Video = sources["moves/green.mp4"].Video with { DurationSeconds = 0.5 } };

        var error = Assert.Throws<AssemblyInputException>(() => AssemblyPlan.Create(timeline, sources, maxClipsPerRun: 8));

        Assert.Contains(error.Errors, e => e.Path == "moves[1].video_path");
    }

    [Fact]
    public void Concat_list_paths_with_quotes_are_escaped()
    {
        var list = AssemblyCommands.ConcatList([new CopyEntry("/tmp/it's.mp4", null)]);

        Assert.Contains(@"file '/tmp/it'\''s.mp4'", list);
    }

    /// <summary>Every clip as the library normalizes it: 1 s of 720x1280 H.264 at 30 fps, the same parameter sets.</summary>
    private static Dictionary<string, SourceClip> Sources(AssemblyTimeline timeline, int bFrames = 2) =>
        timeline.Clips.Select(c => c.VideoPath).Distinct().ToDictionary(p => p, p => new SourceClip(
            "/media/" + p,
            new MediaStreamInfo(0, "video", "h264", 720, 1280, 0, new FrameRate(30, 1), new FrameRate(30, 1), 30, AssemblyMedia.ClipSeconds, false),
            AssemblyMedia.ClipSeconds, "yuv420p", bFrames, "SHA256:same", "1:1", 0));
}
