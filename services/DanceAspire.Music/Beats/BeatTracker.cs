namespace DanceAspire.Music.Beats;

/// <summary>
/// Finds tempo, beats and downbeats in mono audio: onset strength, autocorrelation tempo with a prior around 120 BPM,
/// then Ellis's (2007) dynamic programme, which picks the beat sequence that best balances landing on onsets against
/// keeping the spacing at the local beat period.
/// </summary>
public sealed class BeatTracker(BeatTrackerOptions? options = null)
{
    private readonly BeatTrackerOptions _options = options ?? new BeatTrackerOptions();

    public BeatTrack Track(float[] samples, int sampleRate) => Track(OnsetStrength.Compute(samples, sampleRate));

    /// <summary>Tracks beats in onsets already computed (the song analysis reuses them for its sections).</summary>
    public BeatTrack Track(OnsetStrength onsets)
    {
        var tempo = TempoEstimator.Estimate(onsets.Envelope, onsets.FrameRate, _options);
        var localScore = LocalScore(onsets.Envelope, tempo.PeriodFrames);
        var beatFrames = TrimWeakEnds(PlaceBeats(localScore, tempo.PeriodFrames), localScore);
        double ToSeconds(int frame) => frame * onsets.FrameSeconds + onsets.OnsetLatencySeconds;
        var beatTimes = beatFrames.Select(ToSeconds).ToArray();
        var downbeats = ChooseDownbeats(beatFrames, localScore, onsets.Energy).Select(ToSeconds).ToArray();
        return new BeatTrack(tempo.GlobalBpm, beatTimes, downbeats, onsets.Energy, onsets.FrameSeconds);
    }

    /// <summary>The onset envelope scaled to unit deviation and smoothed by a narrow Gaussian a fraction of a beat wide.</summary>
    private static double[] LocalScore(float[] envelope, double[] periods)
    {
        var n = envelope.Length;
        var mean = envelope.Length == 0 ? 0 : envelope.Average(v => (double)v);
        var std = Math.Sqrt(envelope.Length == 0 ? 0 : envelope.Average(v => (v - mean) * (v - mean)));
        var scale = std > 0 ? 1 / std : 0;
        var typicalPeriod = periods.Length == 0 ? 1 : periods.Average();
        var radius = Math.Max(1, (int)Math.Round(typicalPeriod / 8));
        var kernel = new double[2 * radius + 1];
        for (var k = -radius; k <= radius; k++) kernel[k + radius] = Math.Exp(-0.5 * Math.Pow(k * 32.0 / typicalPeriod, 2));
        var score = new double[n];
        for (var t = 0; t < n; t++)
        {
            double sum = 0;
            for (var k = -radius; k <= radius; k++)
            {
                var s = t + k;
                if (s >= 0 && s < n) sum += kernel[k + radius] * envelope[s];
            }
            score[t] = sum * scale;
        }
        return score;
    }

    private int[] PlaceBeats(double[] localScore, double[] periods)
    {
        var n = localScore.Length;
        if (n == 0) return [];
        var cumulative = new double[n];
        var backlink = new int[n];
        var firstSignificant = 0.01 * localScore.Max();
        var started = false;
        for (var i = 0; i < n; i++)
        {
            var period = periods[i];
            var logPeriod = Math.Log(period);
            var best = double.NegativeInfinity;
            var bestPrevious = -1;
            var from = i - (int)Math.Round(2 * period);
            var to = i - (int)Math.Round(period / 2);
            for (var previous = Math.Max(0, from); previous <= to; previous++)
            {
                var d = Math.Log(i - previous) - logPeriod;
                var candidate = cumulative[previous] - _options.Tightness * d * d;
                if (candidate > best) { best = candidate; bestPrevious = previous; }
            }
            // Before the first real onset there is nothing to chain from: silence must not pull the grid.
            if (!started || bestPrevious < 0)
            {
                cumulative[i] = localScore[i];
                backlink[i] = -1;
            }
            else
            {
                cumulative[i] = localScore[i] + best;
                backlink[i] = bestPrevious;
            }
            if (localScore[i] > firstSignificant) started = true;
        }

        var last = LastBeat(cumulative);
        var beats = new List<int>();
        for (var b = last; b >= 0; b = backlink[b]) beats.Add(b);
        beats.Reverse();
        return beats.ToArray();
    }

    /// <summary>The last local maximum of the cumulative score that is above half the median maximum.</summary>
    private static int LastBeat(double[] cumulative)
    {
        var n = cumulative.Length;
        var peaks = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var left = i == 0 ? double.NegativeInfinity : cumulative[i - 1];
            var right = i == n - 1 ? double.NegativeInfinity : cumulative[i + 1];
            if (cumulative[i] > left && cumulative[i] >= right) peaks.Add(i);
        }
        if (peaks.Count == 0) return n - 1;
        var values = peaks.Select(p => cumulative[p]).OrderBy(v => v).ToArray();
        var threshold = 0.5 * values[values.Length / 2];
        for (var k = peaks.Count - 1; k >= 0; k--)
        {
            if (cumulative[peaks[k]] >= threshold) return peaks[k];
        }
        return peaks[^1];
    }

    /// <summary>Drops beats at either end that sit on almost nothing: the grid extrapolated into silence.</summary>
    private static int[] TrimWeakEnds(int[] beats, double[] localScore)
    {
        if (beats.Length == 0) return beats;
        var threshold = 0.5 * Math.Sqrt(beats.Average(b => localScore[b] * localScore[b]));
        var start = 0;
        while (start < beats.Length && localScore[beats[start]] <= threshold) start++;
        var end = beats.Length;
        while (end > start && localScore[beats[end - 1]] <= threshold) end--;
        return beats[start..end];
    }

    /// <summary>Every bar's first beat, with the bar phase whose beats carry the most onset strength and energy.</summary>
    private int[] ChooseDownbeats(int[] beats, double[] localScore, float[] energy)
    {
        var perBar = Math.Max(1, _options.BeatsPerBar);
        if (beats.Length == 0) return [];
        var maxScore = Math.Max(1e-12, beats.Max(b => localScore[b]));
        var maxEnergy = Math.Max(1e-12, beats.Max(b => (double)energy[b]));
        var bestPhase = 0;
        var bestStrength = double.NegativeInfinity;
        for (var phase = 0; phase < Math.Min(perBar, beats.Length); phase++)
        {
            double strength = 0;
            var count = 0;
            for (var i = phase; i < beats.Length; i += perBar)
            {
                strength += localScore[beats[i]] / maxScore + PeakEnergyNear(energy, beats[i]) / maxEnergy;
                count++;
            }
            strength /= count;
            if (strength > bestStrength + 1e-9) { bestStrength = strength; bestPhase = phase; }
        }
        return Enumerable.Range(0, beats.Length).Where(i => i >= bestPhase && (i - bestPhase) % perBar == 0).Select(i => beats[i]).ToArray();
    }

    private static double PeakEnergyNear(float[] energy, int frame)
    {
        double peak = 0;
        for (var f = Math.Max(0, frame - 1); f <= Math.Min(energy.Length - 1, frame + 3); f++) peak = Math.Max(peak, energy[f]);
        return peak;
    }
}
