using System.Diagnostics;
using DanceAspire.Testing;
using Xunit.Abstractions;

namespace DanceAspire.ModelConverter.Tests;

/// <summary>
/// ONNX Runtime CPU time per frame of each converted model, on 1 and 2 threads (printed). The bounds only catch a
/// pathological conversion (e.g. transposes left around every op): the build machine is shared and often loaded.
/// </summary>
public sealed class InferenceSpeedTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("movenet-lightning", 2000)]
    [InlineData("movenet-thunder", 3000)]
    [InlineData("blazepose-detector", 2000)]
    [InlineData("blazepose-lite", 2000)]
    [InlineData("blazepose-full", 2000)]
    [InlineData("blazepose-heavy", 6000)]
    public void A_converted_model_runs_a_frame_on_the_cpu_within_its_budget(string name, double budgetMilliseconds)
    {
        var entry = PreparedModels.Entry(name);
        var input = ModelInput.FromPixels(RawFrames.ParitySet(entry.Input.Shape[1])[1], entry.Input.Type, entry.Input.Range!);
        var timings = new List<string>();
        foreach (var threads in new[] { 1, 2 })
        {
            using var model = new ConvertedModelRunner(TestMedia.Model(entry.File), threads);
            for (var i = 0; i < 3; i++) model.Run(input);
            const int Runs = 10;
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < Runs; i++) model.Run(input);
            var perFrame = stopwatch.Elapsed.TotalMilliseconds / Runs;
            timings.Add($"{threads} thread(s) {perFrame:0.0} ms");
            Assert.True(perFrame < budgetMilliseconds, $"{name} took {perFrame:0.0} ms per frame on {threads} thread(s).");
        }
        output.WriteLine($"{name}: {string.Join(", ", timings)}");
    }
}
