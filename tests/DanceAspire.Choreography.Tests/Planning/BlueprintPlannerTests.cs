using System.Text.Json;
using DanceAspire.Choreography.Blueprints;
using DanceAspire.Choreography.Planning;
using static DanceAspire.Choreography.Tests.Planning.PlanningFixtures;

namespace DanceAspire.Choreography.Tests.Planning;

public class BlueprintPlannerTests
{
    private static readonly MoveCandidate[] FourMoves =
    [
        Move("a", 4.1), Move("b", 4.2, first: Pose(0.1f), last: Pose(0.1f)), Move("c", 8.3), Move("d", 2.2),
    ];

    private static Blueprint PlanOk(SongTiming song, IReadOnlyList<MoveCandidate> moves, PlanRequest request, out PlanDiagnostics diagnostics)
    {
        var result = BlueprintPlanner.Plan(song, moves, request);
        Assert.True(result.Succeeded, result.Error);
        diagnostics = result.Diagnostics;
        return result.Blueprint;
    }

    private static Blueprint PlanOk(SongTiming song, IReadOnlyList<MoveCandidate> moves, PlanRequest request) => PlanOk(song, moves, request, out _);

    [Fact]
    public void Every_cut_falls_on_a_frame_within_half_a_frame_of_a_beat_even_when_beats_are_not_frame_aligned()
    {
        var song = Song(bpm: 123, bars: 24, pickup: 0.37);
        var blueprint = PlanOk(song, FourMoves, Request());

        Assert.True(blueprint.Moves.Count > 4);
        foreach (var move in blueprint.Moves.Skip(1))
        {
            Assert.True(IsOnFrame(move.StartTime), $"cut at {move.StartTime} is not on a frame");
            var nearest = song.Beats.Min(b => Math.Abs(b - move.StartTime));
            Assert.True(nearest <= 0.5 / Fps + 1e-9, $"cut at {move.StartTime} is {nearest * 1000:0.0} ms from the nearest beat");
        }
    }

    [Fact]
    public void Cuts_land_on_downbeats_when_the_song_has_them()
    {
        var song = Song(bpm: 97, bars: 20, pickup: 0.8);
        var blueprint = PlanOk(song, FourMoves, Request());

        foreach (var move in blueprint.Moves.Skip(1))
            Assert.True(song.Downbeats.Min(d => Math.Abs(d - move.StartTime)) <= 0.5 / Fps + 1e-9, $"cut at {move.StartTime} is not on a downbeat");
    }

    [Fact]
    public void Without_downbeats_cuts_fall_every_four_beats_from_the_first_beat()
    {
        var song = Song(bpm: 120, bars: 12, downbeats: false);
        var blueprint = PlanOk(song, FourMoves, Request());

        foreach (var move in blueprint.Moves.Skip(1))
            Assert.Equal(0, ToFrames(move.StartTime) % 60);
    }

    [Fact]
    public void Moves_fill_whole_bars_and_follow_each_other_without_gaps_or_drift()
    {
        var song = Song(bpm: 111, bars: 32);
        var blueprint = PlanOk(song, FourMoves, Request());
        var barFrames = 4 * 60 / 111.0 * Fps;

        long end = 0;
        foreach (var move in blueprint.Moves)
        {
            Assert.Equal(end, ToFrames(move.StartTime));
            Assert.True(IsOnFrame(move.Duration));
            var bars = ToFrames(move.Duration) / barFrames;
            Assert.True(Math.Abs(bars - Math.Round(bars)) * barFrames <= 1.0 + 1e-9, $"{move.Duration} s is not whole bars");
            Assert.True(Math.Round(bars) >= 1);
            end += ToFrames(move.Duration);
        }
        Assert.Equal(end, ToFrames(blueprint.TotalDuration));
        Assert.Equal(blueprint.Moves.Sum(m => m.Duration), blueprint.TotalDuration, 1e-9);
    }

    [Fact]
    public void A_move_is_used_for_as_many_whole_bars_as_its_clip_holds_and_trimmed_at_the_end()
    {
        // 2 s bars; a 5.3 s clip holds two bars and is trimmed by 1.3 s.
        var blueprint = PlanOk(Song(bars: 4), [Move("only", 5.3), Move("other", 5.3)], Request());

        Assert.All(blueprint.Moves, m =>
        {
            Assert.Equal(4.0, m.Duration, 1e-9);
            Assert.Equal(0, m.TrimStart);
            Assert.Equal(1.3, m.TrimEnd, 1e-9);
            Assert.Equal(5.3, m.OriginalDuration);
        });
        Assert.Equal(8.0, blueprint.TotalDuration, 1e-9);
    }

