using DanceAspire.Analysis.Smoothing;

namespace DanceAspire.Analysis.Tests;

public class OneEuroFilterTests
{
    [Fact]
    public void Jitter_on_a_still_point_is_reduced_several_fold()
    {
        var random = new Random(3);
        var filter = new OneEuroFilter(1.5, 0.01, 1.0);
        double rawSquares = 0, filteredSquares = 0;
        for (var i = 0; i < 600; i++)
        {
            var noise = (random.NextDouble() - 0.5) * 6;
            var filtered = filter.Filter(100 + noise, i / 30.0);
            if (i < 30) continue;
            rawSquares += noise * noise;
            filteredSquares += (filtered - 100) * (filtered - 100);
        }
        Assert.True(filteredSquares < rawSquares / 4, $"raw {rawSquares}, filtered {filteredSquares}");
    }

    [Fact]
    public void A_higher_beta_follows_a_fast_move_with_less_lag()
    {
        double LagAfterRamp(double beta)
        {
            var filter = new OneEuroFilter(1.0, beta, 1.0);
            var value = 0.0;
            for (var i = 0; i <= 30; i++) value = filter.Filter(i * 10.0, i / 30.0); // 300 px/s for 1 s
            return 300 - value;
        }

        Assert.True(LagAfterRamp(0.05) < LagAfterRamp(0) / 3);
    }

    [Fact]
    public void The_same_cutoff_smooths_alike_at_different_frame_rates()
    {
        double StepResponseAtHalfSecond(double fps)
        {
            var filter = new OneEuroFilter(1.0, 0, 1.0);
            filter.Filter(0, 0);
            var value = 0.0;
            for (var i = 1; i <= (int)(0.5 * fps); i++) value = filter.Filter(1, i / fps);
            return value;
        }

        Assert.Equal(StepResponseAtHalfSecond(30), StepResponseAtHalfSecond(60), 1);
    }
}
