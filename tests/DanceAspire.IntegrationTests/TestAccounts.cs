using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace DanceAspire.IntegrationTests;

/// <summary>A signed-up account with a gateway client that sends its token.</summary>
public sealed class TestUser(Guid id, string email, string password, string accessToken, HttpClient client) : IDisposable
{
    public Guid Id { get; } = id;
    public string Email { get; } = email;
    public string Password { get; } = password;
    public string AccessToken { get; } = accessToken;

    /// <summary>Sends <see cref="AccessToken"/> as a bearer token, from an address of its own.</summary>
    public HttpClient Client { get; } = client;

    public void Dispose() => Client.Dispose();
}

public static class TestAccounts
{
    public const string Password = "correct horse battery";

    private static int _clients;

    /// <summary>
    /// A gateway client with an address of its own (X-Forwarded-For, which the gateway believes from loopback),
    /// so a test's burst of requests counts against its own rate limit, not every test's.
    /// </summary>
    public static HttpClient CreateClient(this StackFixture stack, string? accessToken = null)
    {
        var client = stack.App.CreateHttpClient("gateway");
        var n = Interlocked.Increment(ref _clients);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.18.{n / 250 % 250}.{n % 250 + 1}");
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return client;
    }

    /// <summary>Signs up a new account (with the test stack's signup grant) and logs it in.</summary>
    public static async Task<TestUser> SignUpAsync(this StackFixture stack, string? email = null)
    {
        email ??= $"dancer-{Guid.NewGuid():N}@danceaspire.test";
        using var anonymous = stack.CreateClient();
        using var signup = await anonymous.PostAsJsonAsync("/api/v1/auth/signup", new { email, password = Password });
        Assert.True(signup.StatusCode == HttpStatusCode.Created, $"signup answered {(int)signup.StatusCode}: {await signup.Content.ReadAsStringAsync()}");
        return await stack.LogInAsync(email);
    }

    /// <summary>The test stack's admin (Auth:AdminEmail), signed up on first use.</summary>
    public static async Task<TestUser> AdminAsync(this StackFixture stack)
    {
        using var anonymous = stack.CreateClient();
        using var signup = await anonymous.PostAsJsonAsync("/api/v1/auth/signup", new { email = StackFixture.AdminEmail, password = Password });
        Assert.True(signup.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"admin signup answered {(int)signup.StatusCode}");
        return await stack.LogInAsync(StackFixture.AdminEmail);
    }

    public static async Task<TestUser> LogInAsync(this StackFixture stack, string email)
    {
        using var anonymous = stack.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"login answered {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync()}");
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>())!;
        var client = stack.CreateClient(token.AccessToken);
        var me = (await client.GetFromJsonAsync<Me>("/api/v1/users/me"))!;
        return new TestUser(me.Id, email, Password, token.AccessToken, client);
    }

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string TokenType);

    public sealed record Transaction(Guid Id, int Amount, string Kind, Guid? JobId, int BalanceAfter, string? Note, DateTimeOffset CreatedAt);

    public sealed record JobSummary(Guid Id, string Kind, string State, int Cost, DateTimeOffset CreatedAt);

    public sealed record Me(Guid Id, string Email, string Role, int CoinBalance, List<Transaction> RecentTransactions, List<JobSummary> RecentJobs);
}

/// <summary>The ProblemDetails fields the tests read.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors, string? Code = null);

public static class ProblemAssertions
{
    /// <summary>Asserts an application/problem+json answer with the status and a detail; returns it.</summary>
    public static async Task<Problem> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonSerializer.Deserialize<Problem>(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.Equal((int)status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail), $"no detail in {body}");
        return problem;
    }
}
