using System.Globalization;
using System.Text.Json;
using DanceAspire.Music.Beats;
using DanceAspire.Testing;

namespace DanceAspire.Music.Tests;

public class BeatEvaluationTests
{
    private const double Tolerance = 1e-9;

    public static TheoryData<string> MirEvalPairs()
    {
        var data = new TheoryData<string>();
        for (var i = 0; i < 10; i++) data.Add(i.ToString("00", CultureInfo.InvariantCulture));
        return data;
    }

    [Theory]
    [MemberData(nameof(MirEvalPairs))]
    public void Scores_every_mir_eval_fixture_pair_exactly_as_mir_eval_does(string pair)
    {
        var reference = ReadBeats($"beats/ref{pair}.txt");
        var estimated = ReadBeats($"beats/est{pair}.txt");
        using var expected = JsonDocument.Parse(File.ReadAllText(TestMedia.File($"beats/output{pair}.json")));
        double Expected(string name) => expected.RootElement.GetProperty(name).GetDouble();

        var scores = BeatEvaluation.Evaluate(reference, estimated);

        Assert.Equal(Expected("F-measure"), scores.FMeasure, Tolerance);
        Assert.Equal(Expected("Cemgil"), scores.Cemgil, Tolerance);
        Assert.Equal(Expected("Cemgil Best Metric Level"), scores.CemgilBestMetricLevel, Tolerance);
        Assert.Equal(Expected("Goto"), scores.Goto, Tolerance);
        Assert.Equal(Expected("P-score"), scores.PScore, Tolerance);
        Assert.Equal(Expected("Correct Metric Level Continuous"), scores.CorrectMetricLevelContinuous, Tolerance);
        Assert.Equal(Expected("Correct Metric Level Total"), scores.CorrectMetricLevelTotal, Tolerance);
        Assert.Equal(Expected("Any Metric Level Continuous"), scores.AnyMetricLevelContinuous, Tolerance);
        Assert.Equal(Expected("Any Metric Level Total"), scores.AnyMetricLevelTotal, Tolerance);
        Assert.Equal(Expected("Information gain"), scores.InformationGain, Tolerance);
    }

    [Fact]
    public void An_empty_estimate_scores_zero_on_every_metric()
    {
        var reference = Enumerable.Range(0, 40).Select(i => 5.0 + 0.5 * i).ToArray();

        var scores = BeatEvaluation.Evaluate(reference, []);

        Assert.Equal(new BeatScores(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), scores);
    }

    [Fact]
    public void Identical_beat_lists_score_perfectly()
    {
        var beats = Enumerable.Range(0, 40).Select(i => 5.0 + 0.5 * i).ToArray();

        var scores = BeatEvaluation.Evaluate(beats, beats);

        Assert.Equal(1.0, scores.FMeasure, Tolerance);
        Assert.Equal(1.0, scores.Cemgil, Tolerance);
        Assert.Equal(1.0, scores.Goto, Tolerance);
        Assert.Equal(1.0, scores.PScore, Tolerance);
        Assert.Equal(1.0, scores.CorrectMetricLevelContinuous, Tolerance);
        Assert.Equal(1.0, scores.AnyMetricLevelTotal, Tolerance);
        Assert.Equal(1.0, scores.InformationGain, Tolerance);
    }

    [Fact]
    public void Beats_before_the_minimum_time_are_ignored()
    {
        var reference = new[] { 1.0, 2.0, 5.0, 6.0 };
        var estimated = new[] { 1.3, 2.3, 5.0, 6.0 };

        Assert.Equal(1.0, BeatEvaluation.Evaluate(reference, estimated).FMeasure, Tolerance);
        Assert.Equal(0.5, BeatEvaluation.Evaluate(reference, estimated, minBeatTime: 0).FMeasure, Tolerance);
    }

    [Fact]
    public void F_measure_pairs_each_beat_once_even_when_windows_overlap()
    {
        // Two estimates sit near one reference beat: only one may count, and the other reference beat stays unmatched.
        var reference = new[] { 10.0, 10.1 };
        var estimated = new[] { 10.05, 10.06 };

        Assert.Equal(1.0, BeatEvaluation.FMeasure(reference, estimated, window: 0.07), Tolerance);
        Assert.Equal(0.5, BeatEvaluation.FMeasure(reference, [10.0, 10.01], window: 0.07), Tolerance);
    }

    [Fact]
    public void Unsorted_beats_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BeatEvaluation.Evaluate([6.0, 5.5], [6.0]));
    }

    private static double[] ReadBeats(string relativePath) =>
        File.ReadAllLines(TestMedia.File(relativePath))
            .Where(line => !string.IsNullOrWhiteSpace(line) && !line.TrimStart().StartsWith('#'))
            .Select(line => double.Parse(line, NumberStyles.Float, CultureInfo.InvariantCulture))
            .ToArray();
}
