namespace DanceAspire.Music.Beats;

/// <summary>
/// One-to-one matching of reference and estimated event times within a tolerance window, as mir_eval.util.match_events:
/// a maximum bipartite matching, so one stray estimate cannot steal the partner of another.
/// </summary>
public static class EventMatching
{
    /// <summary>The size of a maximum matching where a pair matches when |reference - estimate| &lt;= window.</summary>
    public static int CountMatches(IReadOnlyList<double> reference, IReadOnlyList<double> estimated, double window)
    {
        var sortedReference = reference.OrderBy(t => t).ToArray();
        // Candidates are found exactly as mir_eval finds them (est - window <= ref <= est + window), so boundary cases agree.
        var candidates = new int[estimated.Count][];
        for (var e = 0; e < estimated.Count; e++)
        {
            var lo = LowerBound(sortedReference, estimated[e] - window);
            var hi = UpperBound(sortedReference, estimated[e] + window);
            candidates[e] = hi > lo ? Enumerable.Range(lo, hi - lo).ToArray() : [];
        }

        var partnerOfReference = Enumerable.Repeat(-1, sortedReference.Length).ToArray();
        var matches = 0;
        var visited = new int[sortedReference.Length];
        for (var e = 0; e < estimated.Count; e++)
        {
            if (TryAugment(e, e + 1, candidates, partnerOfReference, visited)) matches++;
        }
        return matches;
    }

    private static bool TryAugment(int estimate, int stamp, int[][] candidates, int[] partnerOfReference, int[] visited)
    {
        foreach (var r in candidates[estimate])
        {
            if (visited[r] == stamp) continue;
            visited[r] = stamp;
            if (partnerOfReference[r] < 0 || TryAugment(partnerOfReference[r], stamp, candidates, partnerOfReference, visited))
            {
                partnerOfReference[r] = estimate;
                return true;
            }
        }
        return false;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
