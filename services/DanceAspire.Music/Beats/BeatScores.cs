namespace DanceAspire.Music.Beats;

/// <summary>The ten beat-tracking scores of mir_eval.beat.evaluate, under the same names.</summary>
public sealed record BeatScores(
    double FMeasure,
    double Cemgil,
    double CemgilBestMetricLevel,
    double Goto,
    double PScore,
    double CorrectMetricLevelContinuous,
    double CorrectMetricLevelTotal,
    double AnyMetricLevelContinuous,
    double AnyMetricLevelTotal,
    double InformationGain);
