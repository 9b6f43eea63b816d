namespace DanceAspire.Media;

/// <summary>ffmpeg ended with an error while decoding or encoding; <see cref="StandardError"/> holds its last lines.</summary>
public class MediaToolException(string message, int exitCode, string standardError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public string StandardError { get; } = standardError;
}
