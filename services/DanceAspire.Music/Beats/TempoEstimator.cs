namespace DanceAspire.Music.Beats;

/// <summary>
/// Tempo from the autocorrelation of the onset envelope: a global tempo (windowed autocorrelations averaged, weighted by
/// a log-normal prior) and a local beat period per frame (each window's peak near the global tempo), so the beat
/// placement can follow tempo changes without jumping between metrical levels.
/// </summary>
public static class TempoEstimator
{
    private const double WindowSeconds = 8.0;
    private const double WindowHopSeconds = 1.0;

    /// <summary>How far (in octaves) a local tempo may stray from the global one before the prior weighs it down.</summary>
    private const double LocalPriorOctaves = 0.25;

    public static TempoEstimate Estimate(float[] envelope, double frameRate, BeatTrackerOptions options)
    {
        var minLag = Math.Max(1, (int)Math.Floor(frameRate * 60 / options.MaxBpm));
        var maxLag = (int)Math.Ceiling(frameRate * 60 / options.MinBpm);
        var windowLength = Math.Min(envelope.Length, Math.Max(2 * maxLag + 1, (int)Math.Round(WindowSeconds * frameRate)));
        var windowHop = Math.Max(1, (int)Math.Round(WindowHopSeconds * frameRate));
        maxLag = Math.Min(maxLag, windowLength - 1);
        if (maxLag <= minLag + 1) return new TempoEstimate(options.PriorBpm, Filled(envelope.Length, frameRate * 60 / options.PriorBpm));

        var taper = new double[windowLength];
        for (var i = 0; i < windowLength; i++) taper[i] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * (i + 0.5) / windowLength);

        var centres = new List<int>();
        var localAcs = new List<double[]>();
        var globalAc = new double[maxLag + 1];
        var x = new double[windowLength];
        for (var start = 0; start + windowLength <= envelope.Length || centres.Count == 0; start += windowHop)
        {
            double mean = 0;
            for (var i = 0; i < windowLength; i++) mean += envelope[start + i];
            mean /= windowLength;
            for (var i = 0; i < windowLength; i++) x[i] = (envelope[start + i] - mean) * taper[i];
            var ac = new double[maxLag + 1];
            for (var lag = 0; lag <= maxLag; lag++)
            {
                double sum = 0;
                for (var i = 0; i + lag < windowLength; i++) sum += x[i] * x[i + lag];
                ac[lag] = sum;
            }
            if (ac[0] > 0)
            {
                for (var lag = maxLag; lag >= 0; lag--) ac[lag] /= ac[0];
                for (var lag = 0; lag <= maxLag; lag++) globalAc[lag] += ac[lag];
            }
            centres.Add(start + windowLength / 2);
            localAcs.Add(ac);
            if (start + windowLength + windowHop > envelope.Length) break;
        }

        var globalLag = BestLag(globalAc, minLag, maxLag, frameRate, options.PriorBpm, options.PriorOctaves);
        var globalBpm = globalLag is { } g ? 60 * frameRate / g : options.PriorBpm;
        var globalPeriod = frameRate * 60 / globalBpm;

        var localPeriods = localAcs
            .Select(ac => ac[0] > 0 && BestLag(ac, minLag, maxLag, frameRate, globalBpm, LocalPriorOctaves) is { } lag ? lag : globalPeriod)
            .ToArray();
        localPeriods = MedianFilter(localPeriods, 5);

        var periods = new double[envelope.Length];
        for (var t = 0; t < periods.Length; t++) periods[t] = Interpolate(centres, localPeriods, t);
        return new TempoEstimate(globalBpm, periods);
    }

    /// <summary>The lag (refined between frames by a parabola) maximising autocorrelation times the tempo prior.</summary>
    private static double? BestLag(double[] ac, int minLag, int maxLag, double frameRate, double priorBpm, double priorOctaves)
    {
        var best = -1;
        var bestScore = 0.0;
        for (var lag = minLag; lag <= maxLag; lag++)
        {
            var score = ac[lag] * Prior(60 * frameRate / lag, priorBpm, priorOctaves);
            var isPeak = ac[lag] >= ac[lag - 1] && (lag + 1 > maxLag || ac[lag] >= ac[lag + 1]);
            if (isPeak && score > bestScore) { best = lag; bestScore = score; }
        }
        if (best < 0) return null;
        if (best + 1 > maxLag) return best;
        var (a, b, c) = (ac[best - 1], ac[best], ac[best + 1]);
        var denominator = a - 2 * b + c;
        var shift = denominator < 0 ? 0.5 * (a - c) / denominator : 0;
        return best + Math.Clamp(shift, -0.5, 0.5);
    }

    private static double Prior(double bpm, double centreBpm, double octaves)
    {
        var z = Math.Log2(bpm / centreBpm) / octaves;
        return Math.Exp(-0.5 * z * z);
    }

    private static double[] MedianFilter(double[] values, int width)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var lo = Math.Max(0, i - width / 2);
            var hi = Math.Min(values.Length, i + width / 2 + 1);
            var slice = values[lo..hi];
            Array.Sort(slice);
            result[i] = slice.Length % 2 == 1 ? slice[slice.Length / 2] : 0.5 * (slice[slice.Length / 2 - 1] + slice[slice.Length / 2]);
        }
        return result;
    }

    private static double Interpolate(List<int> xs, double[] ys, int x)
    {
        if (x <= xs[0]) return ys[0];
        if (x >= xs[^1]) return ys[^1];
        var i = xs.BinarySearch(x);
        if (i >= 0) return ys[i];
        i = ~i;
        var f = (double)(x - xs[i - 1]) / (xs[i] - xs[i - 1]);
        return ys[i - 1] + f * (ys[i] - ys[i - 1]);
    }

    private static double[] Filled(int length, double value) => Enumerable.Repeat(value, length).ToArray();
}

/// <summary>The overall tempo and, per onset frame, the local beat period in frames.</summary>
public sealed record TempoEstimate(double GlobalBpm, double[] PeriodFrames);