    [Fact]
    public void The_first_move_starts_at_zero_and_covers_the_pickup_before_the_first_downbeat()
    {
        var song = Song(bpm: 120, bars: 8, pickup: 0.5);
        var blueprint = PlanOk(song, [Move("a", 4.6), Move("b", 4.6)], Request());

        Assert.Equal(0, blueprint.Moves[0].StartTime);
        Assert.Equal(4.5, blueprint.Moves[0].Duration, 1e-9);
        Assert.Equal(4.5, blueprint.Moves[1].StartTime, 1e-9);
    }

    [Fact]
    public void No_move_follows_itself_when_there_are_two_or_more()
    {
        var blueprint = PlanOk(Song(bars: 32), [Move("a", 4.1), Move("b", 4.1, first: Pose(2), last: Pose(2))], Request());

        Assert.True(blueprint.Moves.Count >= 8);
        for (var i = 1; i < blueprint.Moves.Count; i++)
            Assert.NotEqual(blueprint.Moves[i - 1].ClipId, blueprint.Moves[i].ClipId);
    }

    [Fact]
    public void A_single_move_library_repeats_that_move()
    {
        var blueprint = PlanOk(Song(bars: 8), [Move("solo", 4.1)], Request());

        Assert.Equal(4, blueprint.Moves.Count);
        Assert.All(blueprint.Moves, m => Assert.Equal("solo", m.ClipId));
    }

    [Fact]
    public void At_a_cut_the_candidate_whose_first_pose_is_closer_to_the_last_pose_comes_next()
    {
        // Everything else equal: "start" ends at pose 1; "near" begins at 1.05, "far" at 2; no other pair comes close.
        MoveCandidate[] moves =
        [
            Move("start", 4.1, first: Pose(-30), last: Pose(1)),
            Move("far", 4.1, first: Pose(2), last: Pose(10)),
            Move("near", 4.1, first: Pose(1.05f), last: Pose(20)),
        ];
        var blueprint = PlanOk(Song(bars: 4), moves, Request(), out var diagnostics);

        Assert.Equal(["start", "near"], blueprint.Moves.Select(m => m.ClipId));
        Assert.Equal(0.05 * Math.Sqrt(34), diagnostics.MeanPoseJump, 1e-4);
    }

    [Fact]
    public void A_high_energy_section_gets_the_high_energy_moves_and_a_calm_one_the_calm_moves()
    {
        var song = Song(bars: 16, sections: [(0, 15), (8, 90)]);
        MoveCandidate[] moves = [Move("calm1", 4.1, energy: 10), Move("calm2", 4.1, energy: 20), Move("hot1", 4.1, energy: 95), Move("hot2", 4.1, energy: 85)];

        var blueprint = PlanOk(song, moves, Request());

        Assert.All(blueprint.Moves.Where(m => m.StartTime < 16), m => Assert.StartsWith("calm", m.ClipId));
        Assert.All(blueprint.Moves.Where(m => m.StartTime >= 16), m => Assert.StartsWith("hot", m.ClipId));
        Assert.Contains(blueprint.Moves, m => m.StartTime == 16);
    }

    [Fact]
    public void A_high_energy_request_picks_energetic_moves_even_in_a_calm_song()
    {
        var song = Song(bars: 8, sections: [(0, 30)]);
        MoveCandidate[] moves = [Move("calm1", 4.1, energy: 30), Move("calm2", 4.1, energy: 30), Move("hot1", 4.1, energy: 80), Move("hot2", 4.1, energy: 80)];

        var followed = PlanOk(song, moves, Request());
        var high = PlanOk(song, moves, Request() with { Energy = EnergyLevel.High });

        Assert.All(followed.Moves, m => Assert.StartsWith("calm", m.ClipId));
        Assert.All(high.Moves, m => Assert.StartsWith("hot", m.ClipId));
    }

    [Fact]
    public void Moves_near_the_requested_difficulty_are_preferred()
    {
        MoveCandidate[] moves =
        [
            Move("easy1", 4.1, difficulty: 1), Move("easy2", 4.1, difficulty: 1),
            Move("hard1", 4.1, difficulty: 5), Move("hard2", 4.1, difficulty: 5),
        ];

        Assert.All(PlanOk(Song(bars: 8), moves, Request(difficulty: 1)).Moves, m => Assert.StartsWith("easy", m.ClipId));
        Assert.All(PlanOk(Song(bars: 8), moves, Request(difficulty: 5)).Moves, m => Assert.StartsWith("hard", m.ClipId));
    }

