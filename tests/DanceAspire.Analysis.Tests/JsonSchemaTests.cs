using System.Text.Json;
using DanceAspire.Analysis.Metrics;
using DanceAspire.Analysis.Pose;
using DanceAspire.Analysis.Results;
using static DanceAspire.Analysis.Tests.Synthetic.SyntheticDancer;

namespace DanceAspire.Analysis.Tests;

public class JsonSchemaTests
{
    private static readonly string[] SchemaPaths =
    [
        "schema_version", "processing", "processing.total_frames", "processing.frames_with_pose", "processing.detection_rate",
        "processing.processing_time_s", "processing.fps", "processing.model", "pose", "pose.keypoint_format",
        "pose.average_confidence", "movement", "movement.movement_type", "movement.intensity", "movement.velocity",
        "movement.body_part_activity", "movement.body_part_activity.head", "movement.body_part_activity.torso",
        "movement.body_part_activity.left_arm", "movement.body_part_activity.right_arm", "movement.body_part_activity.left_leg",
        "movement.body_part_activity.right_leg", "movement.timeline", "movement.timeline[].start_s", "movement.timeline[].end_s",
        "movement.timeline[].movement_type", "movement.timeline[].intensity", "rhythm", "rhythm.has_rhythm", "rhythm.estimated_bpm",
        "rhythm.rhythm_consistency", "rhythm.peaks_s", "smoothness_score", "segments", "segments[].index", "segments[].start_s",
        "segments[].end_s", "segments[].movement_type", "segments[].energy", "notes",
    ];

    [Fact]
    public void The_results_json_has_exactly_the_schema_property_names_and_round_trips()
    {
        var result = AnalysisReport.Build(Render(8, 30, Then(ArmSwing(2, 60), 4, Squats(2)), 1), 30, "movenet-lightning", 2.25);

        var json = JsonSerializer.Serialize(result, AnalysisJsonContext.Default.AnalysisResult);
        using var document = JsonDocument.Parse(json);
        var paths = new SortedSet<string>();
        Collect(document.RootElement, "", paths);

        Assert.Equal(new SortedSet<string>(SchemaPaths), paths);
        Assert.Matches("\"movement_type\":\"(standing|walking|dancing|jumping|crouching)\"", json);
        var back = JsonSerializer.Deserialize(json, AnalysisJsonContext.Default.AnalysisResult)!;
        Assert.Equal(result.Processing, back.Processing);
        Assert.Equal(result.Movement.BodyPartActivity, back.Movement.BodyPartActivity);
        Assert.Equal(result.Movement.Timeline, back.Movement.Timeline);
        Assert.Equal(result.Segments, back.Segments);
        Assert.Equal(result.Rhythm.PeaksS, back.Rhythm.PeaksS);
    }

    [Fact]
    public void Movement_types_serialize_as_lower_case_words()
    {
        foreach (var type in Enum.GetValues<MovementType>())
        {
            var entry = new TimelineEntry(0, 1, type, 0);
            var json = JsonSerializer.Serialize(new MotionSegment(0, 0, 1, type, 0), AnalysisJsonContext.Default.Options);
            Assert.Contains($"\"movement_type\":\"{type.ToString().ToLowerInvariant()}\"", json);
            Assert.Equal(type, entry.MovementType);
        }
    }

    [Fact]
    public void The_keypoints_writer_streams_an_artifact_that_reads_back()
    {
        var frames = Render(1, 30, ArmSwing(2, 60), 1);
        frames[5] = frames[5] with { Keypoints = [], Score = 0 };
        using var stream = new MemoryStream();

        KeypointsJsonWriter.Write(stream, 30, 720, 1280, KeypointFormat.Coco17, frames);

        var artifact = JsonSerializer.Deserialize(stream.ToArray(), AnalysisJsonContext.Default.KeypointsArtifact)!;
        Assert.Equal(1, artifact.SchemaVersion);
        Assert.Equal("coco17", artifact.KeypointFormat);
        Assert.Equal(Coco17.Names, artifact.KeypointNames);
        Assert.Equal((720, 1280, 30.0), (artifact.Width, artifact.Height, artifact.Fps));
        Assert.Equal(30, artifact.Frames.Count);
        Assert.Empty(artifact.Frames[5].Keypoints);
        var wrist = artifact.Frames[10].Keypoints[Coco17.LeftWrist];
        Assert.Equal(frames[10].Keypoints[Coco17.LeftWrist].X, wrist[0], 0.051);
        Assert.Equal(frames[10].Keypoints[Coco17.LeftWrist].Y, wrist[1], 0.051);
        Assert.Equal(0.9, wrist[2], 3);
        Assert.Equal(10 / 30.0, artifact.Frames[10].TimeS, 4);
        using var document = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(
            ["schema_version", "fps", "width", "height", "keypoint_format", "keypoint_names", "frames"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["index", "time_s", "score", "keypoints"], document.RootElement.GetProperty("frames")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void BlazePose_artifacts_name_all_33_landmarks()
    {
        Assert.Equal(33, KeypointNames.For(KeypointFormat.BlazePose33).Count);
        Assert.Equal(33, KeypointNames.For(KeypointFormat.BlazePose33).Distinct().Count());
        for (var i = 0; i < 17; i++) Assert.Equal(Coco17.Names[i], KeypointNames.BlazePose33[Coco17.FromBlazePose33[i]]);
    }

    private static void Collect(JsonElement element, string path, SortedSet<string> paths)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                paths.Add(child);
                Collect(property.Value, child, paths);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Collect(item, path + "[]", paths);
        }
    }
}
