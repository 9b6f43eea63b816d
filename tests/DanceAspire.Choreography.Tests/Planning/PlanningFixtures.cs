using DanceAspire.Choreography.Planning;

namespace DanceAspire.Choreography.Tests.Planning;

/// <summary>Synthetic songs and moves whose right answers are known.</summary>
internal static class PlanningFixtures
{
    public const double Fps = 30;

    /// <summary>
    /// A 4/4 song at <paramref name="bpm"/> whose first downbeat is at <paramref name="pickup"/> seconds;
    /// beats (and so downbeats) run from 0 to the end. Sections are (start bar, energy), each running to the next.
    /// </summary>
    public static SongTiming Song(double bpm = 120, int bars = 16, double pickup = 0, bool downbeats = true, params (int Bar, double Energy)[] sections)
    {
        var beat = 60 / bpm;
        var bar = 4 * beat;
        var duration = pickup + bars * bar;
        var firstBeat = pickup - Math.Floor(pickup / beat + 1e-9) * beat;
        var beats = new List<double>();
        for (var t = firstBeat; t < duration - 1e-9; t += beat) beats.Add(Math.Round(t, 9));
        var downbeatTimes = Enumerable.Range(0, bars).Select(b => Math.Round(pickup + b * bar, 9)).ToList();
        var sectionList = sections.Length == 0
            ? new List<EnergySection> { new(0, duration, 50) }
            : sections.Select((s, i) => new EnergySection(
                i == 0 ? 0 : pickup + s.Bar * bar,
                i + 1 < sections.Length ? pickup + sections[i + 1].Bar * bar : duration,
                s.Energy)).ToList();
        return new SongTiming("songs/test/audio.m4a", duration, bpm, beats, downbeats ? downbeatTimes : [], downbeats ? bar : 0, sectionList);
    }

    public static MoveCandidate Move(string id, double seconds, double energy = 50, int difficulty = 3, string[]? styles = null,
        float[]? first = null, float[]? last = null) =>
        new(id, $"moves/{id}/clip.mp4", seconds, energy, difficulty, styles ?? ["hiphop"], first ?? Pose(0), last ?? Pose(0));

    /// <summary>A pose whose every coordinate is <paramref name="value"/>; the distance between Pose(a) and Pose(b) is |a − b|·√34.</summary>
    public static float[] Pose(float value) => Enumerable.Repeat(value, 34).ToArray();

    public static PlanRequest Request(int difficulty = 3) => new() { TaskId = "task-1", Difficulty = difficulty };

    public static bool IsOnFrame(double seconds) => Math.Abs(seconds * Fps - Math.Round(seconds * Fps)) < 1e-6;

    public static long ToFrames(double seconds) => (long)Math.Round(seconds * Fps);
}
