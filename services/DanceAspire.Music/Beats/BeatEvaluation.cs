namespace DanceAspire.Music.Beats;

/// <summary>
/// Beat-tracking scores that reproduce mir_eval.beat (F-measure, Cemgil, Goto, P-score, continuity, information gain)
/// number for number, including its quirks, so our tracker is judged on the same scale as published trackers.
/// Beat times are seconds, ascending.
/// </summary>
public static class BeatEvaluation
{
    public const double DefaultMinBeatTime = 5.0;
    public const double DefaultFMeasureWindow = 0.07;
    public const double DefaultCemgilSigma = 0.04;
    public const double DefaultGotoThreshold = 0.35;
    public const double DefaultGotoMu = 0.2;
    public const double DefaultGotoSigma = 0.2;
    public const double DefaultPScoreThreshold = 0.2;
    public const double DefaultContinuityThreshold = 0.175;
    public const int DefaultInformationGainBins = 41;

    /// <summary>mir_eval refuses event times beyond this (a sign of samples or milliseconds passed as seconds).</summary>
    public const double MaxBeatTime = 30000.0;

    /// <summary>All ten scores after dropping beats before <paramref name="minBeatTime"/> (0 keeps them all).</summary>
    public static BeatScores Evaluate(IReadOnlyList<double> reference, IReadOnlyList<double> estimated, double minBeatTime = DefaultMinBeatTime)
    {
        var r = TrimBeats(reference, minBeatTime);
        var e = TrimBeats(estimated, minBeatTime);
        var (cemgil, cemgilBest) = Cemgil(r, e);
        var c = Continuity(r, e);
        return new BeatScores(FMeasure(r, e), cemgil, cemgilBest, Goto(r, e), PScore(r, e),
            c.CorrectMetricLevelContinuous, c.CorrectMetricLevelTotal, c.AnyMetricLevelContinuous, c.AnyMetricLevelTotal,
            InformationGain(r, e));
    }

    /// <summary>The beats at or after <paramref name="minBeatTime"/>: the first seconds of a song are often unreliable to annotate.</summary>
    public static double[] TrimBeats(IReadOnlyList<double> beats, double minBeatTime = DefaultMinBeatTime) =>
        beats.Where(b => b >= minBeatTime).ToArray();

