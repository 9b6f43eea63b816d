using DanceAspire.Music.Beats;

namespace DanceAspire.Music.Songs;

/// <summary>A stretch of a song that sounds alike throughout (verse, chorus, ...), with its loudness 0..100 relative to the song.</summary>
public sealed record SongSection(int Index, double StartSeconds, double EndSeconds, double Energy);

/// <summary>
/// What choreography needs to know of a song: tempo, beats, downbeats, bar length, sections, and an energy curve
/// (RMS, 0..100 relative to the song's loudest moment) sampled every <see cref="EnergyCurveSeconds"/>.
/// </summary>
public sealed record SongAnalysis(
    double DurationSeconds,
    double TempoBpm,
    double[] Beats,
    double[] Downbeats,
    double BarSeconds,
    IReadOnlyList<SongSection> Sections,
    double EnergyCurveSeconds,
    double[] EnergyCurve);

/// <summary>
/// Analyzes a song's mono samples: the beat tracker, then sections by novelty on a bar-by-bar self-similarity matrix
/// (Foote's checkerboard kernel over mean log-mel spectra of each bar), with equal sections of a few bars as the
/// fallback when the song never changes character.
/// </summary>
public sealed class SongAnalyzer(BeatTracker? tracker = null)
{
    /// <summary>How many bars each side of a boundary the novelty kernel compares.</summary>
    public const int KernelBars = 4;

    /// <summary>The shortest section, in bars (and the length of the fallback's equal sections, doubled).</summary>
    public const int MinSectionBars = 4;

    /// <summary>A boundary needs novelty this far above the median (in its standard deviations).</summary>
    public const double NoveltyThreshold = 2.0;

    public const double EnergyCurveSeconds = 0.1;

    private readonly BeatTracker _tracker = tracker ?? new BeatTracker();

    public SongAnalysis Analyze(float[] samples, int sampleRate)
    {
        var duration = (double)samples.Length / sampleRate;
        var onsets = OnsetStrength.Compute(samples, sampleRate);
        var track = _tracker.Track(onsets);
        var barSeconds = track.TempoBpm > 0 ? 4 * 60 / track.TempoBpm : duration;
        var bars = BarStarts(track, duration, barSeconds);
        var peak = onsets.Energy.Length == 0 ? 0 : onsets.Energy.Max();
        var sections = Sections(onsets, bars, duration, peak);
        return new SongAnalysis(duration, track.TempoBpm, track.BeatTimes, track.DownbeatTimes, barSeconds, sections,
            EnergyCurveSeconds, EnergyCurve(onsets, duration, peak));
    }

    /// <summary>Bar starts: the downbeats, extended by whole bars to cover the song from 0 to its end.</summary>
    private static List<double> BarStarts(BeatTrack track, double duration, double barSeconds)
    {
        var starts = new List<double>(track.DownbeatTimes);
        if (starts.Count == 0) starts.Add(0);
        while (starts[0] - barSeconds > 0) starts.Insert(0, starts[0] - barSeconds);
        if (starts[0] > 0) starts.Insert(0, 0);
        while (starts[^1] + barSeconds < duration) starts.Add(starts[^1] + barSeconds);
        return starts;
    }

    private static List<SongSection> Sections(OnsetStrength onsets, List<double> bars, double duration, float peak)
    {
        var features = bars.Select((start, i) => MeanSpectrum(onsets, start, i + 1 < bars.Count ? bars[i + 1] : duration)).ToArray();
        var novelty = Novelty(features);
        var boundaries = PickBoundaries(novelty);
        if (boundaries.Count == 0)
        {
            // One character throughout: cut every 2 x MinSectionBars bars, so long songs still get phrases.
            for (var b = 2 * MinSectionBars; b < bars.Count - MinSectionBars; b += 2 * MinSectionBars) boundaries.Add(b);
        }
        var edges = new List<int> { 0 };
        edges.AddRange(boundaries);
        var sections = new List<SongSection>();
        for (var i = 0; i < edges.Count; i++)
        {
            var start = bars[edges[i]];
            var end = i + 1 < edges.Count ? bars[edges[i + 1]] : duration;
            sections.Add(new SongSection(i, Math.Round(start, 3), Math.Round(end, 3), Math.Round(MeanEnergy(onsets, start, end, peak), 1)));
        }
        return sections;
    }

