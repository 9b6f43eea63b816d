namespace DanceAspire.Media.Probing;

/// <summary>ffprobe could not read the file; <see cref="ProbeError"/> is its complaint with paths and addresses taken out.</summary>
public sealed class MediaProbeException(string probeError)
    : Exception($"ffprobe could not read the file: {probeError}")
{
    public string ProbeError { get; } = probeError;
}