    [Fact]
    public void The_requested_style_is_honoured_ignoring_case_and_hyphens()
    {
        MoveCandidate[] moves =
        [
            Move("ballet1", 4.1, styles: ["ballet"]), Move("ballet2", 4.1, styles: ["ballet"]),
            Move("hiphop1", 4.1, styles: ["hiphop"], first: Pose(2), last: Pose(2)), Move("hiphop2", 4.1, styles: ["HipHop", "house"], first: Pose(2), last: Pose(2)),
        ];

        var blueprint = PlanOk(Song(bars: 16), moves, Request() with { Style = "Hip-Hop" }, out var diagnostics);

        Assert.All(blueprint.Moves, m => Assert.StartsWith("hiphop", m.ClipId));
        Assert.False(diagnostics.StyleFallback);
    }

    [Fact]
    public void A_style_that_no_move_has_falls_back_to_any_move()
    {
        MoveCandidate[] moves = [Move("ballet1", 4.1, styles: ["ballet"]), Move("house1", 4.1, styles: ["house"])];

        var blueprint = PlanOk(Song(bars: 8), moves, Request() with { Style = "salsa" }, out var diagnostics);

        Assert.Equal(4, blueprint.Moves.Count);
        Assert.True(diagnostics.StyleFallback);
        Assert.True(blueprint.GenerationParameters.GetProperty("style_fallback").GetBoolean());
    }

