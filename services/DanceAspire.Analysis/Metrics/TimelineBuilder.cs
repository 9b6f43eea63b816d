using DanceAspire.Analysis.Results;

namespace DanceAspire.Analysis.Metrics;

/// <summary>
/// Merges per-frame movement types into runs; runs shorter than <see cref="MinRunSeconds"/> are absorbed by the
/// longer adjacent run. Frames without a pose break runs (a gap in the timeline).
/// </summary>
public static class TimelineBuilder
{
    public const double MinRunSeconds = 0.3;

    private sealed class Run(double start, double end, MovementType type, double weighted, double weight)
    {
        public double Start = start, End = end, Weighted = weighted, Weight = weight;
        public MovementType Type = type;
        public double Duration => End - Start;
    }

    public static IReadOnlyList<TimelineEntry> Build(
        IReadOnlyList<double> times, IReadOnlyList<double> durations, IReadOnlyList<MovementType?> types, IReadOnlyList<double> intensity)
    {
        var runs = new List<Run>();
        for (var i = 0; i < times.Count; i++)
        {
            if (types[i] is not { } type) continue;
            var start = times[i] - (i > 0 && types[i - 1] is not null ? durations[i] / 2 : 0);
            var end = times[i] + durations[i] / 2;
            var last = runs.Count > 0 ? runs[^1] : null;
            if (last is not null && last.Type == type && i > 0 && types[i - 1] is not null)
            {
                last.End = end;
                last.Weighted += intensity[i] * durations[i];
                last.Weight += durations[i];
            }
            else
            {
                runs.Add(new Run(Math.Max(0, start), end, type, intensity[i] * durations[i], durations[i]));
            }
        }

        AbsorbShortRuns(runs);
        return runs.Select(r => new TimelineEntry(
            Math.Round(r.Start, 3), Math.Round(r.End, 3), r.Type, Math.Round(r.Weight > 0 ? r.Weighted / r.Weight : 0, 1))).ToList();
    }

    private static void AbsorbShortRuns(List<Run> runs)
    {
        while (true)
        {
            var shortest = -1;
            for (var i = 0; i < runs.Count; i++)
            {
                if (runs[i].Duration >= MinRunSeconds || !HasNeighbour(runs, i)) continue;
                if (shortest < 0 || runs[i].Duration < runs[shortest].Duration) shortest = i;
            }
            if (shortest < 0) return;

            var before = shortest > 0 && Touches(runs[shortest - 1], runs[shortest]) ? runs[shortest - 1] : null;
            var after = shortest < runs.Count - 1 && Touches(runs[shortest], runs[shortest + 1]) ? runs[shortest + 1] : null;
            var into = before is null ? after! : after is null ? before : (before.Duration >= after.Duration ? before : after);
            var run = runs[shortest];
            into.Start = Math.Min(into.Start, run.Start);
            into.End = Math.Max(into.End, run.End);
            into.Weighted += run.Weighted;
            into.Weight += run.Weight;
            runs.RemoveAt(shortest);

            // Absorbing can leave two runs of the same type side by side: join them.
            for (var i = runs.Count - 1; i > 0; i--)
            {
                if (runs[i].Type != runs[i - 1].Type || !Touches(runs[i - 1], runs[i])) continue;
                runs[i - 1].End = runs[i].End;
                runs[i - 1].Weighted += runs[i].Weighted;
                runs[i - 1].Weight += runs[i].Weight;
                runs.RemoveAt(i);
            }
        }
    }

    private static bool HasNeighbour(List<Run> runs, int i) =>
        (i > 0 && Touches(runs[i - 1], runs[i])) || (i < runs.Count - 1 && Touches(runs[i], runs[i + 1]));

    private static bool Touches(Run first, Run second) => second.Start - first.End < 1e-6;
}
