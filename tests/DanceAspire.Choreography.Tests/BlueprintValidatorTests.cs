using System.Text.Json;
using System.Text.Json.Nodes;
using DanceAspire.Choreography.Blueprints;

namespace DanceAspire.Choreography.Tests;

public class BlueprintValidatorTests
{
    private static readonly BlueprintLimits Limits = new() { MoveContainers = ["moves"], AudioContainers = ["songs"] };

    /// <summary>Three 4 s clips; the second is entered by a 0.5 s crossfade, so the total is 11.5 s.</summary>
    internal static JsonObject ValidBlueprint() => new()
    {
        ["schema_version"] = 1,
        ["task_id"] = "6f1d2c1e-8a0b-4a43-9d7a-0c1b2d3e4f50",
        ["audio"] = new JsonObject { ["path"] = "songs/6f1d2c1e/song.m4a", ["tempo"] = 120.0, ["duration"] = 30.0 },
        ["moves"] = new JsonArray(
            Move("cut", 0), Move("crossfade", 3.5), Move("fade_black", 7.5)),
        ["total_duration"] = 11.5,
        ["difficulty_level"] = 3,
        ["generation_parameters"] = new JsonObject { ["style"] = "hiphop", ["energy"] = 70, ["seed"] = 42 },
        ["output_config"] = new JsonObject
        {
            ["format"] = "mp4", ["video_codec"] = "h264", ["audio_codec"] = "aac", ["video_bitrate"] = "5M",
            ["audio_bitrate"] = "192k", ["frame_rate"] = 30.0, ["resolution"] = "1280x720",
            ["transition_duration"] = 0.5, ["fade_duration"] = 0.25, ["normalize_audio"] = true,
        },
    };

    private static JsonObject Move(string transition, double start) => new()
    {
        ["clip_id"] = Guid.NewGuid().ToString(),
        ["video_path"] = $"moves/{Guid.NewGuid()}/clip.mp4",
        ["start_time"] = start,
        ["duration"] = 4.0,
        ["transition_type"] = transition,
        ["original_duration"] = 6.0,
        ["trim_start"] = 0.5,
        ["trim_end"] = 1.5,
        ["volume_adjustment"] = 1.0,
    };

    private static BlueprintValidation Validate(Action<JsonObject> change)
    {
        var blueprint = ValidBlueprint();
        change(blueprint);
        return BlueprintValidator.Validate(blueprint.ToJsonString(), Limits);
    }