    [Fact]
    public void The_blueprint_passes_the_validator_and_survives_a_json_round_trip()
    {
        var blueprint = PlanOk(Song(bpm: 128, bars: 40, pickup: 0.3, sections: [(0, 30), (16, 80), (32, 40)]), FourMoves, Request());

        Assert.Empty(BlueprintValidator.Check(blueprint, BlueprintLimits.Default));
        var json = JsonSerializer.Serialize(blueprint, BlueprintJsonContext.Default.Blueprint);
        var validation = BlueprintValidator.Validate(json, BlueprintLimits.Default);
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors));
    }

    [Fact]
    public void The_total_duration_is_the_end_of_the_last_move_and_never_past_the_song()
    {
        var song = Song(bpm: 100, bars: 10, pickup: 0.2);
        var blueprint = PlanOk(song, FourMoves, Request());

        var last = blueprint.Moves[^1];
        Assert.Equal(last.StartTime + last.Duration, blueprint.TotalDuration, 1e-9);
        Assert.True(blueprint.TotalDuration <= song.DurationSeconds);
        Assert.True(blueprint.TotalDuration > song.DurationSeconds - 2.4 - 1.0 / Fps);
        Assert.Equal(song.DurationSeconds, blueprint.Audio.Duration);
        Assert.Equal(song.AudioPath, blueprint.Audio.Path);
    }

    [Fact]
    public void A_maximum_duration_ends_the_video_on_the_last_bar_that_fits()
    {
        var blueprint = PlanOk(Song(bars: 60), FourMoves, Request() with { MaxDurationSeconds = 31 });

        Assert.Equal(30.0, blueprint.TotalDuration, 1e-9);
        Assert.True(blueprint.Moves.Sum(m => m.Duration) <= 31);
    }

    [Fact]
    public void Crossfades_overlap_the_outgoing_move_so_every_incoming_move_still_starts_on_its_bar()
    {
        var blueprint = PlanOk(Song(bars: 16), [Move("a", 4.6), Move("b", 4.6), Move("c", 4.6)], Request() with { Transition = TransitionType.Crossfade });

        Assert.All(blueprint.Moves.Skip(1), m => Assert.Equal(TransitionType.Crossfade, m.TransitionType));
        Assert.All(blueprint.Moves.Select(m => m.StartTime), t => Assert.Equal(0, ToFrames(t) % 60));
        Assert.All(blueprint.Moves.SkipLast(1), m => Assert.Equal(4.5, m.Duration, 1e-9));
        Assert.Equal(4.0, blueprint.Moves[^1].Duration, 1e-9);
        Assert.Equal(32.0, blueprint.TotalDuration, 1e-9);
        Assert.Empty(BlueprintValidator.Check(blueprint, BlueprintLimits.Default));
    }

    [Fact]
    public void A_crossfade_whose_clip_has_no_footage_to_spare_becomes_a_cut()
    {
        var blueprint = PlanOk(Song(bars: 4), [Move("a", 2.0), Move("b", 2.0)], Request() with { Transition = TransitionType.Crossfade });

        Assert.All(blueprint.Moves, m => Assert.Equal(TransitionType.Cut, m.TransitionType));
        Assert.Equal(8.0, blueprint.TotalDuration, 1e-9);
        Assert.Empty(BlueprintValidator.Check(blueprint, BlueprintLimits.Default));
    }

    [Fact]
    public void Moves_shorter_than_a_bar_are_skipped()
    {
        var blueprint = PlanOk(Song(bars: 8), [Move("short", 1.5), Move("a", 2.1), Move("b", 2.1)], Request(), out var diagnostics);

        Assert.DoesNotContain(blueprint.Moves, m => m.ClipId == "short");
        Assert.Equal(1, diagnostics.SkippedCandidates);
    }

    [Fact]
    public void A_library_of_moves_all_shorter_than_a_bar_fails_with_a_clear_message()
    {
        var result = BlueprintPlanner.Plan(Song(bars: 8), [Move("a", 1.0), Move("b", 1.9)], Request());

        Assert.False(result.Succeeded);
        Assert.Null(result.Blueprint);
        Assert.Contains("at least one bar", result.Error);
    }

    [Fact]
    public void An_empty_library_fails_with_a_clear_message()
    {
        var result = BlueprintPlanner.Plan(Song(), [], Request());

        Assert.False(result.Succeeded);
        Assert.Equal("There are no moves to choose from.", result.Error);
    }

    [Fact]
    public void A_song_without_tempo_or_beats_fails_with_a_clear_message()
    {
        var song = new SongTiming("songs/x/a.m4a", 30, 0, [], [], 0, []);

        var result = BlueprintPlanner.Plan(song, FourMoves, Request());

        Assert.False(result.Succeeded);
        Assert.Contains("tempo", result.Error);
    }

    [Fact]
    public void A_song_with_only_a_tempo_is_cut_on_a_grid_laid_from_that_tempo()
    {
        var song = new SongTiming("songs/x/a.m4a", 16, 120, [], [], 0, []);

        var blueprint = PlanOk(song, FourMoves, Request());

        Assert.Equal(16.0, blueprint.TotalDuration, 1e-9);
        Assert.All(blueprint.Moves, m => Assert.Equal(0, ToFrames(m.StartTime) % 60));
    }

    [Fact]
    public void An_out_of_range_difficulty_is_a_failure_not_an_exception()
    {
        var result = BlueprintPlanner.Plan(Song(), FourMoves, Request(difficulty: 7));

        Assert.False(result.Succeeded);
        Assert.Contains("Difficulty 7", result.Error);
    }

    [Fact]
    public void The_same_inputs_give_the_same_blueprint()
    {
        var song = Song(bpm: 126, bars: 48, pickup: 0.4, sections: [(0, 20), (16, 70), (32, 90)]);
        var random = new Random(5);
        var moves = Enumerable.Range(0, 40).Select(i => Move($"m{i:00}", 2 + random.NextDouble() * 8, random.Next(0, 101), random.Next(1, 6),
            [random.Next(2) == 0 ? "hiphop" : "house"], Pose((float)random.NextDouble()), Pose((float)random.NextDouble()))).ToArray();
        var request = Request() with { Style = "house", Energy = EnergyLevel.Medium };

        var first = JsonSerializer.Serialize(PlanOk(song, moves, request), BlueprintJsonContext.Default.Blueprint);
        var second = JsonSerializer.Serialize(PlanOk(song, moves.Reverse().ToArray(), request), BlueprintJsonContext.Default.Blueprint);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generation_parameters_record_the_request_in_snake_case()
    {
        var request = Request(difficulty: 2) with { Energy = EnergyLevel.High, Style = "house", MaxDurationSeconds = 20, Transition = TransitionType.FadeBlack };

        var parameters = PlanOk(Song(), FourMoves, request).GenerationParameters;

        Assert.Equal(2, parameters.GetProperty("difficulty").GetInt32());
        Assert.Equal("high", parameters.GetProperty("energy").GetString());
        Assert.Equal("house", parameters.GetProperty("style").GetString());
        Assert.Equal(20, parameters.GetProperty("max_duration_seconds").GetDouble());
        Assert.Equal("fade_black", parameters.GetProperty("transition").GetString());
        Assert.Equal(4, parameters.GetProperty("candidate_count").GetInt32());
    }

    [Fact]
    public void Diagnostics_list_the_cut_times_and_the_chosen_moves_in_order()
    {
        var blueprint = PlanOk(Song(bars: 8), FourMoves, Request(), out var diagnostics);

        Assert.Equal(blueprint.Moves.Select(m => m.ClipId), diagnostics.MoveIds);
        Assert.Equal(blueprint.Moves.Skip(1).Select(m => m.StartTime), diagnostics.CutTimes);
    }
}