    /// <summary>F-measure of a one-to-one matching of beats within ±<paramref name="window"/> seconds.</summary>
    public static double FMeasure(IReadOnlyList<double> reference, IReadOnlyList<double> estimated, double window = DefaultFMeasureWindow)
    {
        Validate(reference, estimated);
        if (reference.Count == 0 || estimated.Count == 0) return 0.0;
        var matched = EventMatching.CountMatches(reference, estimated, window);
        var precision = (double)matched / estimated.Count;
        var recall = (double)matched / reference.Count;
        return precision == 0 && recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    /// <summary>Cemgil's Gaussian-error accuracy, at the annotated metric level and the best of the five variations.</summary>
    public static (double Accuracy, double BestMetricLevel) Cemgil(IReadOnlyList<double> reference, IReadOnlyList<double> estimated, double sigma = DefaultCemgilSigma)
    {
        Validate(reference, estimated);
        if (reference.Count == 0 || estimated.Count == 0) return (0.0, 0.0);
        var accuracies = new List<double>();
        foreach (var variation in ReferenceVariations(reference))
        {
            double accuracy = 0;
            foreach (var beat in variation)
            {
                var nearest = double.PositiveInfinity;
                foreach (var e in estimated) nearest = Math.Min(nearest, Math.Abs(beat - e));
                accuracy += Math.Exp(-(nearest * nearest) / (2.0 * sigma * sigma));
            }
            accuracies.Add(accuracy / (0.5 * (estimated.Count + variation.Length)));
        }
        return (accuracies[0], accuracies.Max());
    }

    /// <summary>Goto and Muraoka's binary score: 1 when a long enough run of beats is tracked with small, steady error.</summary>
    public static double Goto(IReadOnlyList<double> reference, IReadOnlyList<double> estimated,
        double threshold = DefaultGotoThreshold, double mu = DefaultGotoMu, double sigma = DefaultGotoSigma)
    {
        Validate(reference, estimated);
        if (reference.Count == 0 || estimated.Count == 0) return 0.0;
        var n = reference.Count;
        var beatError = Enumerable.Repeat(1.0, n).ToArray();
        for (var i = 1; i < n - 1; i++)
        {
            var previousInterval = 0.5 * (reference[i] - reference[i - 1]);
            var windowMin = reference[i] - previousInterval;
            var nextInterval = 0.5 * (reference[i + 1] - reference[i]);
            var windowMax = reference[i] + nextInterval;
            var inWindow = 0;
            var only = 0.0;
            foreach (var e in estimated)
            {
                if (e >= windowMin && e < windowMax) { inWindow++; only = e; }
            }
            if (inWindow != 1) continue;
            var offset = only - reference[i];
            beatError[i] = offset < 0 ? offset / previousInterval : offset / nextInterval;
        }

        var incorrect = Enumerable.Range(0, n).Where(i => Math.Abs(beatError[i]) > threshold).ToArray();
        double[]? track = null;
        if (incorrect.Length < 3)
        {
            // mir_eval's slice stops one short of the last incorrect beat; kept so the scores agree.
            var start = incorrect[0] + 1;
            var end = PythonSliceEnd(incorrect[^1] - 1, n);
            track = start < end ? beatError[start..end] : [];
        }
        else
        {
            var gaps = new int[incorrect.Length - 1];
            for (var i = 0; i < gaps.Length; i++) gaps[i] = incorrect[i + 1] - incorrect[i];
            var longest = gaps.Max();
            var at = Array.IndexOf(gaps, longest);
            if (longest - 1 > 0.25 * (n - 2)) track = beatError[incorrect[at]..(incorrect[at + 1] + 1)];
        }
        if (track is null || track.Length < 2) return 0.0; // an empty mean or a one-value sample std is NaN there, which fails
        var meanAbs = track.Select(Math.Abs).Average();
        var mean = track.Average();
        var std = Math.Sqrt(track.Sum(x => (x - mean) * (x - mean)) / (track.Length - 1));
        return meanAbs < mu && std < sigma ? 1.0 : 0.0;
    }

    /// <summary>McKinney's P-score: cross-correlation of 100 Hz impulse trains within a fraction of the median beat interval.</summary>
    public static double PScore(IReadOnlyList<double> reference, IReadOnlyList<double> estimated, double threshold = DefaultPScoreThreshold)
    {
        Validate(reference, estimated);
        if (reference.Count <= 1 || estimated.Count <= 1) return 0.0;
        const int samplingRate = 100;
        var offset = Math.Min(estimated.Min(), reference.Min());
        var referenceIndices = reference.Select(b => (long)Math.Ceiling((b - offset) * samplingRate)).Distinct().OrderBy(i => i).ToArray();
        var estimatedIndices = estimated.Select(b => (long)Math.Ceiling((b - offset) * samplingRate)).Distinct().OrderBy(i => i).ToArray();
        if (referenceIndices.Length < 2) return 0.0;

        var intervals = new double[referenceIndices.Length - 1];
        for (var i = 0; i < intervals.Length; i++) intervals[i] = referenceIndices[i + 1] - referenceIndices[i];
        Array.Sort(intervals);
        var mid = intervals.Length / 2;
        var median = intervals.Length % 2 == 1 ? intervals[mid] : (intervals[mid - 1] + intervals[mid]) / 2.0;
        var window = (long)Math.Round(threshold * median, MidpointRounding.ToEven);

        // The summed correlation over lags -window..window counts the impulse pairs that close together.
        long pairs = 0;
        foreach (var e in estimatedIndices)
        {
            var lo = LowerBound(referenceIndices, e - window);
            var hi = LowerBound(referenceIndices, e + window + 1);
            pairs += hi - lo;
        }
        return (double)pairs / Math.Max(estimated.Count, reference.Count);
    }

    /// <summary>Continuity scores (Hainsworth, Klapuri): longest continuous run and total share of correct beats, at the
    /// annotated metric level (CMLc, CMLt) and the best of double, half and off-beat variations (AMLc, AMLt).</summary>
    public static ContinuityScores Continuity(IReadOnlyList<double> reference, IReadOnlyList<double> estimated,
        double phaseThreshold = DefaultContinuityThreshold, double periodThreshold = DefaultContinuityThreshold)
    {
        Validate(reference, estimated);
        if (reference.Count <= 1 || estimated.Count <= 1) return new ContinuityScores(0, 0, 0, 0);
        var continuous = new List<double>();
        var total = new List<double>();
        foreach (var variation in ReferenceVariations(reference))
        {
            var (c, t) = ContinuityAtLevel(variation, estimated, phaseThreshold, periodThreshold);
            continuous.Add(c);
            total.Add(t);
        }
        return new ContinuityScores(continuous[0], total[0], continuous.Max(), total.Max());
    }

    /// <summary>Information gain: how far the histogram of beat errors (relative to the beat interval) is from uniform.</summary>
    public static double InformationGain(IReadOnlyList<double> reference, IReadOnlyList<double> estimated, int bins = DefaultInformationGainBins)
    {
        Validate(reference, estimated);
        if (reference.Count <= 1 || estimated.Count <= 1) return 0.0;
        var forward = BeatErrorEntropy(reference, estimated, bins);
        var backward = BeatErrorEntropy(estimated, reference, bins);
        var norm = Math.Log2(bins);
        return (norm - Math.Max(forward, backward)) / norm;
    }

    private static (double Continuous, double Total) ContinuityAtLevel(double[] reference, IReadOnlyList<double> estimated,
        double phaseThreshold, double periodThreshold)
    {
        var annotations = Math.Max(reference.Length, estimated.Count);
        var used = new bool[annotations];
        var success = new bool[annotations];
        for (var m = 0; m < estimated.Count; m++)
        {
            var nearest = ArgMinAbsDifference(estimated[m], reference);
            var minDifference = Math.Abs(estimated[m] - reference[nearest]);
            if (used[nearest]) continue;
            double phase, period;
            if (m == 0 || nearest == 0)
            {
                var referenceInterval = nearest + 1 < reference.Length
                    ? reference[nearest + 1] - reference[nearest]
                    : reference[nearest] - reference[nearest == 0 ? reference.Length - 1 : nearest - 1]; // Python's [-1] wraps
                var estimatedInterval = m + 1 < estimated.Count
                    ? estimated[m + 1] - estimated[m]
                    : estimated[m] - estimated[m - 1];
                if (referenceInterval == 0)
                {
                    phase = minDifference == 0 ? 1 : double.PositiveInfinity;
                    period = estimatedInterval == 0 ? 0 : double.PositiveInfinity;
                }
                else
                {
                    phase = Math.Abs(minDifference / referenceInterval);
                    period = Math.Abs(1 - estimatedInterval / referenceInterval);
                }
            }
            else
            {
                var referenceInterval = reference[nearest] - reference[nearest - 1];
                phase = Math.Abs(minDifference / referenceInterval);
                period = Math.Abs(1 - (estimated[m] - estimated[m - 1]) / referenceInterval);
            }
            if (phase < phaseThreshold && period < periodThreshold)
            {
                used[nearest] = true;
                success[m] = true;
            }
        }

        var longestRun = 0;
        var run = 0;
        var successes = 0;
        foreach (var s in success)
        {
            run = s ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
            if (s) successes++;
        }
        return (longestRun / (double)annotations, successes / (double)annotations);
    }

    private static double BeatErrorEntropy(IReadOnlyList<double> reference, IReadOnlyList<double> estimated, int bins)
    {
        var last = reference.Count - 1;
        var errors = new double[estimated.Count];
        for (var n = 0; n < estimated.Count; n++)
        {
            var closest = ArgMinAbsDifference(estimated[n], reference);
            var error = estimated[n] - reference[closest];
            double interval;
            // mir_eval lets the middle-beat rule override the first-beat one, and wraps index -1 to the last beat; kept.
            if (closest == last) interval = 0.5 * (reference[last] - reference[last - 1]);
            else if (error < 0) interval = 0.5 * (reference[closest] - reference[closest == 0 ? last : closest - 1]);
            else interval = 0.5 * (reference[closest + 1] - reference[closest]);
            errors[n] = WrapToHalf(0.5 * error / interval);
        }

        var counts = Histogram(errors, -0.5, 0.5, bins);
        double sum = 0;
        foreach (var c in counts) sum += c;
        var terms = new double[bins];
        for (var i = 0; i < bins; i++)
        {
            var p = counts[i] / sum;
            if (p == 0) p = 1;
            terms[i] = p * Math.Log2(p);
        }
        return -PairwiseSum(terms);
    }

    /// <summary>numpy's np.mod(x + 0.5, -1) + 0.5: the result of the modulo takes the divisor's sign, giving (-0.5, 0.5].</summary>
    private static double WrapToHalf(double x)
    {
        var m = (x + 0.5) % -1.0;
        if (m > 0) m += -1.0;
        else if (m == 0) m = -0.0;
        return m + 0.5;
    }

    /// <summary>numpy's histogram over equal bins: edges from linspace, left-closed bins, the last closed on both sides.</summary>
    private static double[] Histogram(double[] values, double first, double last, int bins)
    {
        var step = (last - first) / bins;
        var edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++) edges[i] = i * step + first;
        edges[bins] = last;
        var norm = bins / (last - first);
        var counts = new double[bins];
        foreach (var v in values)
        {
            if (!(v >= first && v <= last)) continue;
            var index = (int)((v - first) * norm);
            if (index == bins) index--;
            if (v < edges[index]) index--;
            if (v >= edges[index + 1] && index != bins - 1) index++;
            counts[index]++;
        }
        return counts;
    }

