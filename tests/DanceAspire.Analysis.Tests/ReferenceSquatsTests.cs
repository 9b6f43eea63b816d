using System.Text.Json;
using DanceAspire.Analysis.Metrics;
using DanceAspire.Analysis.Pose;
using DanceAspire.Testing;

namespace DanceAspire.Analysis.Tests;

/// <summary>
/// The BlazePose "full" landmarks that tfjs-models publishes for pose_squats.mp4 (5 fps, 65 frames): a real
/// person doing three slow squats, with the bottoms near frames 10, 34 and 59.
/// </summary>
public class ReferenceSquatsTests
{
    private static List<PoseFrame> ReferenceFrames()
    {
        var landmarks = JsonSerializer.Deserialize<double[][][]>(File.ReadAllText(TestMedia.File("video/pose_squats.full.json")))!;
        return landmarks.Select((points, i) => new PoseFrame(i, i / 5.0, 720, 1280, KeypointFormat.BlazePose33,
            points.Select(p => new Keypoint((float)p[0], (float)p[1], 1f)).ToArray()) { Score = 1f }).ToList();
    }

    [Fact]
    public void The_reference_squats_are_crouching_at_each_bottom_and_standing_between()
    {
        var result = AnalysisReport.Build(ReferenceFrames(), 5, "blazepose-full", 0);

        Assert.Equal("blazepose33", result.Pose.KeypointFormat);
        foreach (var bottom in new[] { 2.0, 6.8, 11.8 })
        {
            Assert.Equal(MovementType.Crouching, result.Movement.Timeline.Single(e => e.StartS <= bottom && bottom < e.EndS).MovementType);
        }
        Assert.Equal(MovementType.Standing, result.Movement.Timeline.Single(e => e.StartS <= 4.6 && 4.6 < e.EndS).MovementType);
    }

    [Fact]
    public void The_reference_squats_repeat_about_every_five_seconds()
    {
        var result = AnalysisReport.Build(ReferenceFrames(), 5, "blazepose-full", 0);

        Assert.True(result.Rhythm.HasRhythm);
        Assert.InRange(60 / result.Rhythm.EstimatedBpm, 4.5, 5.3);
        Assert.True(result.Segments.Count >= 3, $"{result.Segments.Count} segments");
    }
}