    /// <summary>Foote novelty per bar boundary: how unlike the bars before it are to the bars after it.</summary>
    private static double[] Novelty(float[][] features)
    {
        var n = features.Length;
        var novelty = new double[n];
        for (var b = 1; b < n; b++)
        {
            double within = 0, across = 0;
            int withinCount = 0, acrossCount = 0;
            for (var i = Math.Max(0, b - KernelBars); i < Math.Min(n, b + KernelBars); i++)
            {
                for (var j = i + 1; j < Math.Min(n, b + KernelBars); j++)
                {
                    var similarity = Cosine(features[i], features[j]);
                    if (i < b == j < b) { within += similarity; withinCount++; }
                    else { across += similarity; acrossCount++; }
                }
            }
            novelty[b] = withinCount > 0 && acrossCount > 0 ? within / withinCount - across / acrossCount : 0;
        }
        return novelty;
    }

    /// <summary>Local maxima of novelty well above its typical level, at least MinSectionBars apart, strongest first.</summary>
    private static List<int> PickBoundaries(double[] novelty)
    {
        var candidates = Enumerable.Range(MinSectionBars, Math.Max(0, novelty.Length - 2 * MinSectionBars + 1)).ToList();
        if (candidates.Count == 0) return [];
        var values = novelty.Skip(1).Order().ToArray();
        var median = values[values.Length / 2];
        var spread = Math.Sqrt(values.Average(v => (v - median) * (v - median)));
        var chosen = new List<int>();
        foreach (var b in candidates.OrderByDescending(b => novelty[b]))
        {
            if (novelty[b] - median < NoveltyThreshold * spread || novelty[b] < 0.02) break;
            if (chosen.All(c => Math.Abs(c - b) >= MinSectionBars)) chosen.Add(b);
        }
        chosen.Sort();
        return chosen;
    }

    private static float[] MeanSpectrum(OnsetStrength onsets, double start, double end)
    {
        var bands = OnsetStrength.BandCount;
        var frames = onsets.Bands.Length / bands;
        var from = Math.Clamp((int)(start / onsets.FrameSeconds), 0, frames);
        var to = Math.Clamp((int)Math.Ceiling(end / onsets.FrameSeconds), from, frames);
        var mean = new float[bands];
        for (var t = from; t < to; t++)
        {
            for (var b = 0; b < bands; b++) mean[b] += onsets.Bands[t * bands + b];
        }
        if (to > from) for (var b = 0; b < bands; b++) mean[b] /= to - from;
        return mean;
    }

    private static double Cosine(float[] a, float[] b)
    {
        var norms = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(a, a) * (double)System.Numerics.Tensors.TensorPrimitives.Dot(b, b));
        return norms > 0 ? System.Numerics.Tensors.TensorPrimitives.Dot(a, b) / norms : 1;
    }

    private static double MeanEnergy(OnsetStrength onsets, double start, double end, float peak)
    {
        var from = Math.Clamp((int)(start / onsets.FrameSeconds), 0, onsets.Energy.Length);
        var to = Math.Clamp((int)Math.Ceiling(end / onsets.FrameSeconds), from, onsets.Energy.Length);
        if (to == from || peak <= 0) return 0;
        double sum = 0;
        for (var t = from; t < to; t++) sum += onsets.Energy[t];
        return 100 * sum / (to - from) / peak;
    }

    private static double[] EnergyCurve(OnsetStrength onsets, double duration, float peak)
    {
        var points = (int)Math.Ceiling(duration / EnergyCurveSeconds);
        var curve = new double[points];
        for (var i = 0; i < points; i++)
        {
            curve[i] = Math.Round(MeanEnergy(onsets, i * EnergyCurveSeconds, (i + 1) * EnergyCurveSeconds, peak), 1);
        }
        return curve;
    }
}
