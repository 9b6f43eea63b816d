using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using static DanceAspire.IntegrationTests.TestAccounts;

namespace DanceAspire.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class JobApiTests(StackFixture stack)
{
    public sealed record Attempt(int Number, string? Outcome, string? Error);

    public sealed record Job(
        Guid Id, string Kind, Guid OwnerId, string State, int Priority, int Attempt, int MaxAttempts, double Progress,
        string? Error, JsonElement Payload, JsonElement? Result, int Cost, bool CancelRequested,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, List<Attempt> Attempts);

    public sealed record JobPage(List<JobSummary> Items, int PageNumber, int PageSize, int Total);

    [Fact]
    public async Task Creating_a_job_stores_it_pending_with_the_kinds_policy_and_charges_its_cost()
    {
        using var user = await stack.SignUpAsync();

        using var response = await user.Client.PostAsJsonAsync("/api/v1/jobs",
            new { kind = StackFixture.EchoKind, payload = new { message = "hello", steps = 3 }, priority = 5 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var job = (await response.Content.ReadFromJsonAsync<Job>())!;
        Assert.Equal($"/api/v1/jobs/{job.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((StackFixture.EchoKind, user.Id, 5, 3, 1), (job.Kind, job.OwnerId, job.Priority, job.MaxAttempts, job.Cost));
        Assert.Equal("hello", job.Payload.GetProperty("message").GetString());

        var read = (await user.Client.GetFromJsonAsync<Job>($"/api/v1/jobs/{job.Id}"))!;
        Assert.Equal(job.Id, read.Id);
        var me = (await user.Client.GetFromJsonAsync<Me>("/api/v1/users/me"))!;
        Assert.Equal(StackFixture.SignupGrant - 1, me.CoinBalance);
        var charge = me.RecentTransactions[0];
        Assert.Equal(("charge", -1, job.Id), (charge.Kind, charge.Amount, charge.JobId));
        Assert.Equal(job.Id, Assert.Single(me.RecentJobs).Id);
        var page = (await user.Client.GetFromJsonAsync<JobPage>("/api/v1/jobs?page=1&pageSize=10"))!;
        Assert.Equal((1, job.Id), (page.Total, page.Items.Single().Id));
    }

    [Fact]
    public async Task A_job_of_a_kind_that_is_not_public_is_refused_with_400_unknown_job_kind()
    {
        using var user = await stack.SignUpAsync();

        foreach (var kind in new[] { "no-such-kind", "analysis" })
        {
            using var response = await user.Client.PostAsJsonAsync("/api/v1/jobs", new { kind, payload = new { } });

            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("Unknown job kind", problem.Title);
            Assert.Contains(StackFixture.EchoKind, problem.Detail);
        }
    }

    [Fact]
    public async Task A_job_the_balance_cannot_pay_for_gets_402_and_leaves_no_job_behind()
    {
        using var user = await stack.SignUpAsync();
        await SpendAllCoinsAsync(user);

        using var response = await user.Client.PostAsJsonAsync("/api/v1/jobs", new { kind = StackFixture.EchoKind });

        var problem = await response.AssertProblemAsync(HttpStatusCode.PaymentRequired);
        Assert.Contains("balance is 0", problem.Detail);
        var page = (await user.Client.GetFromJsonAsync<JobPage>("/api/v1/jobs?pageSize=100"))!;
        Assert.Equal(StackFixture.SignupGrant, page.Total);
    }

    [Fact]
    public async Task Another_users_job_is_404_for_read_cancel_events_and_websocket_but_visible_to_an_admin()
    {
        using var owner = await stack.SignUpAsync();
        using var other = await stack.SignUpAsync();
        using var admin = await stack.AdminAsync();
        var job = await CreateJobAsync(owner, StackFixture.UnhandledKind);

        using (var read = await other.Client.GetAsync($"/api/v1/jobs/{job.Id}"))
        {
            await read.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        using (var cancel = await other.Client.PostAsync($"/api/v1/jobs/{job.Id}/cancel", null))
        {
            await cancel.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        using (var events = await other.Client.GetAsync($"/api/v1/jobs/{job.Id}/events", HttpCompletionOption.ResponseHeadersRead))
        {
            await events.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        using (var socket = new ClientWebSocket())
        {
            socket.Options.CollectHttpResponseDetails = true;
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(JobStreamTests.WebSocketUri(stack, job.Id, other.AccessToken), CancellationToken.None));
            Assert.Equal(HttpStatusCode.NotFound, socket.HttpStatusCode);
        }
        var others = (await other.Client.GetFromJsonAsync<JobPage>("/api/v1/jobs"))!;
        Assert.Empty(others.Items);

        var asAdmin = (await admin.Client.GetFromJsonAsync<Job>($"/api/v1/jobs/{job.Id}"))!;
        Assert.Equal(owner.Id, asAdmin.OwnerId);
    }

    [Fact]
    public async Task Cancel_answers_202_for_a_live_job_which_the_dispatcher_then_cancels_and_409_once_it_has_ended()
    {
        using var user = await stack.SignUpAsync();
        var job = await CreateJobAsync(user, StackFixture.UnhandledKind);

        using (var cancel = await user.Client.PostAsync($"/api/v1/jobs/{job.Id}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
            Assert.True((await cancel.Content.ReadFromJsonAsync<Job>())!.CancelRequested);
        }
        var ended = await WaitUntilFinalAsync(user, job.Id);
        Assert.Equal("canceled", ended.State);

        using var again = await user.Client.PostAsync($"/api/v1/jobs/{job.Id}/cancel", null);
        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("canceled", problem.Detail);
    }

    /// <summary>Polls the job until the dispatcher has ended it.</summary>
    internal static async Task<Job> WaitUntilFinalAsync(TestUser user, Guid jobId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (true)
        {
            var job = (await user.Client.GetFromJsonAsync<Job>($"/api/v1/jobs/{jobId}"))!;
            if (job.State is "succeeded" or "failed" or "canceled" or "dead")
            {
                return job;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"job {jobId} is still {job.State}");
            await Task.Delay(100);
        }
    }

    internal static async Task<Job> CreateJobAsync(TestUser user, string kind, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = JsonContent.Create(new { kind, payload = new { } }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await user.Client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Job>())!;
    }

    private static async Task SpendAllCoinsAsync(TestUser user)
    {
        for (var i = 0; i < StackFixture.SignupGrant; i++)
        {
            await CreateJobAsync(user, StackFixture.EchoKind);
        }
    }
}
