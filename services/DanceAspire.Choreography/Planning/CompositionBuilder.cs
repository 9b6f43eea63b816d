using System.Text.Json;
using DanceAspire.Choreography.Blueprints;

namespace DanceAspire.Choreography.Planning;

/// <summary>One hand-placed move: its clip, how long it plays (whole bars of the song, or seconds) and how it is entered.</summary>
public sealed record CompositionPart(MoveCandidate Move, int? Bars, double? DurationSeconds, TransitionType Transition);

/// <summary>
/// Builds the blueprint of a hand-made sequence (the composer): moves one after another from the song's start, each
/// taken from its clip's start, lengths rounded to whole frames so the cut times do not drift. Errors name the item.
/// </summary>
public static class CompositionBuilder
{
    public static (Blueprint? Blueprint, IReadOnlyList<BlueprintError> Errors) Build(
        string taskId, SongTiming song, IReadOnlyList<CompositionPart> parts, OutputConfig output)
    {
        var errors = new List<BlueprintError>();
        var fps = output.FrameRate;
        var barSeconds = song.BarSeconds > 0 ? song.BarSeconds : 4 * 60 / Math.Max(song.TempoBpm, 1);
        var overlapFrames = (long)Math.Round(output.TransitionDuration * fps);
        var moves = new List<BlueprintMove>();
        long startFrame = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var path = $"items[{i}]";
            var seconds = part switch
            {
                { Bars: { } bars, DurationSeconds: null } when bars >= 1 => bars * barSeconds,
                { Bars: null, DurationSeconds: { } given } when given > 0 => given,
                { Bars: not null, DurationSeconds: not null } => Fail(errors, path, "give bars or duration, not both"),
                { Bars: null, DurationSeconds: null } => Fail(errors, path, "give bars (whole bars of the song) or duration (seconds)"),
                _ => Fail(errors, path, "bars must be at least 1 and duration positive"),
            };
            if (seconds is null) continue;
            var frames = (long)Math.Round(seconds.Value * fps);
            var clipFrames = (long)Math.Floor(part.Move.DurationSeconds * fps + 0.01);
            if (frames < 1)
            {
                errors.Add(new(path, $"lasts {seconds:0.###} s, less than one frame"));
                continue;
            }
            if (frames > clipFrames)
            {
                errors.Add(new(path, $"asks for {frames / fps:0.###} s but move {part.Move.Id} lasts {part.Move.DurationSeconds:0.###} s"));
                continue;
            }
            var transition = i == 0 ? TransitionType.Cut : part.Transition;
            if (transition == TransitionType.Crossfade && moves.Count > 0)
            {
                // A crossfade overlaps the two clips, so this one starts before the previous one ends.
                startFrame -= overlapFrames;
            }
            var duration = frames / fps;
            moves.Add(new BlueprintMove(part.Move.Id, part.Move.VideoPath, startFrame / fps, duration, transition,
                part.Move.DurationSeconds, 0, Math.Max(0, part.Move.DurationSeconds - duration), 1));
            startFrame += frames;
        }
        var total = startFrame / fps;
        if (errors.Count == 0 && total > song.DurationSeconds + 1 / fps)
        {
            errors.Add(new("items", $"add up to {total:0.##} s, longer than the song ({song.DurationSeconds:0.##} s)"));
        }
        if (errors.Count > 0) return (null, errors);

        var parameters = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["source"] = "composition",
            ["bar_seconds"] = barSeconds,
            ["items"] = parts.Count,
        });
        var difficulty = (int)Math.Round(parts.Average(p => p.Move.Difficulty));
        var blueprint = new Blueprint(Blueprint.CurrentSchemaVersion, taskId,
            new BlueprintAudio(song.AudioPath, song.TempoBpm, song.DurationSeconds), moves, total, Math.Clamp(difficulty, 1, 5), parameters, output);
        return (blueprint, []);
    }

    private static double? Fail(List<BlueprintError> errors, string path, string message)
    {
        errors.Add(new(path, message));
        return null;
    }
}
