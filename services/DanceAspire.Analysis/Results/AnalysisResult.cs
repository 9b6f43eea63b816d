using DanceAspire.Analysis.Metrics;

namespace DanceAspire.Analysis.Results;

// The results wire contract (schema_version 1), serialized in snake_case by AnalysisJsonContext. See RESULTS.md.

public sealed record AnalysisResult(
    int SchemaVersion,
    ProcessingInfo Processing,
    PoseSummary Pose,
    MovementSummary Movement,
    RhythmSummary Rhythm,
    double SmoothnessScore,
    IReadOnlyList<MotionSegment> Segments,
    IReadOnlyList<string> Notes)
{
    public const int CurrentSchemaVersion = 1;
}

public sealed record ProcessingInfo(int TotalFrames, int FramesWithPose, double DetectionRate, double ProcessingTimeS, double Fps, string Model);

/// <summary><paramref name="KeypointFormat"/> is the model's layout (coco17 | blazepose33); metrics always use COCO-17.</summary>
public sealed record PoseSummary(string KeypointFormat, double AverageConfidence);

public sealed record MovementSummary(
    MovementType MovementType,
    double Intensity,
    double Velocity,
    BodyPartActivity BodyPartActivity,
    IReadOnlyList<TimelineEntry> Timeline);

public sealed record BodyPartActivity(double Head, double Torso, double LeftArm, double RightArm, double LeftLeg, double RightLeg);

public sealed record TimelineEntry(double StartS, double EndS, MovementType MovementType, double Intensity);

public sealed record RhythmSummary(bool HasRhythm, double EstimatedBpm, double RhythmConsistency, IReadOnlyList<double> PeaksS);

public sealed record MotionSegment(int Index, double StartS, double EndS, MovementType MovementType, double Energy);
