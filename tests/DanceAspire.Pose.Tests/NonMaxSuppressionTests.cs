using DanceAspire.Pose.BlazePose;

namespace DanceAspire.Pose.Tests;

public class NonMaxSuppressionTests
{
    private static Detection Box(float score, float xMin, float yMin, float xMax, float yMax) => new(score, xMin, yMin, xMax, yMax, []);

    [Fact]
    public void Intersection_over_union_of_half_overlapping_squares_is_one_third()
    {
        var a = Box(1, 0, 0, 2, 2);
        var b = Box(1, 1, 0, 3, 2);

        Assert.Equal(1f / 3f, a.IntersectionOverUnion(b), 6);
        Assert.Equal(0f, a.IntersectionOverUnion(Box(1, 5, 5, 6, 6)));
    }

    [Fact]
    public void Overlapping_weaker_boxes_are_dropped_and_separate_ones_kept_best_first()
    {
        var strong = Box(0.9f, 0, 0, 2, 2);
        var overlapping = Box(0.95f, 0.2f, 0, 2.2f, 2); // IoU with strong ~0.82
        var separate = Box(0.6f, 5, 5, 7, 7);
        var halfOverlap = Box(0.8f, 1, 0, 3, 2);         // IoU ~0.43 with the kept one

        var kept = NonMaxSuppression.Select([strong, overlapping, separate, halfOverlap], 0.3f, 10);

        Assert.Equal([overlapping, separate], kept);
    }

    [Fact]
    public void At_most_the_requested_number_is_kept()
    {
        var kept = NonMaxSuppression.Select([Box(0.1f, 0, 0, 1, 1), Box(0.7f, 5, 5, 6, 6), Box(0.5f, 9, 9, 10, 10)], 0.3f, 1);

        Assert.Equal(0.7f, Assert.Single(kept).Score);
    }
}
