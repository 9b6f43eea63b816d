namespace DanceAspire.Jobs.Tests;

public sealed class JobStreamCodecTests
{
    private static Dictionary<string, string> Pair(string[] flat) => JobStreamCodec.ToDictionary(flat);

    [Fact]
    public void A_job_message_survives_the_round_trip_through_stream_fields()
    {
        var message = new JobMessage(Guid.NewGuid(), "analysis", 3, Guid.NewGuid(), """{"video":"a b.mp4","n":[1,2]}""", LeaseSeconds: 7);

        var fields = JobStreamCodec.Encode(message);

        Assert.Equal(JobStreamCodec.MessageWidth, fields.Length);
        Assert.Equal(message, JobStreamCodec.DecodeMessage(Pair(fields)));
    }

    [Fact]
    public void Every_message_has_the_same_fields_in_the_same_order_so_the_enqueue_script_can_stride_over_them()
    {
        var names = (JobMessage m) => JobStreamCodec.Encode(m).Where((_, i) => i % 2 == 0).ToArray();

        Assert.Equal(
            names(new JobMessage(Guid.NewGuid(), "a", 1, Guid.NewGuid(), "{}")),
            names(new JobMessage(Guid.NewGuid(), "much-longer-kind", 12, Guid.NewGuid(), "[1,2,3]", 99)));
    }

    [Fact]
    public void A_full_job_event_survives_the_round_trip_through_stream_fields()
    {
        var jobEvent = new JobEvent(Guid.NewGuid(), 2, "worker-1/77", JobEventType.Failed, 0.25, "decoding", """{"x":1}""", "ffmpeg exited with 1", Retryable: false);

        Assert.Equal(jobEvent, JobStreamCodec.DecodeEvent(Pair(JobStreamCodec.Encode(jobEvent))));
    }

    [Theory]
    [InlineData(JobEventType.Started)]
    [InlineData(JobEventType.Heartbeat)]
    [InlineData(JobEventType.Released)]
    public void A_bare_event_carries_only_its_job_attempt_worker_and_type(JobEventType type)
    {
        var jobEvent = new JobEvent(Guid.NewGuid(), 1, "w", type);

        var fields = JobStreamCodec.Encode(jobEvent);

        Assert.Equal(["job", "attempt", "worker", "type"], fields.Where((_, i) => i % 2 == 0));
        Assert.Equal(jobEvent, JobStreamCodec.DecodeEvent(Pair(fields)));
    }

    [Fact]
    public void Progress_keeps_its_exact_value()
    {
        var jobEvent = new JobEvent(Guid.NewGuid(), 1, "w", JobEventType.Progress, 1.0 / 3, "step");

        Assert.Equal(1.0 / 3, JobStreamCodec.DecodeEvent(Pair(JobStreamCodec.Encode(jobEvent))).Progress);
    }

    [Fact]
    public void The_started_event_written_by_the_take_script_reads_as_an_event()
    {
        // The Lua script writes these fields itself: job (N format), attempt, worker, type.
        var jobId = Guid.NewGuid();
        var fields = Pair(["job", jobId.ToString("N"), "attempt", "4", "worker", "w/1", "type", "Started"]);

        Assert.Equal(new JobEvent(jobId, 4, "w/1", JobEventType.Started), JobStreamCodec.DecodeEvent(fields));
    }

    [Theory]
    [InlineData("type", "Exploded", "Unknown job event type")]
    [InlineData("type", "7", "Unknown job event type")]
    [InlineData("attempt", "two", "not a number")]
    [InlineData("job", "not-a-guid", "not a job id")]
    [InlineData("progress", "NaN", "finite")]
    public void An_unreadable_event_is_refused_with_the_reason(string field, string value, string reason)
    {
        var fields = Pair(JobStreamCodec.Encode(new JobEvent(Guid.NewGuid(), 1, "w", JobEventType.Progress, 0.5)));
        fields[field] = value;

        var error = Assert.Throws<FormatException>(() => JobStreamCodec.DecodeEvent(fields));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_message_without_its_payload_is_refused()
    {
        var fields = Pair(JobStreamCodec.Encode(new JobMessage(Guid.NewGuid(), "k", 1, Guid.NewGuid(), "{}")));
        fields.Remove("payload");

        Assert.Throws<FormatException>(() => JobStreamCodec.DecodeMessage(fields));
    }

    [Fact]
    public void An_odd_number_of_field_values_is_refused()
    {
        Assert.Throws<FormatException>(() => JobStreamCodec.ToDictionary(["job", "x", "attempt"]));
    }
}
