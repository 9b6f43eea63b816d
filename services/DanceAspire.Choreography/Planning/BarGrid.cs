namespace DanceAspire.Choreography.Planning;

/// <summary>
/// The points where a move may begin or end: time 0, then the start of every bar up to the end
/// of the video, each rounded to an output frame. Rounding once here is what keeps every cut
/// within half a frame of its beat and lets durations be exact frame differences that never drift.
/// </summary>
internal sealed class BarGrid
{
    private BarGrid(long[] frames, double frameRate, long barFrames, double beatSeconds, int[] reachLimit)
    {
        BeatSeconds = beatSeconds;
        Frames = frames;
        FrameRate = frameRate;
        BarFrames = barFrames;
        _reachLimit = reachLimit;
    }

    private readonly int[] _reachLimit;

    /// <summary>Grid points in output frames, ascending; the first is 0 and the last is the end of the video.</summary>
    public long[] Frames { get; }

    public double FrameRate { get; }

    /// <summary>The nominal bar length in frames.</summary>
    public long BarFrames { get; }

    /// <summary>The beat length the grid was laid with.</summary>
    public double BeatSeconds { get; }

    public int Last => Frames.Length - 1;

    public double Seconds(int index) => Frames[index] / FrameRate;

    /// <summary>The furthest grid index a move starting at <paramref name="index"/> may reach: the next section change or the end.</summary>
    public int ReachLimit(int index) => _reachLimit[index];

    /// <summary>The grid for <paramref name="song"/> up to <paramref name="limitSeconds"/>, or null with the reason.</summary>
    public static BarGrid? Build(SongTiming song, double limitSeconds, double frameRate, out string? error)
    {
        error = null;
        var duration = song.DurationSeconds;
        var beats = Clean(song.Beats, duration);
        var beatSeconds = song.TempoBpm is > 0 and <= 1000 ? 60 / song.TempoBpm : beats.Count >= 2 ? MedianGap(beats) : 0;
        // Beyond 600 bpm a "beat" is noise, and a tiny step would make the bar loops below endless.
        if (!(beatSeconds >= 0.1))
        {
            error = "The song has neither a usable tempo nor beats, so there is nothing to cut the moves on.";
            return null;
        }
        if (beats.Count == 0)
            for (var t = 0.0; t < duration; t += beatSeconds) beats.Add(t);

        var downbeats = Clean(song.Downbeats, duration);
        var barSeconds = double.IsFinite(song.BarSeconds) && song.BarSeconds >= beatSeconds * 0.9 ? song.BarSeconds
            : downbeats.Count >= 2 && MedianGap(downbeats) >= beatSeconds * 0.9 ? MedianGap(downbeats)
            : 4 * beatSeconds;
        var beatsPerBar = Math.Max(1, (int)Math.Round(barSeconds / beatSeconds));
        var anchors = downbeats.Count > 0 ? downbeats : beats.Where((_, i) => i % beatsPerBar == 0).ToList();

        var points = FillBars(anchors, beats, barSeconds, beatSeconds, duration, 0.5 / frameRate);

        // Floor, so the video never runs past the song or the requested length.
        var limitFrames = (long)Math.Floor(Math.Min(limitSeconds, duration) * frameRate + 1e-6);
        var frames = points.Select(t => (long)Math.Round(t * frameRate, MidpointRounding.AwayFromZero))
            .Where(f => f > 0 && f <= limitFrames)
            .Prepend(0)
            .Distinct()
            .Order()
            .ToArray();
        var barFrames = Math.Max(1, (long)Math.Round(barSeconds * frameRate));
        if (frames.Length < 2 || frames[^1] * 2 < barFrames)
        {
            error = $"The video would be shorter than half a bar ({barSeconds:0.##} s); the song or the requested length is too short.";
            return null;
        }

        var reachLimit = ReachLimits(frames, song.Sections, frameRate, barFrames);
        return new BarGrid(frames, frameRate, barFrames, beatSeconds, reachLimit);
    }

    /// <summary>
    /// Bar starts from the anchors (downbeats, or every bar's first beat), with the bars the
    /// tracker missed filled in: before the first anchor, inside gaps of two bars or more, and
    /// after the last anchor up to the end of the song. Filled points land on a beat when one is near.
    /// </summary>
    private static List<double> FillBars(List<double> anchors, List<double> beats, double barSeconds, double beatSeconds, double duration, double halfFrame)
    {
        double Snap(double t)
        {
            var i = beats.BinarySearch(t);
            if (i < 0) i = ~i;
            var best = t;
            var bestGap = beatSeconds / 4;
            for (var k = Math.Max(0, i - 1); k <= Math.Min(beats.Count - 1, i); k++)
                if (Math.Abs(beats[k] - t) < bestGap) (best, bestGap) = (beats[k], Math.Abs(beats[k] - t));
            return best;
        }

        var points = new List<double>();
        for (var t = anchors[0] - barSeconds; t > halfFrame; t = points[^1] - barSeconds) points.Add(Snap(t));
        points.Reverse();
        for (var a = 0; a < anchors.Count; a++)
        {
            points.Add(anchors[a]);
            if (a + 1 == anchors.Count) break;
            var gap = anchors[a + 1] - anchors[a];
            var bars = (int)Math.Round(gap / barSeconds);
            for (var k = 1; k < bars; k++) points.Add(Snap(anchors[a] + k * gap / bars));
        }
        for (var t = anchors[^1] + barSeconds; t <= duration + halfFrame; t = points[^1] + barSeconds) points.Add(Snap(t));
        return points;
    }

    /// <summary>
    /// Section changes become points no move may run across, so each section picks its own moves.
    /// A change is moved to the nearest grid point; a first point that is only a short pickup is
    /// skipped so the first move is not a sliver.
    /// </summary>
    private static int[] ReachLimits(long[] frames, IReadOnlyList<EnergySection>? sections, double frameRate, long barFrames)
    {
        var last = frames.Length - 1;
        var firstAllowed = frames.Length > 2 && frames[1] * 2 < barFrames ? 2 : 1;
        var boundaries = new SortedSet<int> { last };
        foreach (var section in sections ?? [])
        {
            if (!double.IsFinite(section.StartSeconds)) continue;
            var target = section.StartSeconds * frameRate;
            var nearest = -1;
            var nearestGap = barFrames / 2.0;
            for (var k = firstAllowed; k < last; k++)
                if (Math.Abs(frames[k] - target) <= nearestGap) (nearest, nearestGap) = (k, Math.Abs(frames[k] - target));
            if (nearest >= 0) boundaries.Add(nearest);
        }
        var limits = new int[frames.Length];
        for (var i = 0; i < frames.Length; i++) limits[i] = boundaries.GetViewBetween(Math.Min(i + 1, last), last).Min;
        return limits;
    }

    private static List<double> Clean(IReadOnlyList<double>? times, double duration) =>
        (times ?? []).Where(t => double.IsFinite(t) && t >= 0 && t < duration).Distinct().Order().ToList();

    private static double MedianGap(List<double> times)
    {
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).Order().ToList();
        return gaps[gaps.Count / 2];
    }
}
