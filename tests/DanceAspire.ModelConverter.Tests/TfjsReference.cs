using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using DanceAspire.Testing;

namespace DanceAspire.ModelConverter.Tests;

/// <summary>Runs the original TFJS model in Node (models/parity/tfjs-reference.mjs) and reads its outputs by name.</summary>
internal static class TfjsReference
{
    public static IReadOnlyList<IReadOnlyDictionary<string, float[]>> Run(string modelJson, string inputType, IReadOnlyList<ModelInput> inputs)
    {
        var work = Directory.CreateTempSubdirectory("tfjs-reference-");
        try
        {
            var files = inputs.Select((input, i) =>
            {
                var file = Path.Combine(work.FullName, $"input{i}.raw");
                File.WriteAllBytes(file, input.LittleEndianBytes());
                return file;
            }).ToList();
            var outDir = Path.Combine(work.FullName, "out");
            var models = Path.Combine(TestMedia.RepositoryRoot, "models");
            var start = new ProcessStartInfo("node") { WorkingDirectory = models, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { Path.Combine(models, "parity", "tfjs-reference.mjs"), modelJson, inputType, outDir }.Concat(files))
                start.ArgumentList.Add(argument);
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            node.WaitForExit();
            if (node.ExitCode != 0) throw new InvalidOperationException($"TFJS reference failed ({node.ExitCode}): {errors.Result}{output.Result}");

            using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "outputs.json")));
            var names = index.RootElement.GetProperty("outputs").EnumerateArray()
                .Select(entry => entry.GetProperty("key").GetString()!.Replace(":0", "", StringComparison.Ordinal)).ToList();
            return Enumerable.Range(0, inputs.Count)
                .Select(i => (IReadOnlyDictionary<string, float[]>)names.ToDictionary(name => name,
                    name => MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(outDir, i.ToString(System.Globalization.CultureInfo.InvariantCulture), name + ".f32"))).ToArray()))
                .ToList();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
