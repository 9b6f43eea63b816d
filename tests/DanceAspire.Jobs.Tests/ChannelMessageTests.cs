namespace DanceAspire.Jobs.Tests;

public sealed class ChannelMessageTests
{
    [Fact]
    public void A_stop_for_every_worker_is_the_bare_job_id_and_reads_back()
    {
        var stop = new JobStop(Guid.NewGuid());

        Assert.Equal(stop.JobId.ToString("N"), stop.ToString());
        Assert.True(JobStop.TryParse(stop.ToString(), out var parsed));
        Assert.Equal(stop, parsed);
    }

    [Fact]
    public void A_stop_for_one_worker_names_it_and_applies_to_that_worker_only()
    {
        var stop = new JobStop(Guid.NewGuid(), "test-worker-1/4242");

        Assert.True(JobStop.TryParse(stop.ToString(), out var parsed));
        Assert.Equal(stop, parsed);
        Assert.True(parsed.Applies(stop.JobId, "test-worker-1/4242"));
        Assert.False(parsed.Applies(stop.JobId, "test-worker-0/4243"));
        Assert.False(parsed.Applies(Guid.NewGuid(), "test-worker-1/4242"));
    }

    [Fact]
    public void A_stop_for_every_worker_applies_to_any_worker_running_the_job()
    {
        var stop = new JobStop(Guid.NewGuid());

        Assert.True(stop.Applies(stop.JobId, "a/1"));
        Assert.True(stop.Applies(stop.JobId, "b/2"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("not-a-job worker")]
    public void Anything_else_on_the_cancel_channel_is_not_a_stop(string? text)
    {
        Assert.False(JobStop.TryParse(text, out _));
    }

    [Fact]
    public void A_job_update_is_web_cased_json_that_reads_back_equal()
    {
        var update = new JobUpdate(Guid.NewGuid(), 1_795_276_835_987_123, "running", 2, 0.5, "pose", null, DateTimeOffset.UnixEpoch.AddTicks(17_952_768_359_871_230));

        var json = JobJson.Serialize(update);

        Assert.Contains("\"jobId\":", json);
        Assert.Contains("\"sequence\":1795276835987123", json);
        Assert.Contains("\"state\":\"running\"", json);
        Assert.Equal(update, JobJson.DeserializeUpdate(json));
    }

    [Fact]
    public void Redis_names_are_per_kind_and_per_job()
    {
        var jobId = Guid.Parse("0196f2a0-0000-7000-8000-000000000001");

        Assert.Equal("jobs:work:analysis", JobKeys.WorkStream("analysis"));
        Assert.Equal("jobs:updates:0196f2a0000070008000000000000001", JobKeys.UpdatesChannel(jobId));
        Assert.Equal("jobs:taken:0196f2a0000070008000000000000001:3", JobKeys.Taken(jobId, 3));
    }
}
