using System.Globalization;
using DanceAspire.Choreography.Blueprints;
using DanceAspire.Media;

namespace DanceAspire.Assembler.Assembly;

/// <summary>
/// One move placed on the output in whole frames. <see cref="Frames"/> counts every frame the clip shows, the frames it
/// shares with a neighbour in a crossfade included.
/// </summary>
/// <param name="Move">Its index in the blueprint's moves.</param>
/// <param name="SourceStartFrame">The first source frame used (trim_start at the output rate).</param>
/// <param name="Entry">How it is entered: <see cref="TransitionType.Cut"/> when the transition has no frames.</param>
/// <param name="EntryFrames">The crossfade's overlap, or the fade in from black; 0 for a cut.</param>
/// <param name="ExitFadeFrames">The fade out to black at its end, when the next move enters with fade_black.</param>
public sealed record TimelineClip(
    int Move,
    string VideoPath,
    int SourceStartFrame,
    int StartFrame,
    int Frames,
    TransitionType Entry,
    int EntryFrames,
    int ExitFadeFrames)
{
    public int EndFrame => StartFrame + Frames;
}

/// <summary>
/// A blueprint's timeline in whole output frames: where every cut lands, how long every clip plays. start_time decides
/// where each move begins (so cuts land on it), durations only check it; total_duration decides where the last ends.
/// Pure: blueprint in, frames out.
/// </summary>
public sealed record AssemblyTimeline(
    FrameRate Rate,
    int Width,
    int Height,
    int TotalFrames,
    IReadOnlyList<TimelineClip> Clips,
    OutputConfig Output)
{
    /// <summary>How far (seconds) start_time and duration may disagree before the blueprint is refused: the validator's total_duration tolerance.</summary>
    public const double ToleranceSeconds = 0.1;

    public double TotalSeconds => Seconds(TotalFrames);

    /// <summary>The frames <see cref="ToleranceSeconds"/> spans, at least one.</summary>
    public int ToleranceFrames => Math.Max(1, (int)Math.Round(ToleranceSeconds * Rate.PerSecond));

    public double Seconds(int frames) => frames * (double)Rate.Denominator / Rate.Numerator;

    /// <summary>Seconds as ffmpeg reads them: invariant, to the microsecond (ffmpeg parses durations to microseconds).</summary>
    public string SecondsText(int frames) => Seconds(frames).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Lays out a validated blueprint; throws <see cref="AssemblyInputException"/> when its times do not fit together.</summary>
    public static AssemblyTimeline Create(Blueprint blueprint)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        var output = blueprint.OutputConfig;
        var rate = Reduce(FrameRate.FromDouble(output.FrameRate));
        var (width, height) = ParseResolution(output.Resolution);
        var fps = rate.PerSecond;
        int Frames(double seconds) => (int)Math.Round(seconds * fps, MidpointRounding.AwayFromZero);

        var moves = blueprint.Moves;
        var total = Frames(blueprint.TotalDuration);
        var crossfade = Frames(output.TransitionDuration);
        var fade = Frames(output.FadeDuration);
        var tolerance = Math.Max(1, Frames(ToleranceSeconds));
        var errors = new List<BlueprintError>();

        var entries = new TransitionType[moves.Count];
        var starts = new int[moves.Count];
        for (var i = 0; i < moves.Count; i++)
        {
            var move = moves[i];
            entries[i] = i == 0 ? TransitionType.Cut : move.TransitionType switch
            {
                TransitionType.Crossfade when crossfade > 0 => TransitionType.Crossfade,
                TransitionType.FadeBlack when fade > 0 => TransitionType.FadeBlack,
                _ => TransitionType.Cut,
            };
            starts[i] = Frames(move.StartTime);
            if (i == 0)
            {
                if (starts[0] > tolerance) errors.Add(new("moves[0].start_time", $"is {Format(move.StartTime)} s; the first move starts the video at 0"));
                starts[0] = 0;
                continue;
            }
            var previous = moves[i - 1];
            var expected = starts[i - 1] + Frames(previous.Duration) - (entries[i] == TransitionType.Crossfade ? crossfade : 0);
            if (Math.Abs(starts[i] - expected) > tolerance)
            {
                errors.Add(new($"moves[{i}].start_time",
                    $"is {Format(move.StartTime)} s but moves[{i - 1}] (start_time {Format(previous.StartTime)} s, duration {Format(previous.Duration)} s" +
                    (entries[i] == TransitionType.Crossfade ? $", less the {Format(output.TransitionDuration)} s crossfade" : "") +
                    $") puts it at {Format(expected / fps)} s"));
            }
            else if (starts[i] <= starts[i - 1])
            {
                errors.Add(new($"moves[{i}].start_time", $"is {Format(move.StartTime)} s, not after moves[{i - 1}]'s {Format(previous.StartTime)} s"));
            }
        }
        if (errors.Count > 0) throw new AssemblyInputException("The blueprint's timeline does not fit together.", errors);
        if (total <= starts[^1]) throw new AssemblyInputException("The blueprint's timeline does not fit together.",
            [new("total_duration", $"is {Format(blueprint.TotalDuration)} s, which ends before the last move starts at {Format(moves[^1].StartTime)} s")]);

        var frames = new int[moves.Count];
        for (var i = 0; i < moves.Count; i++)
        {
            var end = i + 1 < moves.Count ? starts[i + 1] + (entries[i + 1] == TransitionType.Crossfade ? crossfade : 0) : total;
            frames[i] = end - starts[i];
            var move = moves[i];
            if (Math.Abs(frames[i] - Frames(move.Duration)) > tolerance)
            {
                errors.Add(new($"moves[{i}].duration", $"is {Format(move.Duration)} s but the start times and total_duration give it {Format(frames[i] / fps)} s"));
            }
            var available = Frames(move.OriginalDuration - move.TrimStart - move.TrimEnd);
            if (frames[i] > available + tolerance)
            {
                errors.Add(new($"moves[{i}].duration", $"plays {Format(frames[i] / fps)} s but trimming leaves {Format(available / fps)} s of the clip"));
            }
            if (entries[i] == TransitionType.Crossfade && (crossfade >= frames[i] || crossfade >= frames[i - 1]))
            {
                errors.Add(new($"moves[{i}].transition_type", $"a {Format(output.TransitionDuration)} s crossfade is not shorter than both clips it joins"));
            }
        }
        if (errors.Count > 0) throw new AssemblyInputException("The blueprint's timeline does not fit together.", errors);

        var clips = new TimelineClip[moves.Count];
        for (var i = 0; i < moves.Count; i++)
        {
            // A fade through black takes its halves from the clips either side; a short clip gives at most half of itself to each.
            var entryFrames = entries[i] switch
            {
                TransitionType.Crossfade => crossfade,
                TransitionType.FadeBlack => Math.Min(fade, frames[i] / 2),
                _ => 0,
            };
            var exitFade = i + 1 < moves.Count && entries[i + 1] == TransitionType.FadeBlack ? Math.Min(fade, frames[i] / 2) : 0;
            clips[i] = new TimelineClip(i, moves[i].VideoPath, Frames(moves[i].TrimStart), starts[i], frames[i],
                entryFrames > 0 ? entries[i] : TransitionType.Cut, entryFrames, exitFade);
        }
        return new AssemblyTimeline(rate, width, height, total, clips, output);
    }

    private static FrameRate Reduce(FrameRate rate)
    {
        var divisor = (int)System.Numerics.BigInteger.GreatestCommonDivisor(rate.Numerator, rate.Denominator);
        return new FrameRate(rate.Numerator / divisor, rate.Denominator / divisor);
    }

    private static (int Width, int Height) ParseResolution(string resolution)
    {
        var parts = resolution.Split('x');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
