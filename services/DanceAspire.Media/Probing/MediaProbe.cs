using DanceAspire.Media.Processes;

namespace DanceAspire.Media.Probing;

/// <summary>Runs ffprobe on a file or an http(s) address (a blob's SAS URL) and reads what it holds.</summary>
public sealed class MediaProbe(FfmpegTools? tools = null)
{
    private readonly FfmpegTools _tools = tools ?? FfmpegTools.Default;

    /// <exception cref="MediaProbeException">ffprobe cannot read the file.</exception>
    public async Task<MediaInfo> ProbeAsync(string pathOrUrl, CancellationToken cancellationToken = default)
    {
        string[] arguments = ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", pathOrUrl];
        var (exitCode, output, error) = await ToolProcess.RunAsync(_tools.FfprobePath, arguments, cancellationToken);
        if (exitCode != 0) throw new MediaProbeException(FfprobeOutput.DescribeError(error, pathOrUrl));
        try
        {
            return FfprobeOutput.Parse(output);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new MediaProbeException(FfprobeOutput.DescribeError(error, pathOrUrl) + " (" + e.Message + ")");
        }
    }
}
