using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using DanceAspire.Jobs;
using Npgsql;
using StackExchange.Redis;

namespace DanceAspire.IntegrationTests;

/// <summary>Live progress through the gateway, as Server-Sent Events and over a WebSocket.</summary>
[Collection(StackCollection.Name)]
public sealed class JobStreamTests(StackFixture stack)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Server_sent_events_carry_a_real_jobs_progress_in_order_from_its_state_to_success()
    {
        using var user = await stack.SignUpAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var create = await user.Client.PostAsJsonAsync("/api/v1/jobs",
            new { kind = StackFixture.EchoKind, payload = new { durationMs = 2000, progressSteps = 4, result = "hi" } }, timeout.Token);
        var job = (await create.Content.ReadFromJsonAsync<JobApiTests.Job>(timeout.Token))!;

        using var response = await user.Client.GetAsync($"/api/v1/jobs/{job.Id}/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(body).EnumerateAsync(timeout.Token))
        {
            events.Add(item);
        }

        Assert.Equal("snapshot", events[0].EventType);
        Assert.All(events.Skip(1), e => Assert.Equal("update", e.EventType));
        var data = events.Select(e => JsonSerializer.Deserialize<JsonElement>(e.Data, Json)).ToList();
        var sequences = data.Select(d => d.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order().Distinct(), sequences);
        Assert.Equal(events.Select(e => e.EventId), sequences.Select(s => s.ToString()));
        Assert.Equal("succeeded", data[^1].GetProperty("state").GetString());
        var progress = data.Select(d => d.GetProperty("progress").GetDouble()).ToList();
        Assert.Equal(progress.Order(), progress);
        // The stream opened before the first step (500 ms in), so every step arrives, in order.
        Assert.Equal(["step 1/4", "step 2/4", "step 3/4", "step 4/4"],
            data.Select(d => d.GetProperty("stage").GetString()).Where(s => s?.StartsWith("step") == true).Distinct());

        var finished = (await user.Client.GetFromJsonAsync<JobApiTests.Job>($"/api/v1/jobs/{job.Id}", timeout.Token))!;
        Assert.Equal("hi", finished.Result!.Value.GetProperty("echo").GetString());
        Assert.Equal("succeeded", Assert.Single(finished.Attempts).Outcome);
    }

    /// <summary>
    /// The job is of a kind no worker runs and the test publishes updates itself, so it controls their order and
    /// their staleness: the stream passes on only what is newer than what it sent.
    /// </summary>
    [Fact]
    public async Task Server_sent_events_drop_updates_older_than_the_snapshot_and_late_or_repeated_ones()
    {
        using var user = await stack.SignUpAsync();
        var job = await JobApiTests.CreateJobAsync(user, StackFixture.UnhandledKind);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await user.Client.GetAsync($"/api/v1/jobs/{job.Id}/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        await using var events = SseParser.Create(body).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("snapshot", events.Current.EventType);
        var snapshot = JsonSerializer.Deserialize<JsonElement>(events.Current.Data, Json);
        Assert.Equal(job.Id, snapshot.GetProperty("jobId").GetGuid());

        var snapshotSequence = snapshot.GetProperty("sequence").GetInt64();
        var published = await PublishScriptedUpdatesAsync(job.Id, snapshotSequence);

        var received = new List<JsonElement>();
        while (await events.MoveNextAsync())
        {
            received.Add(JsonSerializer.Deserialize<JsonElement>(events.Current.Data, Json));
        }
        AssertDelivered(snapshotSequence, published, received);
    }

    [Fact]
    public async Task The_websocket_takes_the_token_from_the_query_string_and_closes_when_the_job_ends()
    {
        using var user = await stack.SignUpAsync();
        var job = await JobApiTests.CreateJobAsync(user, StackFixture.UnhandledKind);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = new ClientWebSocket();

        await socket.ConnectAsync(WebSocketUri(stack, job.Id, user.AccessToken), timeout.Token);
        var snapshot = (await ReceiveAsync(socket, timeout.Token))!.Value;
        Assert.Equal("snapshot", snapshot.GetProperty("type").GetString());

        var snapshotSequence = snapshot.GetProperty("sequence").GetInt64();
        var published = await PublishScriptedUpdatesAsync(job.Id, snapshotSequence);

        var received = new List<JsonElement>();
        while (await ReceiveAsync(socket, timeout.Token) is { } message)
        {
            received.Add(message);
        }
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        AssertDelivered(snapshotSequence, published, received);
    }

    [Fact]
    public async Task A_stream_of_a_job_that_has_already_ended_sends_its_final_state_and_closes()
    {
        using var user = await stack.SignUpAsync();
        var job = await JobApiTests.CreateJobAsync(user, StackFixture.UnhandledKind);
        using (var cancel = await user.Client.PostAsync($"/api/v1/jobs/{job.Id}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }
        await JobApiTests.WaitUntilFinalAsync(user, job.Id);

        // EventSource cannot set headers: the query parameter carries the token.
        using var anonymous = stack.CreateClient();
        var text = await anonymous.GetStringAsync($"/api/v1/jobs/{job.Id}/events?access_token={user.AccessToken}");

        Assert.StartsWith("event: snapshot", text);
        Assert.Contains("\"state\":\"canceled\"", text);
        Assert.Single(text.Split("event:", StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Publishes, in this order: a stale update (older than the snapshot), updates 1 and 2, update 1 again
    /// (late), update 3 and the final update 4. Returns the ones the stream must pass on.
    /// </summary>
    private async Task<List<JobUpdate>> PublishScriptedUpdatesAsync(Guid jobId, long snapshotSequence)
    {
        // An hour ahead: above anything the dispatcher itself publishes for this job (it queues it).
        var now = DateTimeOffset.UtcNow.AddHours(1);
        var first = (now - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
        var stale = new JobUpdate(jobId, snapshotSequence - 60_000_000, "running", 9, 0.99, "stale", null, now.AddMinutes(-61));
        var queued = new JobUpdate(jobId, first + 1, "queued", 1, 0, null, null, now);
        var started = new JobUpdate(jobId, first + 2, "running", 1, 0.25, "warming up", null, now);
        var halfway = new JobUpdate(jobId, first + 3, "running", 1, 0.75, "dancing", null, now);
        var done = new JobUpdate(jobId, first + 4, "succeeded", 1, 1, null, null, now);

        using var redis = await ConnectionMultiplexer.ConnectAsync((await stack.App.GetConnectionStringAsync("redis"))!);
        var subscriber = redis.GetSubscriber();
        foreach (var update in new[] { stale, queued, started, queued, halfway, done })
        {
            await subscriber.PublishAsync(JobKeys.UpdatesChannel(jobId), JobJson.Serialize(update));
        }
        return [queued, started, halfway, done];
    }

    /// <summary>
    /// Only updates newer than the snapshot arrive, in order, ending with exactly the test's newer ones (the
    /// dispatcher's own update of the job, if any, comes before them).
    /// </summary>
    private static void AssertDelivered(long snapshotSequence, List<JobUpdate> published, List<JsonElement> received)
    {
        var sequences = received.Select(r => r.GetProperty("sequence").GetInt64()).ToList();
        Assert.All(sequences, s => Assert.True(s > snapshotSequence, $"update {s} is not newer than the snapshot {snapshotSequence}"));
        Assert.Equal(sequences.Order().Distinct(), sequences);
        var ours = received.SkipWhile(r => r.GetProperty("sequence").GetInt64() < published[0].Sequence).ToList();
        Assert.Equal(published.Select(p => (p.Sequence, p.State, p.Progress, p.Stage)),
            ours.Select(r => (r.GetProperty("sequence").GetInt64(), r.GetProperty("state").GetString()!, r.GetProperty("progress").GetDouble(), r.GetProperty("stage").GetString())));
    }

    private static async Task<JsonElement?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonSerializer.Deserialize<JsonElement>(Encoding.UTF8.GetString(message.ToArray()), Json);
            }
        }
    }

    internal static Uri WebSocketUri(StackFixture stack, Guid jobId, string accessToken)
    {
        var gateway = stack.App.GetEndpoint("gateway");
        return new UriBuilder(gateway) { Scheme = "ws", Path = $"/api/v1/jobs/{jobId}/ws", Query = $"access_token={accessToken}" }.Uri;
    }

    internal static async Task<NpgsqlConnection> OpenDatabaseAsync(StackFixture stack)
    {
        var connection = new NpgsqlConnection(await stack.App.GetConnectionStringAsync("dancedb"));
        await connection.OpenAsync();
        return connection;
    }
}
