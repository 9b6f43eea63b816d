using System.Runtime.InteropServices;
using DanceAspire.Media.Processes;

namespace DanceAspire.Media.Audio;

/// <summary>Decodes a song's audio to mono float samples at a chosen rate (ffmpeg, f32le through a pipe), for beat tracking.</summary>
public sealed class AudioDecoder(FfmpegTools? tools = null)
{
    private readonly FfmpegTools _tools = tools ?? FfmpegTools.Default;

    public async Task<float[]> DecodeMonoAsync(string pathOrUrl, int sampleRate = 22050, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        string[] arguments = ["-nostdin", "-v", "error", "-i", pathOrUrl, "-map", "0:a:0", "-vn", "-ac", "1", "-ar", sampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "f32le", "pipe:1"];
        await using var ffmpeg = ToolProcess.Start(_tools.FfmpegPath, arguments, writesStdin: false, readsStdout: true);
        using var bytes = new MemoryStream();
        await ffmpeg.StandardOutput.CopyToAsync(bytes, cancellationToken);
        var exitCode = await ffmpeg.WaitForExitAsync(cancellationToken);
        if (exitCode != 0) throw ffmpeg.Failure("decode the audio", exitCode);
        return MemoryMarshal.Cast<byte, float>(bytes.GetBuffer().AsSpan(0, (int)(bytes.Length / sizeof(float) * sizeof(float)))).ToArray();
    }
}
