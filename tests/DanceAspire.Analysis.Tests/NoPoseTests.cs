using System.Text.Json;
using DanceAspire.Analysis.Metrics;
using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Results;

namespace DanceAspire.Analysis.Tests;

public class NoPoseTests
{
    [Fact]
    public void A_video_with_no_person_gives_zero_detection_a_note_and_valid_json()
    {
        var frames = Enumerable.Range(0, 50).Select(i => new PoseFrame(i, i / 25.0, 640, 360, KeypointFormat.Coco17, [])).ToList();

        var result = AnalysisReport.Build(frames, 25, "movenet-lightning", 1.5);

        Assert.Equal(0, result.Processing.DetectionRate);
        Assert.Equal(50, result.Processing.TotalFrames);
        Assert.Equal(0, result.Processing.FramesWithPose);
        Assert.Contains("No person was detected in any frame.", result.Notes);
        Assert.Equal(MovementType.Standing, result.Movement.MovementType);
        Assert.Equal(0, result.Movement.Intensity);
        Assert.Empty(result.Movement.Timeline);
        Assert.False(result.Rhythm.HasRhythm);
        var json = JsonSerializer.Serialize(result, AnalysisJsonContext.Default.AnalysisResult);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(0, document.RootElement.GetProperty("processing").GetProperty("detection_rate").GetDouble());
    }

    [Fact]
    public void An_empty_frame_list_completes_with_a_note()
    {
        var result = AnalysisReport.Build([], 0, "movenet-lightning", 0);

        Assert.Equal(0, result.Processing.TotalFrames);
        Assert.NotEmpty(result.Notes);
    }

    [Fact]
    public void A_few_frames_with_a_pose_complete_without_rhythm()
    {
        var frames = Synthetic.SyntheticDancer.Render(0.2, 30, Synthetic.SyntheticDancer.Still, 1);

        var result = AnalysisReport.Build(frames, 30, "synthetic", 0);

        Assert.Equal(1, result.Processing.DetectionRate);
        Assert.False(result.Rhythm.HasRhythm);
    }
}

public class UnreliableInputTests
{
    [Fact]
    public void Flickering_detections_low_scores_and_unsorted_frames_complete_with_bounded_metrics()
    {
        var random = new Random(11);
        var frames = Synthetic.SyntheticDancer.Render(6, 30, Synthetic.SyntheticDancer.ArmSwing(2, 60), 2)
            .Select(f => random.NextDouble() < 0.3 ? f with { Keypoints = [], Score = 0 }
                : f with { Keypoints = f.Keypoints.Select(k => random.NextDouble() < 0.2 ? k with { Score = 0.1f } : k).ToArray() })
            .OrderBy(_ => random.Next()).ToList();

        var result = AnalysisReport.Build(frames, 0, "synthetic", 0);

        Assert.InRange(result.Processing.DetectionRate, 0.6, 0.8);
        Assert.Equal(30, result.Processing.Fps, 1);
        Assert.InRange(result.Movement.Intensity, 0, 100);
        Assert.InRange(result.SmoothnessScore, 0, 100);
        Assert.All(result.Movement.Timeline, e => Assert.True(e.EndS > e.StartS));
    }
}
