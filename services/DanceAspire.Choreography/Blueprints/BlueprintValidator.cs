using System.Globalization;
using System.Text.Json;

namespace DanceAspire.Choreography.Blueprints;

/// <summary>
/// Decides whether a blueprint is safe and coherent enough to hand to the assembler, and says
/// field by field what is wrong when it is not.
/// </summary>
public static class BlueprintValidator
{
    private const int MaxIdLength = 200;
    private const double MaxTempo = 400;
    private const double MaxGain = 4;
    private const double MaxTransitionSeconds = 5;
    private const long MaxVideoBitrate = 50_000_000;
    private const long MaxAudioBitrate = 512_000;

    /// <summary>Parses and checks blueprint JSON: types first, then every rule of <see cref="Check"/>.</summary>
    public static BlueprintValidation Validate(string json, BlueprintLimits limits)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<BlueprintError>();
        try
        {
            using var document = JsonDocument.Parse(json);
            BlueprintShape.Check(document.RootElement, limits, errors);
        }
        catch (JsonException e)
        {
            errors.Add(new("$", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})"));
        }
        if (errors.Count > 0) return new(null, errors);

        Blueprint? blueprint;
        try
        {
            blueprint = JsonSerializer.Deserialize(json, BlueprintJsonContext.Default.Blueprint);
        }
        catch (JsonException e)
        {
            // The shape pass should make this unreachable; if not, still name the field.
            return new(null, [new(ToFieldPath(e.Path), e.Message)]);
        }
        if (blueprint is null) return new(null, [new("$", "must be a JSON object, got null")]);

