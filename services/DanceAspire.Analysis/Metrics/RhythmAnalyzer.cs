using DanceAspire.Analysis.Motion;

namespace DanceAspire.Analysis.Metrics;

/// <summary>The periodicity of a clip's movement.</summary>
public sealed record Rhythm(bool HasRhythm, double Bpm, double Consistency, IReadOnlyList<double> PeakTimes, double Strength)
{
    public static Rhythm None { get; } = new(false, 0, 0, [], 0);
}

/// <summary>
/// Finds the tempo of the movement from the autocorrelation of keypoint positions (body scales, each coordinate with
/// its slow drift removed), summed over all 34 coordinates. Positions, not speeds: a swing's speed peaks twice per
/// period. Lags cover 10–220 BPM (periods 0.27–6 s, at most half the clip so two periods are seen). Octave guard:
/// the shortest lag whose peak reaches 80% of the best peak wins, so 2P or 3P never beats P.
/// Beats (<c>peaks_s</c>) are the maxima, one per period, of the positions projected on their main direction of motion.
/// </summary>
public static class RhythmAnalyzer
{
    public const double MinBpm = 10, MaxBpm = 220;
    public const double MaxSampleRateHz = 30;

    /// <summary>The autocorrelation peak needed to call the movement rhythmic.</summary>
    public const double MinStrength = 0.5;

    /// <summary>Mean velocity (body scales per 1/30 s) below which there is too little motion for a rhythm.</summary>
    public const double MinVelocity = 0.005;

    private const double OctaveShare = 0.8;
    private const double DriftWindowSeconds = 2 * 60 / MinBpm;

    public static Rhythm Analyze(PoseTrack track, double meanVelocity)
    {
        var rate = Math.Min(track.Fps, MaxSampleRateHz);
        var channels = Resample(track, rate, out var gridStart);
        if (channels.Length == 0) return Rhythm.None;
        var length = channels[0].Length;
        RemoveDrift(channels, rate);

        var minLag = Math.Max(1, (int)Math.Floor(rate * 60 / MaxBpm));
        var maxLag = Math.Min((int)Math.Ceiling(rate * 60 / MinBpm), (length - 1) / 2);
        if (maxLag < minLag + 2) return Rhythm.None;

        var correlation = new double[maxLag + 2];
        for (var lag = minLag - 1; lag <= maxLag + 1; lag++) correlation[lag] = Autocorrelation(channels, lag);

        var peaks = new List<int>();
        for (var lag = minLag; lag <= maxLag; lag++)
        {
            if (correlation[lag] > correlation[lag - 1] && correlation[lag] >= correlation[lag + 1]) peaks.Add(lag);
        }
        if (peaks.Count == 0) return Rhythm.None;
        var best = peaks.Max(l => correlation[l]);
        var chosen = peaks.First(l => correlation[l] >= best - (1 - OctaveShare) * Math.Abs(best)); // best itself always qualifies
        var strength = correlation[chosen];

        // A parabola through the peak and its neighbours places the period between samples.
        double y0 = correlation[chosen - 1], y1 = correlation[chosen], y2 = correlation[chosen + 1];
        var denominator = y0 - 2 * y1 + y2;
        var offset = denominator < 0 ? Math.Clamp(0.5 * (y0 - y2) / denominator, -0.5, 0.5) : 0;
        var period = (chosen + offset) / rate;

        if (strength < MinStrength || meanVelocity < MinVelocity) return Rhythm.None with { Strength = Math.Max(0, strength) };

        var beats = BeatTimes(channels, rate, period, gridStart);
        return new Rhythm(true, 60 / period, Consistency(beats, strength), beats, strength);
    }

    /// <summary>Per coordinate (x and y of each keypoint), positions in body scales on a uniform grid; NaN where unseen.</summary>
    private static double[][] Resample(PoseTrack track, double rate, out double gridStart)
    {
        gridStart = 0;
        var usable = Enumerable.Range(0, track.Count).Where(i => track.Usable[i]).ToArray();
        if (usable.Length < 4) return [];
        gridStart = track.Times[usable[0]];
        var length = (int)Math.Floor((track.Times[usable[^1]] - gridStart) * rate) + 1;
        var channels = new double[2 * PoseTrack.Keypoints][];
        for (var c = 0; c < channels.Length; c++) { channels[c] = new double[length]; Array.Fill(channels[c], double.NaN); }

        var frame = 0;
        for (var g = 0; g < length; g++)
        {
            var t = gridStart + g / rate;
            while (frame < track.Count - 1 && track.Times[frame + 1] <= t) frame++;
            var next = Math.Min(frame + 1, track.Count - 1);
            if (!track.Usable[frame] || !track.Usable[next]) continue;
            var span = track.Times[next] - track.Times[frame];
            if (span > PoseTrack.MaxFilledGapSeconds + 1e-9) continue;
            var f = span > 0 ? Math.Clamp((t - track.Times[frame]) / span, 0, 1) : 0;
            var scale = track.Scale[frame] + f * (track.Scale[next] - track.Scale[frame]);
            for (var k = 0; k < PoseTrack.Keypoints; k++)
            {
                if (!track.Has(frame, k) || !track.Has(next, k)) continue;
                channels[2 * k][g] = (track.X(frame, k) + f * (track.X(next, k) - track.X(frame, k))) / scale;
                channels[2 * k + 1][g] = (track.Y(frame, k) + f * (track.Y(next, k) - track.Y(frame, k))) / scale;
            }
        }
        return channels;
    }

