using System.Text.Json;
using DanceAspire.Analysis.Pose;

namespace DanceAspire.Analysis.Results;

/// <summary>
/// Streams the keypoints artifact (<see cref="KeypointsArtifact"/>) to a stream frame by frame, so a long video never
/// holds its whole JSON in memory. Call <see cref="Append"/> per frame, then <see cref="Complete"/>.
/// </summary>
public sealed class KeypointsJsonWriter : IDisposable
{
    private const int FlushThresholdBytes = 64 * 1024;
    private readonly Utf8JsonWriter _json;
    private bool _completed;

    public KeypointsJsonWriter(Stream stream, double fps, int width, int height, KeypointFormat format)
    {
        _json = new Utf8JsonWriter(stream);
        _json.WriteStartObject();
        _json.WriteNumber("schema_version", KeypointsArtifact.CurrentSchemaVersion);
        _json.WriteNumber("fps", fps);
        _json.WriteNumber("width", width);
        _json.WriteNumber("height", height);
        _json.WriteString("keypoint_format", format.WireName());
        _json.WriteStartArray("keypoint_names");
        foreach (var name in KeypointNames.For(format)) _json.WriteStringValue(name);
        _json.WriteEndArray();
        _json.WriteStartArray("frames");
    }

    public void Append(PoseFrame frame)
    {
        if (_completed) throw new InvalidOperationException("The keypoints artifact is already complete.");
        _json.WriteStartObject();
        _json.WriteNumber("index", frame.Index);
        _json.WriteNumber("time_s", Math.Round(frame.TimeSeconds, 4));
        _json.WriteNumber("score", Math.Round(frame.Score, 4));
        _json.WriteStartArray("keypoints");
        foreach (var point in frame.Keypoints)
        {
            // 0.1 px and 0.001 score are below any model's precision and keep the artifact small.
            _json.WriteStartArray();
            _json.WriteNumberValue(Math.Round(point.X, 1));
            _json.WriteNumberValue(Math.Round(point.Y, 1));
            _json.WriteNumberValue(Math.Round(point.Score, 3));
            _json.WriteEndArray();
        }
        _json.WriteEndArray();
        _json.WriteEndObject();
        if (_json.BytesPending >= FlushThresholdBytes) _json.Flush();
    }

    public void Complete()
    {
        if (_completed) return;
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _completed = true;
    }

    /// <summary>Writes a whole artifact from frames already in hand.</summary>
    public static void Write(Stream stream, double fps, int width, int height, KeypointFormat format, IEnumerable<PoseFrame> frames)
    {
        using var writer = new KeypointsJsonWriter(stream, fps, width, height, format);
        foreach (var frame in frames) writer.Append(frame);
        writer.Complete();
    }

    public void Dispose() => _json.Dispose();
}
