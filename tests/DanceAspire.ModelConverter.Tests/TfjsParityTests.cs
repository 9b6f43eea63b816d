using DanceAspire.Testing;
using Xunit.Abstractions;

namespace DanceAspire.ModelConverter.Tests;

/// <summary>
/// Each converted model must give TFJS's own outputs on real frames. Differences are measured relative to
/// max(1, |reference|): absolute for outputs of order 1 (scores, heatmaps, masks, metres), relative for outputs in
/// pixels or raw logits (the detector's boxes and logits, BlazePose's ld_3d). The bound is 1e-4, except where the
/// network itself amplifies float32 rounding beyond that: there ONNX Runtime disagrees with itself (graph
/// optimizations on vs off, i.e. only a different summation order) by as much, and the conversion may differ from
/// TFJS by at most <see cref="RoundingNoiseFactor"/> times that self-disagreement.
/// </summary>
public sealed class TfjsParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-4;
    private const double RoundingNoiseFactor = 4;

    [Theory]
    [InlineData("movenet-lightning")]
    [InlineData("movenet-thunder")]
    [InlineData("blazepose-detector")]
    [InlineData("blazepose-full")]
    public void The_converted_model_reproduces_the_tfjs_outputs_on_real_frames(string name)
    {
        var entry = PreparedModels.Entry(name);
        var inputs = RawFrames.ParitySet(entry.Input.Shape[1])
            .Select(frame => ModelInput.FromPixels(frame, entry.Input.Type, entry.Input.Range!)).ToList();
        var expected = TfjsReference.Run(PreparedModels.SourceModelJson(name), entry.Input.Type, inputs);
        using var model = new ConvertedModelRunner(TestMedia.Model(entry.File));
        using var unoptimized = new ConvertedModelRunner(TestMedia.Model(entry.File), optimize: false);
        var actual = inputs.Select(model.Run).ToList();
        var rerun = inputs.Select(unoptimized.Run).ToList();

        Assert.Equal(entry.Outputs.Select(o => o.Name).Order(), expected[0].Keys.Order());
        var failures = new List<string>();
        foreach (var outputName in model.OutputNames)
        {
            var conversion = Difference.Between(actual.Select(o => o[outputName]), expected.Select(o => o[outputName]));
            var noise = Difference.Between(actual.Select(o => o[outputName]), rerun.Select(o => o[outputName]));
            var bound = Math.Max(Tolerance, RoundingNoiseFactor * noise.MaxScaled);
            output.WriteLine($"{name} {outputName}: vs TFJS max |diff| {conversion.MaxAbsolute:E2}, max scaled {conversion.MaxScaled:E2}, " +
                             $"mean |diff| {conversion.MeanAbsolute:E2}; ORT opt-vs-unopt max scaled {noise.MaxScaled:E2}; bound {bound:E1}");
            if (!(conversion.MaxScaled <= bound)) failures.Add($"{outputName}: {conversion.MaxScaled:E2} > {bound:E1}");
        }
        Assert.True(failures.Count == 0, $"{name} differs from TFJS: {string.Join("; ", failures)}");
    }

    private sealed record Difference(double MaxAbsolute, double MaxScaled, double MeanAbsolute)
    {
        public static Difference Between(IEnumerable<float[]> actual, IEnumerable<float[]> reference)
        {
            double maxAbsolute = 0, maxScaled = 0, sum = 0;
            long count = 0;
            foreach (var (a, r) in actual.Zip(reference))
            {
                Assert.Equal(r.Length, a.Length);
                for (var i = 0; i < a.Length; i++)
                {
                    var difference = Math.Abs((double)a[i] - r[i]);
                    maxAbsolute = Math.Max(maxAbsolute, difference);
                    maxScaled = Math.Max(maxScaled, difference / Math.Max(1.0, Math.Abs(r[i])));
                    sum += difference;
                    count++;
                }
            }
            return new Difference(maxAbsolute, maxScaled, sum / count);
        }
    }
}
