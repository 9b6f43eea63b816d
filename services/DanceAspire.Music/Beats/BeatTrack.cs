namespace DanceAspire.Music.Beats;

/// <summary>
/// What the beat tracker found in a piece: the overall tempo, beat and downbeat times in seconds, and an energy
/// (RMS) curve with one value per analysis frame, frame i centred at i * <see cref="FrameSeconds"/>.
/// </summary>
public sealed record BeatTrack(
    double TempoBpm,
    double[] BeatTimes,
    double[] DownbeatTimes,
    float[] Energy,
    double FrameSeconds);