        var ruleErrors = Check(blueprint, limits);
        return ruleErrors.Count == 0 ? new(blueprint, []) : new(null, ruleErrors);
    }

    /// <summary>The rules beyond JSON types; also for blueprints built in code (the planner, the composer).</summary>
    public static IReadOnlyList<BlueprintError> Check(Blueprint blueprint, BlueprintLimits limits)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<BlueprintError>();
        void Fail(string path, string message) => errors.Add(new(path, message));

        if (blueprint.SchemaVersion != Blueprint.CurrentSchemaVersion)
            Fail("schema_version", $"version {blueprint.SchemaVersion} is not supported; expected {Blueprint.CurrentSchemaVersion}");
        CheckId(blueprint.TaskId, "task_id", Fail);
        CheckAudio(blueprint.Audio, limits, Fail);
        if (blueprint.DifficultyLevel is < 1 or > 5)
            Fail("difficulty_level", $"is {blueprint.DifficultyLevel}; it must be 1..5");
        if (blueprint.GenerationParameters.ValueKind != JsonValueKind.Object)
            Fail("generation_parameters", "must be an object");
        var output = blueprint.OutputConfig;
        if (output is null) Fail("output_config", "is required");
        else CheckOutput(output, limits, Fail);
        CheckMoves(blueprint, limits, Fail);
        return errors;
    }

    private static void CheckAudio(BlueprintAudio? audio, BlueprintLimits limits, Action<string, string> fail)
    {
        if (audio is null)
        {
            fail("audio", "is required");
            return;
        }
        CheckPath(audio.Path, "audio.path", limits.AudioContainers, fail);
        if (!(audio.Tempo > 0 && audio.Tempo <= MaxTempo)) fail("audio.tempo", $"is {Format(audio.Tempo)} bpm; it must be above 0 and at most {MaxTempo}");
        if (!(audio.Duration > 0)) fail("audio.duration", $"is {Format(audio.Duration)}; it must be positive");
    }

    private static void CheckMoves(Blueprint blueprint, BlueprintLimits limits, Action<string, string> fail)
    {
        var moves = blueprint.Moves;
        if (moves is null)
        {
            fail("moves", "is required");
            return;
        }
        if (moves.Count == 0) fail("moves", "is empty; a blueprint needs at least one move");
        if (moves.Count > limits.MaxMoves)
        {
            fail("moves", $"has {moves.Count} moves; at most {limits.MaxMoves} are allowed");
            return;
        }

        var transition = blueprint.OutputConfig?.TransitionDuration ?? 0;
        var expectedTotal = 0.0;
        for (var i = 0; i < moves.Count; i++)
        {
            var path = $"moves[{i}]";
            var move = moves[i];
            if (move is null)
            {
                fail(path, "must be an object");
                continue;
            }
            CheckId(move.ClipId, $"{path}.clip_id", fail);
            CheckPath(move.VideoPath, $"{path}.video_path", limits.MoveContainers, fail);
            if (!(move.StartTime >= 0)) fail($"{path}.start_time", $"is {Format(move.StartTime)}; it must not be negative");
            if (!(move.Duration > 0)) fail($"{path}.duration", $"is {Format(move.Duration)}; it must be positive");
            if (!(move.OriginalDuration > 0)) fail($"{path}.original_duration", $"is {Format(move.OriginalDuration)}; it must be positive");
            if (!(move.TrimStart >= 0)) fail($"{path}.trim_start", $"is {Format(move.TrimStart)}; it must not be negative");
            if (!(move.TrimEnd >= 0)) fail($"{path}.trim_end", $"is {Format(move.TrimEnd)}; it must not be negative");
            else if (move.TrimStart >= 0 && move.OriginalDuration > 0 && move.TrimStart + move.TrimEnd >= move.OriginalDuration)
                fail($"{path}.trim_end", $"trim_start + trim_end = {Format(move.TrimStart + move.TrimEnd)} leaves nothing of original_duration {Format(move.OriginalDuration)}");
            if (!(move.VolumeAdjustment >= 0 && move.VolumeAdjustment <= MaxGain))
                fail($"{path}.volume_adjustment", $"is {Format(move.VolumeAdjustment)}; it must be a gain from 0 to {MaxGain}");
            if (!Enum.IsDefined(move.TransitionType))
                fail($"{path}.transition_type", $"{(int)move.TransitionType} is not a transition; expected one of {string.Join(", ", BlueprintShape.TransitionNames)}");

            // A crossfade plays the two clips over each other, so it shortens the timeline.
            if (i > 0 && move.TransitionType == TransitionType.Crossfade)
            {
                expectedTotal -= transition;
                if (moves[i - 1] is { } previous && (transition >= move.Duration || transition >= previous.Duration))
                    fail($"{path}.transition_type", $"a {Format(transition)} s crossfade is not shorter than both clips it joins");
            }
            // Each move starts where the timeline so far ends: a gap or an overlap the transitions do not explain is a mistake.
            if (move.StartTime >= 0 && Math.Abs(move.StartTime - expectedTotal) > limits.DurationTolerance)
                fail($"{path}.start_time", $"is {Format(move.StartTime)} s but the moves before it end at {Format(expectedTotal)} s");
            var playable = move.OriginalDuration - move.TrimStart - move.TrimEnd;
            if (move.Duration > 0 && playable > 0 && move.Duration > playable + limits.DurationTolerance)
                fail($"{path}.duration", $"is {Format(move.Duration)} s but the trimmed clip lasts {Format(playable)} s");
            expectedTotal += move.Duration;
        }

        var total = blueprint.TotalDuration;
        if (!(total > 0)) fail("total_duration", $"is {Format(total)}; it must be positive");
        else if (total > limits.MaxTotalDuration)
            fail("total_duration", $"is {Format(total)} s; at most {Format(limits.MaxTotalDuration)} s is allowed");
        else if (moves.Count > 0 && Math.Abs(total - expectedTotal) > limits.DurationTolerance)
            fail("total_duration", $"is {Format(total)} s but the moves add up to {Format(expectedTotal)} s (durations minus crossfade overlaps)");
        if (expectedTotal > limits.MaxTotalDuration && total <= limits.MaxTotalDuration)
            fail("moves", $"add up to {Format(expectedTotal)} s; at most {Format(limits.MaxTotalDuration)} s is allowed");
    }

    private static void CheckOutput(OutputConfig output, BlueprintLimits limits, Action<string, string> fail)
    {
        if (output.Format != "mp4") fail("output_config.format", $"'{output.Format}' is not supported; expected mp4");
        if (output.VideoCodec != "h264") fail("output_config.video_codec", $"'{output.VideoCodec}' is not supported; expected h264");
        if (output.AudioCodec != "aac") fail("output_config.audio_codec", $"'{output.AudioCodec}' is not supported; expected aac");
        CheckBitrate(output.VideoBitrate, "output_config.video_bitrate", MaxVideoBitrate, fail);
        CheckBitrate(output.AudioBitrate, "output_config.audio_bitrate", MaxAudioBitrate, fail);
        if (!(output.FrameRate >= 1 && output.FrameRate <= 60))
            fail("output_config.frame_rate", $"is {Format(output.FrameRate)}; it must be 1..60");
        CheckResolution(output.Resolution, limits, fail);
        if (!(output.TransitionDuration >= 0 && output.TransitionDuration <= MaxTransitionSeconds))
            fail("output_config.transition_duration", $"is {Format(output.TransitionDuration)}; it must be 0..{MaxTransitionSeconds}");
        if (!(output.FadeDuration >= 0 && output.FadeDuration <= MaxTransitionSeconds))
            fail("output_config.fade_duration", $"is {Format(output.FadeDuration)}; it must be 0..{MaxTransitionSeconds}");
    }

    private static void CheckResolution(string? resolution, BlueprintLimits limits, Action<string, string> fail)
    {
        const string path = "output_config.resolution";
        var parts = resolution?.Split('x');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            fail(path, $"'{resolution}' is not WIDTHxHEIGHT, e.g. 1280x720");
            return;
        }
        if (width < 2 || height < 2 || width > limits.MaxWidth || height > limits.MaxHeight)
            fail(path, $"{width}x{height} is outside 2x2..{limits.MaxWidth}x{limits.MaxHeight}");
        else if (width % 2 != 0 || height % 2 != 0)
            fail(path, $"{width}x{height} has an odd side; h264 with 4:2:0 chroma needs even sides");
    }

    private static void CheckBitrate(string? bitrate, string path, long max, Action<string, string> fail)
    {
        var value = ParseBitrate(bitrate);
        if (value is null) fail(path, $"'{bitrate}' is not a bitrate like 2500k or 5M");
        else if (value > max) fail(path, $"'{bitrate}' exceeds the maximum of {max / 1000}k");
    }

    /// <summary>Bits per second from ffmpeg's "2500k" / "5M" / "128000" form; null when malformed.</summary>
    private static long? ParseBitrate(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var multiplier = text[^1] switch { 'k' => 1_000L, 'M' => 1_000_000L, _ => 1L };
        var digits = multiplier == 1 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= long.MaxValue / multiplier
            ? n * multiplier
            : null;
    }

    private static void CheckId(string? id, string path, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(id)) fail(path, "is empty");
        else if (id.Length > MaxIdLength) fail(path, $"is {id.Length} characters long; at most {MaxIdLength} are allowed");
    }

    private static void CheckPath(string? path, string field, IReadOnlyCollection<string> containers, Action<string, string> fail)
    {
        var problem = BlobPath.FindProblem(path ?? "", containers);
        if (problem is not null) fail(field, problem);
    }

    /// <summary>"$.moves[3].duration" (System.Text.Json's form) → "moves[3].duration".</summary>
    private static string ToFieldPath(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.StartsWith("$.") ? jsonPath[2..] : jsonPath;

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
