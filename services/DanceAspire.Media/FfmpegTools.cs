namespace DanceAspire.Media;

/// <summary>Where the ffmpeg and ffprobe executables are; plain names are looked up on PATH.</summary>
public sealed record FfmpegTools
{
    public static readonly FfmpegTools Default = new();

    public string FfmpegPath { get; init; } = "ffmpeg";
    public string FfprobePath { get; init; } = "ffprobe";
}
