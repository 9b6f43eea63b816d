using System.Net;
using System.Net.Http.Json;
using Npgsql;
using static DanceAspire.IntegrationTests.TestAccounts;

namespace DanceAspire.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class JobChargeConcurrencyTests(StackFixture stack)
{
    [Fact]
    public async Task Two_hundred_concurrent_one_coin_jobs_against_a_balance_of_fifty_charge_exactly_fifty()
    {
        Assert.Equal(50, StackFixture.SignupGrant);
        using var user = await stack.SignUpAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await user.Client.PostAsJsonAsync("/api/v1/jobs", new { kind = StackFixture.EchoKind });
            return response.StatusCode;
        }));

        Assert.Equal(50, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(150, statuses.Count(s => s == HttpStatusCode.PaymentRequired));
        var me = (await user.Client.GetFromJsonAsync<Me>("/api/v1/users/me"))!;
        Assert.Equal(0, me.CoinBalance);
        Assert.Equal((50L, 50L, -50L), await LedgerOfAsync(user.Id));
    }

    [Fact]
    public async Task Concurrent_posts_with_one_idempotency_key_create_one_job_and_one_charge()
    {
        using var user = await stack.SignUpAsync();
        var key = $"create-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs")
            {
                Content = JsonContent.Create(new { kind = StackFixture.EchoKind, payload = new { n = 1 } }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await user.Client.SendAsync(request);
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JobApiTests.Job>())!.Id);
        }));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Equal((1L, 1L, -1L), await LedgerOfAsync(user.Id));

        // The same key from another account is another job.
        using var other = await stack.SignUpAsync();
        var theirs = await JobApiTests.CreateJobAsync(other, StackFixture.EchoKind, key);
        Assert.NotEqual(answers[0].Id, theirs.Id);
    }

    /// <summary>The user's jobs, charge rows and the sum of their charges, straight from Postgres.</summary>
    private async Task<(long Jobs, long Charges, long Charged)> LedgerOfAsync(Guid userId)
    {
        await using var db = await JobStreamTests.OpenDatabaseAsync(stack);
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM jobs WHERE owner_id = @user),
                   count(*), coalesce(sum(amount), 0)
            FROM coin_transactions WHERE user_id = @user AND kind = 'charge'
            """, db);
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
