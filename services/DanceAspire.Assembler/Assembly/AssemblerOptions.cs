namespace DanceAspire.Assembler.Assembly;

/// <summary>How the assembler drives ffmpeg; bound from the "Assembler" configuration section.</summary>
public sealed class AssemblerOptions
{
    public const string Section = "Assembler";

    /// <summary>libx264 and filter threads. Few, because each encoder thread holds its own frames: memory stays low and replicas share the cores.</summary>
    public int EncoderThreads { get; set; } = 2;

    /// <summary>The libx264 preset for re-encoded output.</summary>
    public string Preset { get; set; } = "veryfast";

    /// <summary>
    /// The most clips one re-encoding ffmpeg run opens at once; longer timelines are rendered in parts and joined. Four
    /// keeps a run near 350 MiB at 720x1280 (eight measured 476 MiB): the 512 MiB budget holds with the soundtrack's ffmpeg beside it.
    /// </summary>
    public int MaxClipsPerRun { get; set; } = 4;

    /// <summary>Clips downloaded (and probed) at once.</summary>
    public int ParallelDownloads { get; set; } = 4;

    /// <summary>The integrated loudness (LUFS, EBU R128) the song is normalized to when normalize_audio is set: the usual level for online video.</summary>
    public double LoudnessTarget { get; set; } = -16;

    /// <summary>The true peak ceiling (dBTP) of the normalization.</summary>
    public double TruePeak { get; set; } = -1.5;

    /// <summary>The loudness range (LU) loudnorm aims for.</summary>
    public double LoudnessRange { get; set; } = 11;
}
