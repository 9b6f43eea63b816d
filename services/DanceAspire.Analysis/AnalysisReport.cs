using DanceAspire.Analysis.Metrics;
using DanceAspire.Analysis.Motion;
using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Results;
using DanceAspire.Analysis.Smoothing;

namespace DanceAspire.Analysis;

/// <summary>The entry point: a clip's pose frames in, the <see cref="AnalysisResult"/> out (smoothing, every metric, the notes).</summary>
public static class AnalysisReport
{
    public const double LowDetectionRate = 0.5;

    public static AnalysisResult Build(
        IReadOnlyList<PoseFrame> frames, double fps, string model, double processingTimeSeconds,
        SmoothingOptions? smoothing = null, MovementThresholds? thresholds = null)
    {
        fps = EffectiveFps(frames, fps);
        var withPose = frames.Count(f => f.HasPose);
        var detectionRate = frames.Count > 0 ? (double)withPose / frames.Count : 0;
        var format = frames.Count > 0 ? frames[0].Format : KeypointFormat.Coco17;
        var processing = new ProcessingInfo(frames.Count, withPose, Math.Round(detectionRate, 4), Math.Round(processingTimeSeconds, 3), Math.Round(fps, 3), model);
        var pose = new PoseSummary(format.WireName(), Math.Round(AverageConfidence(frames), 4));
        var notes = new List<string>();

        if (withPose == 0)
        {
            notes.Add(frames.Count == 0 ? "The video has no frames." : "No person was detected in any frame.");
            return Empty(processing, pose, notes);
        }
        if (detectionRate < LowDetectionRate) notes.Add($"A person was detected in only {detectionRate:P0} of the frames; metrics cover those frames.");
        if (format == KeypointFormat.BlazePose33) notes.Add("BlazePose landmarks were mapped to COCO-17 for the metrics.");

        var track = PoseTrack.Build(frames, fps, smoothing);
        var durations = TimeWindow.FrameDurations(track.Times, fps);
        for (var i = 0; i < track.Count; i++) if (!track.Usable[i]) durations[i] = 0;

        thresholds ??= MovementThresholds.Default;
        var velocity = Kinematics.FrameVelocity(track);
        var windowed = TimeWindow.CentredMean(velocity, track.Times, thresholds.VelocityWindowSeconds / 2);
        var intensity = windowed.Select(IntensityMeter.FromVelocity).ToArray();
        var types = MovementClassifier.ClassifyFrames(track, windowed, thresholds);
        var meanVelocity = BodyPartActivityMeter.WeightedMean(velocity, durations);
        if (double.IsNaN(meanVelocity)) meanVelocity = 0;

        var partSpeeds = BodyPartActivityMeter.PartSpeeds(track);
        var activity = BodyPartActivityMeter.Activity(partSpeeds, durations);
        var rhythm = RhythmAnalyzer.Analyze(track, meanVelocity);
        var smoothness = SmoothnessScorer.Score(track, meanVelocity);
        if (meanVelocity < SmoothnessScorer.MinVelocity) notes.Add("Too little movement to judge smoothness; it is reported as 100.");
        if (!rhythm.HasRhythm && meanVelocity >= RhythmAnalyzer.MinVelocity) notes.Add("No clear repeating rhythm was found in the movement.");

        var movement = new MovementSummary(
            MovementClassifier.Overall(types, durations),
            Math.Round(Weighted(intensity, durations), 1),
            Math.Round(meanVelocity, 5),
            new BodyPartActivity(
                Math.Round(activity[BodyPart.Head], 1), Math.Round(activity[BodyPart.Torso], 1),
                Math.Round(activity[BodyPart.LeftArm], 1), Math.Round(activity[BodyPart.RightArm], 1),
                Math.Round(activity[BodyPart.LeftLeg], 1), Math.Round(activity[BodyPart.RightLeg], 1)),
            TimelineBuilder.Build(track.Times, durations, types, intensity));

        return new AnalysisResult(
            AnalysisResult.CurrentSchemaVersion, processing, pose, movement,
            new RhythmSummary(rhythm.HasRhythm, Math.Round(rhythm.Bpm, 1), Math.Round(rhythm.Consistency, 1), rhythm.PeakTimes),
            Math.Round(smoothness, 1),
            MotionSegmenter.Segment(track, partSpeeds, types, intensity, durations),
            notes);
    }

    private static AnalysisResult Empty(ProcessingInfo processing, PoseSummary pose, List<string> notes) => new(
        AnalysisResult.CurrentSchemaVersion, processing, pose,
        new MovementSummary(MovementType.Standing, 0, 0, new BodyPartActivity(0, 0, 0, 0, 0, 0), []),
        new RhythmSummary(false, 0, 0, []), 0, [], notes);

    /// <summary>The given frame rate, or the median frame interval's when it is missing (30 with fewer than two frames).</summary>
    private static double EffectiveFps(IReadOnlyList<PoseFrame> frames, double fps)
    {
        if (double.IsFinite(fps) && fps > 0) return fps;
        var intervals = frames.Select(f => f.TimeSeconds).Order().Zip(frames.Select(f => f.TimeSeconds).Order().Skip(1), (a, b) => b - a)
            .Where(d => d > 0).ToList();
        var median = TimeWindow.Quantile(intervals, 0.5);
        return double.IsNaN(median) ? 30 : 1 / median;
    }

    /// <summary>The mean pose score over frames with a pose; a frame without a pose score counts its mean keypoint score.</summary>
    private static double AverageConfidence(IReadOnlyList<PoseFrame> frames)
    {
        var scores = frames.Where(f => f.HasPose).Select(f => f.Score > 0 ? f.Score : f.Keypoints.Average(k => k.Score)).ToList();
        return scores.Count > 0 ? scores.Average() : 0;
    }

    private static double Weighted(double[] values, double[] weights)
    {
        var mean = BodyPartActivityMeter.WeightedMean(values, weights);
        return double.IsNaN(mean) ? 0 : mean;
    }
}
