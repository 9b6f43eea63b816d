namespace DanceAspire.Pose.BlazePose;

/// <summary>Keeps the best-scoring detections and drops those overlapping an already kept one.</summary>
public static class NonMaxSuppression
{
    /// <summary>BlazePose drops detections overlapping a better one by more than this intersection over union.</summary>
    public const float BlazePoseIouThreshold = 0.3f;

    public static List<Detection> Select(IEnumerable<Detection> detections, float iouThreshold, int maxCount)
    {
        var kept = new List<Detection>();
        foreach (var candidate in detections.OrderByDescending(d => d.Score))
        {
            if (kept.Count >= maxCount) break;
            if (kept.All(k => k.IntersectionOverUnion(candidate) <= iouThreshold)) kept.Add(candidate);
        }
        return kept;
    }
}
