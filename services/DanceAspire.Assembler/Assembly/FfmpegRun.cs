using System.Globalization;
using DanceAspire.Media;
using DanceAspire.Media.Processes;

namespace DanceAspire.Assembler.Assembly;

/// <summary>
/// Runs one ffmpeg command that writes <c>-progress pipe:1</c>, turning its <c>out_time_us</c> into a fraction done; the
/// last one is how much ffmpeg wrote, which spares probing the output afterwards.
/// </summary>
internal static class FfmpegRun
{
    /// <param name="outputSeconds">How long the output will be: the denominator of the progress.</param>
    /// <param name="progress">Called with the fraction (0..1) at each progress block ffmpeg writes (about twice a second).</param>
    /// <returns>Seconds of output written (ffmpeg's final out_time).</returns>
    /// <exception cref="MediaToolException">ffmpeg failed; its stderr says why.</exception>
    public static async Task<double> RunAsync(
        FfmpegTools tools, IReadOnlyList<string> arguments, double outputSeconds, Func<double, ValueTask>? progress, CancellationToken cancellationToken)
    {
        await using var ffmpeg = ToolProcess.Start(tools.FfmpegPath, arguments, writesStdin: false, readsStdout: true);
        var written = 0.0;
        using (var reader = new StreamReader(ffmpeg.StandardOutput))
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("out_time_us=", StringComparison.Ordinal)
                    && long.TryParse(line.AsSpan("out_time_us=".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var microseconds))
                {
                    written = microseconds / 1e6;
                }
                else if (line.StartsWith("progress=", StringComparison.Ordinal) && progress is not null)
                {
                    await progress(Math.Clamp(written / Math.Max(outputSeconds, 1e-6), 0, 1));
                }
            }
        }
        var exitCode = await ffmpeg.WaitForExitAsync(cancellationToken);
        if (exitCode != 0) throw ffmpeg.Failure("assemble the video", exitCode);
        return written;
    }
}
