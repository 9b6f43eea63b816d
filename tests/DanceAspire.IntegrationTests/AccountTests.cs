using System.Net;
using System.Net.Http.Json;
using static DanceAspire.IntegrationTests.TestAccounts;

namespace DanceAspire.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class AccountTests(StackFixture stack)
{
    [Fact]
    public async Task A_new_account_logs_in_and_sees_its_profile_with_the_signup_grant_in_its_ledger()
    {
        var email = $"Mixed.Case-{Guid.NewGuid():N}@DanceAspire.test";
        using var anonymous = stack.CreateClient();

        using var signup = await anonymous.PostAsJsonAsync("/api/v1/auth/signup", new { email = $"  {email} ", password = Password });
        Assert.Equal(HttpStatusCode.Created, signup.StatusCode);

        using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>())!;
        Assert.Equal("Bearer", token.TokenType);
        Assert.InRange(token.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(1), DateTimeOffset.UtcNow.AddDays(1));

        using var client = stack.CreateClient(token.AccessToken);
        var me = (await client.GetFromJsonAsync<Me>("/api/v1/users/me"))!;
        Assert.Equal(email.ToLowerInvariant(), me.Email);
        Assert.Equal("user", me.Role);
        Assert.Equal(StackFixture.SignupGrant, me.CoinBalance);
        var grant = Assert.Single(me.RecentTransactions);
        Assert.Equal(("grant", StackFixture.SignupGrant, StackFixture.SignupGrant), (grant.Kind, grant.Amount, grant.BalanceAfter));
        Assert.Empty(me.RecentJobs);
    }

    [Fact]
    public async Task A_wrong_password_or_an_unknown_email_gets_401_problem_details()
    {
        using var user = await stack.SignUpAsync();
        using var anonymous = stack.CreateClient();

        using var wrongPassword = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "not the password" });
        var problem = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var unknownEmail = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody-" + user.Email, password = Password });
        var unknown = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized);

        // The two answers are the same, so login does not tell which emails have accounts.
        Assert.Equal(problem.Detail, unknown.Detail);
    }

    [Fact]
    public async Task Signing_up_with_a_taken_email_in_any_case_gets_409()
    {
        using var user = await stack.SignUpAsync();
        using var anonymous = stack.CreateClient();

        using var again = await anonymous.PostAsJsonAsync("/api/v1/auth/signup", new { email = user.Email.ToUpperInvariant(), password = "another password" });

        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(user.Email, problem.Detail);
    }

    [Fact]
    public async Task Signup_rejects_an_invalid_email_and_a_short_password_with_a_validation_problem()
    {
        using var anonymous = stack.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/signup", new { email = "not-an-email", password = "short" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not an email address", Assert.Single(problem.Errors!["email"]));
        Assert.Contains("at least 8", Assert.Single(problem.Errors["password"]));
    }

    [Fact]
    public async Task Endpoints_other_than_health_auth_and_openapi_need_a_valid_token()
    {
        using var anonymous = stack.CreateClient();

        foreach (var path in new[] { "/api/v1/users/me", "/api/v1/jobs", $"/api/v1/jobs/{Guid.NewGuid()}", "/api/v1/admin/users" })
        {
            using var response = await anonymous.GetAsync(path);
            var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Contains("bearer token", problem.Detail);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
        using (var forged = stack.CreateClient("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"))
        using (var response = await forged.GetAsync("/api/v1/users/me"))
        {
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
        using (var health = await anonymous.GetAsync("/api/v1/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        using (var openApi = await anonymous.GetAsync("/openapi/v1.json"))
        {
            Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        }
    }

    [Fact]
    public async Task The_token_is_taken_from_the_query_string_only_on_the_live_progress_streams()
    {
        using var user = await stack.SignUpAsync();
        using var anonymous = stack.CreateClient();

        using var response = await anonymous.GetAsync($"/api/v1/users/me?access_token={user.AccessToken}");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_banned_user_cannot_log_in_and_their_earlier_token_stops_working_until_unbanned()
    {
        using var admin = await stack.AdminAsync();
        using var user = await stack.SignUpAsync();
        using (var before = await user.Client.GetAsync("/api/v1/users/me"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var ban = await admin.Client.PostAsync($"/api/v1/admin/users/{user.Id}/ban", null))
        {
            Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
        }

        using (var earlierToken = await user.Client.GetAsync("/api/v1/users/me"))
        {
            var problem = await earlierToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Contains("banned", problem.Detail);
        }
        using var anonymous = stack.CreateClient();
        using (var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = Password }))
        {
            var problem = await login.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("banned", problem.Detail);
        }

        using (var unban = await admin.Client.PostAsync($"/api/v1/admin/users/{user.Id}/unban", null))
        {
            Assert.Equal(HttpStatusCode.OK, unban.StatusCode);
        }
        using var again = await stack.LogInAsync(user.Email);
        Assert.Equal(user.Id, again.Id);
    }

    [Fact]
    public async Task Admin_endpoints_answer_403_to_users_and_let_admins_grant_coins()
    {
        using var admin = await stack.AdminAsync();
        using var user = await stack.SignUpAsync();

        using (var forbidden = await user.Client.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/coins", new { amount = 1000 }))
        {
            await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden);
        }
        using (var diagnostics = await user.Client.PostAsync("/api/v1/diagnostics/roundtrip", null))
        {
            await diagnostics.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var grant = await admin.Client.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/coins", new { amount = 25, note = "welcome back" }))
        {
            Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        }
        var me = (await user.Client.GetFromJsonAsync<Me>("/api/v1/users/me"))!;
        Assert.Equal(StackFixture.SignupGrant + 25, me.CoinBalance);
        Assert.Equal(("grant", 25, "welcome back"), (me.RecentTransactions[0].Kind, me.RecentTransactions[0].Amount, me.RecentTransactions[0].Note));

        using var unknownUser = await admin.Client.PostAsJsonAsync($"/api/v1/admin/users/{Guid.NewGuid()}/coins", new { amount = 1 });
        await unknownUser.AssertProblemAsync(HttpStatusCode.NotFound);
        using var noAmount = await admin.Client.PostAsJsonAsync($"/api/v1/admin/users/{user.Id}/coins", new { note = "nothing" });
        Assert.Contains("amount", (await noAmount.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }
}