    /// <summary>The order numpy sums a short float array in (eight interleaved partial sums), so the last bits agree.</summary>
    private static double PairwiseSum(double[] a)
    {
        if (a.Length < 8)
        {
            var s = 0.0;
            foreach (var x in a) s += x;
            return s;
        }
        var r = new double[8];
        for (var k = 0; k < 8; k++) r[k] = a[k];
        var i = 8;
        for (; i < a.Length - a.Length % 8; i += 8)
        {
            for (var k = 0; k < 8; k++) r[k] += a[i + k];
        }
        var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < a.Length; i++) res += a[i];
        return res;
    }

    /// <summary>The annotated beats and four other metric levels: double tempo, off-beats, and half tempo on either phase.</summary>
    private static double[][] ReferenceVariations(IReadOnlyList<double> reference)
    {
        var n = reference.Count;
        var original = reference.ToArray();
        var doubled = new double[2 * n - 1];
        for (var i = 0; i < n; i++)
        {
            doubled[2 * i] = original[i];
            if (i + 1 < n) doubled[2 * i + 1] = (original[i + 1] - original[i]) * 0.5 + original[i];
        }
        var offBeats = Enumerable.Range(0, n - 1).Select(i => doubled[2 * i + 1]).ToArray();
        var evenBeats = original.Where((_, i) => i % 2 == 0).ToArray();
        var oddBeats = original.Where((_, i) => i % 2 == 1).ToArray();
        return [original, offBeats, doubled, evenBeats, oddBeats];
    }

    private static int ArgMinAbsDifference(double value, IReadOnlyList<double> beats)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var i = 0; i < beats.Count; i++)
        {
            var d = Math.Abs(value - beats[i]);
            if (d < bestDistance) { best = i; bestDistance = d; }
        }
        return best;
    }

    private static int PythonSliceEnd(int end, int length) => end < 0 ? Math.Max(0, end + length) : Math.Min(end, length);

    private static int LowerBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static void Validate(IReadOnlyList<double> reference, IReadOnlyList<double> estimated)
    {
        foreach (var beats in new[] { reference, estimated })
        {
            for (var i = 0; i < beats.Count; i++)
            {
                if (double.IsNaN(beats[i]) || beats[i] > MaxBeatTime)
                    throw new ArgumentException($"Beat time {beats[i]} is not a time in seconds below {MaxBeatTime}.");
                if (i > 0 && beats[i] < beats[i - 1])
                    throw new ArgumentException("Beat times must be in ascending order.");
            }
        }
    }
}

/// <summary>The four continuity scores of mir_eval: CMLc, CMLt, AMLc, AMLt.</summary>
public readonly record struct ContinuityScores(
    double CorrectMetricLevelContinuous,
    double CorrectMetricLevelTotal,
    double AnyMetricLevelContinuous,
    double AnyMetricLevelTotal);