    // Subtracting a centred moving average (twice the longest period) removes drift across the frame but keeps every period searched.
    private static void RemoveDrift(double[][] channels, double rate)
    {
        var half = (int)Math.Round(DriftWindowSeconds * rate / 2);
        foreach (var channel in channels)
        {
            var n = channel.Length;
            var sums = new double[n + 1];
            var counts = new int[n + 1];
            for (var i = 0; i < n; i++)
            {
                var valid = !double.IsNaN(channel[i]);
                sums[i + 1] = sums[i] + (valid ? channel[i] : 0);
                counts[i + 1] = counts[i] + (valid ? 1 : 0);
            }
            for (var i = 0; i < n; i++)
            {
                if (double.IsNaN(channel[i])) continue;
                int lo = Math.Max(0, i - half), hi = Math.Min(n, i + half + 1);
                channel[i] -= (sums[hi] - sums[lo]) / (counts[hi] - counts[lo]);
            }
        }
    }

    /// <summary>Normalized over the overlapping samples of every coordinate (−1..1), so the shrinking overlap at long lags does not bias it.</summary>
    private static double Autocorrelation(double[][] channels, int lag)
    {
        double product = 0, early = 0, late = 0;
        foreach (var channel in channels)
        {
            for (var t = 0; t + lag < channel.Length; t++)
            {
                double a = channel[t], b = channel[t + lag];
                if (double.IsNaN(a) || double.IsNaN(b)) continue;
                product += a * b;
                early += a * a;
                late += b * b;
            }
        }
        return early > 0 && late > 0 ? product / Math.Sqrt(early * late) : 0;
    }

    private static double[] BeatTimes(double[][] channels, double rate, double period, double gridStart)
    {
        var signal = MainMotion(channels);
        var smoothed = MovingAverage(signal, Math.Max(1, (int)Math.Round(period * rate / 8)));
        var candidates = new List<int>();
        for (var i = 1; i < smoothed.Length - 1; i++)
        {
            if (smoothed[i] > 0 && smoothed[i] > smoothed[i - 1] && smoothed[i] >= smoothed[i + 1]) candidates.Add(i);
        }

        var minGap = 0.6 * period * rate;
        var chosen = new List<int>();
        foreach (var i in candidates.OrderByDescending(i => smoothed[i]))
        {
            if (chosen.All(c => Math.Abs(c - i) >= minGap)) chosen.Add(i);
        }
        chosen.Sort();
        return chosen.Select(i => Math.Round(gridStart + i / rate, 3)).ToArray();
    }

    /// <summary>The positions projected on their first principal component (power iteration on the 34×34 covariance).</summary>
    private static double[] MainMotion(double[][] channels)
    {
        var c = channels.Length;
        var n = channels[0].Length;
        var covariance = new double[c, c];
        for (var t = 0; t < n; t++)
        {
            for (var a = 0; a < c; a++)
            {
                var va = channels[a][t];
                if (double.IsNaN(va)) continue;
                for (var b = a; b < c; b++)
                {
                    var vb = channels[b][t];
                    if (!double.IsNaN(vb)) covariance[a, b] += va * vb;
                }
            }
        }
        for (var a = 0; a < c; a++) for (var b = 0; b < a; b++) covariance[a, b] = covariance[b, a];

        var direction = Enumerable.Repeat(1.0 / Math.Sqrt(c), c).ToArray();
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var next = new double[c];
            for (var a = 0; a < c; a++) for (var b = 0; b < c; b++) next[a] += covariance[a, b] * direction[b];
            var norm = Math.Sqrt(next.Sum(v => v * v));
            if (norm <= 0) break;
            for (var a = 0; a < c; a++) direction[a] = next[a] / norm;
        }
        // The sign of a principal component is arbitrary; fix it so the same motion always yields the same beats.
        var strongest = direction.Select(Math.Abs).Max();
        if (direction.First(v => Math.Abs(v) == strongest) < 0) for (var a = 0; a < c; a++) direction[a] = -direction[a];

        var signal = new double[n];
        for (var t = 0; t < n; t++) for (var a = 0; a < c; a++) if (!double.IsNaN(channels[a][t])) signal[t] += direction[a] * channels[a][t];
        return signal;
    }

    private static double[] MovingAverage(double[] values, int width)
    {
        var result = new double[values.Length];
        var half = width / 2;
        for (var i = 0; i < values.Length; i++)
        {
            int lo = Math.Max(0, i - half), hi = Math.Min(values.Length - 1, i + half);
            double sum = 0;
            for (var j = lo; j <= hi; j++) sum += values[j];
            result[i] = sum / (hi - lo + 1);
        }
        return result;
    }

    /// <summary>
    /// 0–100 from the regularity of the beat intervals: 100 · (1 − 2 · coefficient of variation). With fewer than three
    /// beats there are too few intervals, and the autocorrelation peak (0..1) stands in.
    /// </summary>
    private static double Consistency(double[] beats, double strength)
    {
        if (beats.Length < 3) return 100 * Math.Clamp(strength, 0, 1);
        var intervals = beats.Zip(beats.Skip(1), (a, b) => b - a).ToArray();
        var mean = intervals.Average();
        var deviation = Math.Sqrt(intervals.Sum(i => (i - mean) * (i - mean)) / intervals.Length);
        return 100 * Math.Clamp(1 - 2 * deviation / mean, 0, 1);
    }
}
