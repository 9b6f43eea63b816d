using DanceAspire.Analysis.Motion;
using DanceAspire.Analysis.Results;

namespace DanceAspire.Analysis.Metrics;

/// <summary>
/// Cuts the clip into moves where the motion changes. The feature is the vector of the six body parts' speeds;
/// at each frame the mean feature over the next <see cref="CompareWindowSeconds"/> is compared with the mean over
/// the previous one, as the relative L1 change Σ|after − before| / (Σ after + Σ before + 0.05). Local maxima of at
/// least <see cref="ChangeThreshold"/> become cuts, strongest first, at least <see cref="MinSegmentSeconds"/> apart;
/// segments longer than <see cref="MaxSegmentSeconds"/> are split evenly.
/// </summary>
public static class MotionSegmenter
{
    public const double CompareWindowSeconds = 1.5;
    public const double FeatureWindowSeconds = 0.5;
    public const double ChangeThreshold = 0.3;
    public const double MinSegmentSeconds = 1.0;
    public const double MaxSegmentSeconds = 8.0;
    private const double StillnessFloor = 0.05;

    public static IReadOnlyList<MotionSegment> Segment(
        PoseTrack track,
        IReadOnlyDictionary<BodyPart, double[]> partSpeeds,
        IReadOnlyList<MovementType?> types,
        IReadOnlyList<double> intensity,
        IReadOnlyList<double> durations)
    {
        var frames = Enumerable.Range(0, track.Count).Where(i => track.Usable[i]).ToArray();
        if (frames.Length == 0) return [];
        var start = track.Times[frames[0]] - durations[frames[0]] / 2;
        var end = track.Times[frames[^1]] + durations[frames[^1]] / 2;
        start = Math.Max(0, start);

        var cuts = ChangePoints(track, partSpeeds, frames, start, end);
        var bounds = new List<double> { start };
        bounds.AddRange(cuts);
        bounds.Add(end);

        var segments = new List<MotionSegment>();
        for (var s = 0; s + 1 < bounds.Count; s++)
        {
            var pieces = Math.Max(1, (int)Math.Ceiling((bounds[s + 1] - bounds[s]) / MaxSegmentSeconds - 1e-9));
            var length = (bounds[s + 1] - bounds[s]) / pieces;
            for (var p = 0; p < pieces; p++)
            {
                var from = bounds[s] + p * length;
                var to = p == pieces - 1 ? bounds[s + 1] : from + length;
                segments.Add(Describe(segments.Count, from, to, track, types, intensity, durations));
            }
        }
        return segments;
    }

    /// <summary>The change score at each usable frame (NaN elsewhere); exposed for tests and tuning.</summary>
    public static double[] ChangeScores(PoseTrack track, IReadOnlyDictionary<BodyPart, double[]> partSpeeds)
    {
        var frames = Enumerable.Range(0, track.Count).Where(i => track.Usable[i]).ToArray();
        var features = BodyPartKeypoints.All
            .Select(p => TimeWindow.CentredMean(partSpeeds[p.Part], track.Times, FeatureWindowSeconds / 2))
            .ToArray();

        // Prefix sums over usable frames of each feature, so each window mean is O(1).
        var m = frames.Length;
        var prefix = new double[features.Length][];
        for (var f = 0; f < features.Length; f++)
        {
            prefix[f] = new double[m + 1];
            for (var j = 0; j < m; j++) prefix[f][j + 1] = prefix[f][j] + (double.IsNaN(features[f][frames[j]]) ? 0 : features[f][frames[j]]);
        }

        var scores = new double[track.Count];
        Array.Fill(scores, double.NaN);
        int lo = 0, hi = 0;
        for (var j = 0; j < m; j++)
        {
            var t = track.Times[frames[j]];
            while (track.Times[frames[lo]] < t - CompareWindowSeconds) lo++;
            while (hi < m && track.Times[frames[hi]] < t + CompareWindowSeconds) hi++;
            if (j - lo < 1 || hi - j < 1) continue;
            double change = 0, total = 0;
            for (var f = 0; f < features.Length; f++)
            {
                var before = (prefix[f][j] - prefix[f][lo]) / (j - lo);
                var after = (prefix[f][hi] - prefix[f][j]) / (hi - j);
                change += Math.Abs(after - before);
                total += after + before;
            }
            scores[frames[j]] = change / (total + StillnessFloor);
        }
        return scores;
    }

    private static List<double> ChangePoints(PoseTrack track, IReadOnlyDictionary<BodyPart, double[]> partSpeeds, int[] frames, double start, double end)
    {
        var scores = ChangeScores(track, partSpeeds);
        var candidates = new List<(double Time, double Score)>();
        for (var j = 0; j < frames.Length; j++)
        {
            var score = scores[frames[j]];
            if (double.IsNaN(score) || score < ChangeThreshold) continue;
            var previous = j > 0 ? scores[frames[j - 1]] : double.NaN;
            var next = j < frames.Length - 1 ? scores[frames[j + 1]] : double.NaN;
            if ((!double.IsNaN(previous) && previous > score) || (!double.IsNaN(next) && next >= score)) continue;
            var time = track.Times[frames[j]];
            if (time - start >= MinSegmentSeconds && end - time >= MinSegmentSeconds) candidates.Add((time, score));
        }

        var cuts = new List<double>();
        foreach (var (time, _) in candidates.OrderByDescending(c => c.Score))
        {
            if (cuts.All(c => Math.Abs(c - time) >= MinSegmentSeconds)) cuts.Add(time);
        }
        cuts.Sort();
        return cuts;
    }

    private static MotionSegment Describe(
        int index, double from, double to, PoseTrack track, IReadOnlyList<MovementType?> types, IReadOnlyList<double> intensity, IReadOnlyList<double> durations)
    {
        var inside = new List<MovementType?>();
        var weights = new List<double>();
        double energy = 0, weight = 0;
        for (var i = 0; i < track.Count; i++)
        {
            if (track.Times[i] < from || track.Times[i] >= to || types[i] is null) continue;
            inside.Add(types[i]);
            weights.Add(durations[i]);
            energy += intensity[i] * durations[i];
            weight += durations[i];
        }
        var type = inside.Count > 0 ? MovementClassifier.Overall(inside, weights) : MovementType.Standing;
        return new MotionSegment(index, Math.Round(from, 3), Math.Round(to, 3), type, Math.Round(weight > 0 ? energy / weight : 0, 1));
    }
}
