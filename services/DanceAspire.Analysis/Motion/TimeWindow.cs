namespace DanceAspire.Analysis.Motion;

/// <summary>Windows over a frame series measured in seconds (not frames), so every metric means the same at any frame rate.</summary>
public static class TimeWindow
{
    /// <summary>How much time each frame stands for: half the distance to each neighbour (1/fps at the ends).</summary>
    public static double[] FrameDurations(IReadOnlyList<double> times, double fps)
    {
        var n = times.Count;
        var durations = new double[n];
        var nominal = 1.0 / fps;
        for (var i = 0; i < n; i++)
        {
            var before = i > 0 ? Math.Min(times[i] - times[i - 1], 2 * nominal) : nominal;
            var after = i < n - 1 ? Math.Min(times[i + 1] - times[i], 2 * nominal) : nominal;
            durations[i] = Math.Max(0, (before + after) / 2);
        }
        return durations;
    }

    /// <summary>The mean of the defined (non-NaN) values within ±<paramref name="halfWidthSeconds"/> of each frame; NaN where none. O(n).</summary>
    public static double[] CentredMean(double[] values, IReadOnlyList<double> times, double halfWidthSeconds)
    {
        var n = values.Length;
        var result = new double[n];
        int lo = 0, hi = 0, count = 0;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            while (hi < n && times[hi] <= times[i] + halfWidthSeconds)
            {
                if (!double.IsNaN(values[hi])) { sum += values[hi]; count++; }
                hi++;
            }
            while (times[lo] < times[i] - halfWidthSeconds)
            {
                if (!double.IsNaN(values[lo])) { sum -= values[lo]; count--; }
                lo++;
            }
            result[i] = count > 0 ? sum / count : double.NaN;
        }
        return result;
    }

    /// <summary>
    /// The <paramref name="quantile"/> (0..1) of the defined values within ±<paramref name="halfWidthSeconds"/> of each frame;
    /// NaN where none. Sorts each window, so keep windows short (a few seconds).
    /// </summary>
    public static double[] CentredQuantile(double[] values, IReadOnlyList<double> times, double halfWidthSeconds, double quantile)
    {
        var n = values.Length;
        var result = new double[n];
        var window = new List<double>();
        int lo = 0, hi = 0;
        for (var i = 0; i < n; i++)
        {
            while (hi < n && times[hi] <= times[i] + halfWidthSeconds) hi++;
            while (times[lo] < times[i] - halfWidthSeconds) lo++;
            window.Clear();
            for (var j = lo; j < hi; j++) if (!double.IsNaN(values[j])) window.Add(values[j]);
            result[i] = Quantile(window, quantile);
        }
        return result;
    }

    /// <summary>The quantile of the values (sorted in place), NaN when empty.</summary>
    public static double Quantile(List<double> values, double quantile)
    {
        if (values.Count == 0) return double.NaN;
        values.Sort();
        var position = quantile * (values.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, values.Count - 1);
        return values[below] + (position - below) * (values[above] - values[below]);
    }
}