    private static BlueprintError SingleError(BlueprintValidation result)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Blueprint);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void A_valid_blueprint_is_accepted_and_serializes_back_to_the_same_json()
    {
        var json = ValidBlueprint().ToJsonString();

        var result = BlueprintValidator.Validate(json, Limits);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var blueprint = result.Blueprint!;
        Assert.Equal(3, blueprint.Moves.Count);
        Assert.Equal(TransitionType.FadeBlack, blueprint.Moves[2].TransitionType);
        Assert.Equal("1280x720", blueprint.OutputConfig.Resolution);
        Assert.Equal(42, blueprint.GenerationParameters.GetProperty("seed").GetInt32());
        var written = JsonSerializer.Serialize(blueprint, BlueprintJsonContext.Default.Blueprint);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
    }

    [Theory]
    [InlineData("../x", "'.' or '..'")]
    [InlineData("moves/../songs/x.mp4", "'.' or '..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("http://evil/x.mp4", "scheme")]
    [InlineData("file:///etc/passwd", "scheme")]
    [InlineData("moves\\a\\clip.mp4", "backslash")]
    [InlineData("moves//clip.mp4", "empty segment")]
    [InlineData("moves/a/", "empty segment")]
    [InlineData("moves", "names no blob")]
    [InlineData("moves/%2e%2e/clip.mp4", "'%'")]
    [InlineData("songs/abc/song.mp4", "container 'songs' is not allowed")]
    [InlineData("", "is empty")]
    public void A_clip_path_that_could_leave_the_allowed_containers_is_rejected_at_that_field(string path, string reason)
    {
        var error = SingleError(Validate(b => b["moves"]![1]!["video_path"] = path));

        Assert.Equal("moves[1].video_path", error.Path);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Audio_from_a_container_not_allowed_for_songs_is_rejected()
    {
        var error = SingleError(Validate(b => b["audio"]!["path"] = "moves/x/song.m4a"));
        Assert.Equal("audio.path", error.Path);
    }

    [Theory]
    [InlineData("duration", -1.0)]
    [InlineData("duration", 0.0)]
    [InlineData("original_duration", 0.0)]
    [InlineData("start_time", -0.5)]
    [InlineData("trim_start", -0.1)]
    [InlineData("volume_adjustment", -1.0)]
    public void A_negative_or_zero_time_is_rejected_at_that_field(string field, double value)
    {
        var result = Validate(b =>
        {
            b["moves"]![2]![field] = value;
            // Keep total_duration consistent so only the field under test is wrong.
            if (field == "duration") b["total_duration"] = 7.5 + value;
        });

        Assert.Equal($"moves[2].{field}", SingleError(result).Path);
    }

    [Fact]
    public void A_move_that_starts_in_a_gap_the_transitions_do_not_explain_is_rejected_at_its_start_time()
    {
        var error = SingleError(Validate(b => b["moves"]![2]!["start_time"] = 9.0));

        Assert.Equal("moves[2].start_time", error.Path);
        Assert.Contains("end at 7.5 s", error.Message);
    }

    [Fact]
    public void A_move_that_plays_longer_than_its_trimmed_clip_is_rejected_at_its_duration()
    {
        var error = SingleError(Validate(b =>
        {
            var last = b["moves"]![2]!;
            last["duration"] = 4.5;
            b["total_duration"] = 12.0;
        }));

        Assert.Equal("moves[2].duration", error.Path);
        Assert.Contains("trimmed clip lasts 4 s", error.Message);
    }

    [Fact]
    public void Trims_that_leave_nothing_of_the_clip_are_rejected()
    {
        var error = SingleError(Validate(b => b["moves"]![0]!["trim_end"] = 5.5));

        Assert.Equal("moves[0].trim_end", error.Path);
        Assert.Contains("original_duration 6", error.Message);
    }

    [Fact]
    public void Ten_thousand_moves_are_rejected_with_one_error_on_the_moves_field()
    {
        var result = Validate(b =>
        {
            var moves = new JsonArray();
            for (var i = 0; i < 10_000; i++) moves.Add(Move("cut", i * 4.0));
            b["moves"] = moves;
            b["total_duration"] = 40_000.0;
        });

        var error = SingleError(result);
        Assert.Equal("moves", error.Path);
        Assert.Contains("10000 moves; at most 500", error.Message);
    }

    [Fact]
    public void Moves_that_add_up_to_more_than_twenty_minutes_are_rejected()
    {
        var result = Validate(b =>
        {
            var moves = new JsonArray();
            for (var i = 0; i < 400; i++) moves.Add(Move("cut", i * 4.0));
            b["moves"] = moves;
            b["total_duration"] = 1600.0;
        });

        var error = SingleError(result);
        Assert.Equal("total_duration", error.Path);
        Assert.Contains("at most 1200 s", error.Message);
    }

    [Fact]
    public void A_string_where_a_number_belongs_is_reported_at_that_field_not_as_a_parse_error()
    {
        var error = SingleError(Validate(b => b["moves"]![1]!["duration"] = "four"));

        Assert.Equal("moves[1].duration", error.Path);
        Assert.Equal("must be a number, got the string \"four\"", error.Message);
    }

    [Fact]
    public void Wrong_json_types_anywhere_are_each_reported_at_their_field()
    {
        var result = Validate(b =>
        {
            b["schema_version"] = 1.5;
            b["audio"]!["tempo"] = null;
            b["output_config"]!["normalize_audio"] = "yes";
            b["generation_parameters"] = new JsonArray();
            b["moves"]![0] = 7;
        });

        Assert.Equal(
            ["schema_version", "audio.tempo", "moves[0]", "generation_parameters", "output_config.normalize_audio"],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void An_unknown_transition_is_rejected_with_the_allowed_ones_named()
    {
        var error = SingleError(Validate(b => b["moves"]![1]!["transition_type"] = "wipe"));

        Assert.Equal("moves[1].transition_type", error.Path);
        Assert.Contains("cut, crossfade, fade_black", error.Message);
    }

    [Fact]
    public void Missing_and_unknown_fields_are_named()
    {
        var result = Validate(b =>
        {
            b["moves"]![2]!.AsObject().Remove("clip_id");
            b.Remove("output_config");
            b["audio"]!["path_override"] = "x";
        });

        Assert.Equal(["audio.path_override", "moves[2].clip_id", "output_config"], result.Errors.Select(e => e.Path).Order());
        Assert.All(result.Errors.Where(e => e.Path != "audio.path_override"), e => Assert.Equal("is required", e.Message));
    }

    [Fact]
    public void A_total_duration_that_ignores_the_crossfade_overlap_is_rejected()
    {
        var error = SingleError(Validate(b => b["total_duration"] = 12.0));

        Assert.Equal("total_duration", error.Path);
        Assert.Contains("add up to 11.5 s", error.Message);
    }

    [Fact]
    public void A_total_duration_within_a_tenth_of_a_second_is_accepted()
    {
        Assert.True(Validate(b => b["total_duration"] = 11.58).IsValid);
    }

    [Theory]
    [InlineData("format", "mkv")]
    [InlineData("video_codec", "hevc")]
    [InlineData("audio_codec", "opus")]
    [InlineData("video_bitrate", "fast")]
    [InlineData("video_bitrate", "900M")]
    [InlineData("audio_bitrate", "-192k")]
    [InlineData("resolution", "7680x4320")]
    [InlineData("resolution", "1280*720")]
    [InlineData("resolution", "1281x720")]
    public void Output_settings_outside_the_allowed_sets_are_rejected(string field, string value)
    {
        var error = SingleError(Validate(b => b["output_config"]![field] = value));
        Assert.Equal($"output_config.{field}", error.Path);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(61.0)]
    public void A_frame_rate_outside_1_to_60_is_rejected(double frameRate)
    {
        var error = SingleError(Validate(b => b["output_config"]!["frame_rate"] = frameRate));
        Assert.Equal("output_config.frame_rate", error.Path);
    }

    [Fact]
    public void The_largest_allowed_resolution_is_accepted()
    {
        Assert.True(Validate(b => b["output_config"]!["resolution"] = "3840x2160").IsValid);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_position()
    {
        var result = BlueprintValidator.Validate("{\"schema_version\": 1,", Limits);

        var error = SingleError(result);
        Assert.Equal("$", error.Path);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void An_unsupported_schema_version_is_rejected()
    {
        Assert.Equal("schema_version", SingleError(Validate(b => b["schema_version"] = 2)).Path);
    }

    [Fact]
    public void A_blueprint_built_in_code_is_checked_by_the_same_rules()
    {
        var blueprint = BlueprintValidator.Validate(ValidBlueprint().ToJsonString(), Limits).Blueprint!;
        var broken = blueprint with { Moves = [blueprint.Moves[0] with { VideoPath = "../etc/passwd" }], TotalDuration = 4 };

        var error = Assert.Single(BlueprintValidator.Check(broken, Limits));
        Assert.Equal("moves[0].video_path", error.Path);
    }
}
