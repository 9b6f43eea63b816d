using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DanceAspire.IntegrationTests;

/// <summary>What any client can send gets a ProblemDetails answer that says what was wrong, never a 500.</summary>
[Collection(StackCollection.Name)]
public sealed class ApiContractTests(StackFixture stack)
{
    [Fact]
    public async Task Malformed_json_and_wrong_types_get_400_problem_details_that_point_at_the_problem()
    {
        using var anonymous = stack.CreateClient();

        using var malformed = await anonymous.PostAsync("/api/v1/auth/signup", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));
        Assert.Contains("JSON", (await malformed.AssertProblemAsync(HttpStatusCode.BadRequest)).Detail);

        using var wrongType = await anonymous.PostAsync("/api/v1/auth/login", new StringContent("{\"email\": 5, \"password\": []}", Encoding.UTF8, "application/json"));
        Assert.Contains("$.email", (await wrongType.AssertProblemAsync(HttpStatusCode.BadRequest)).Detail);

        using var notJson = await anonymous.PostAsync("/api/v1/auth/login", new StringContent("email=a@b.c", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await notJson.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        using var noBody = await anonymous.PostAsync("/api/v1/auth/login", new StringContent("", Encoding.UTF8, "application/json"));
        await noBody.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_job_requests_bad_paging_and_bad_ids_get_4xx_problem_details()
    {
        using var user = await stack.SignUpAsync();
        var client = user.Client;

        using (var notAnObject = await client.PostAsJsonAsync("/api/v1/jobs", new { kind = StackFixture.EchoKind, payload = new[] { 1, 2 }, priority = 99 }))
        {
            var problem = await notAnObject.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("payload", problem.Errors!.Keys);
            Assert.Contains("priority", problem.Errors.Keys);
        }
        using (var noKind = await client.PostAsJsonAsync("/api/v1/jobs", new { payload = new { } }))
        {
            Assert.Contains("kind", (await noKind.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        }
        using (var nul = await client.PostAsync("/api/v1/jobs", new StringContent("{\"kind\":\"test-echo\",\"payload\":{\"a\":\"\\u0000\"}}", Encoding.UTF8, "application/json")))
        {
            Assert.Contains("payload", (await nul.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        }
        foreach (var query in new[] { "pageSize=100000", "page=0", "page=abc", "page=99999999999", "state=nonsense" })
        {
            using var response = await client.GetAsync($"/api/v1/jobs?{query}");
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        }
        foreach (var path in new[] { "/api/v1/jobs/not-a-guid", $"/api/v1/jobs/{Guid.NewGuid()}", "/api/v1/no-such-thing" })
        {
            using var response = await client.GetAsync(path);
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        using (var webSocketExpected = await client.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}/ws"))
        {
            await webSocketExpected.AssertProblemAsync(HttpStatusCode.BadRequest);
        }
        using (var wrongMethod = await client.DeleteAsync("/api/v1/users/me"))
        {
            await wrongMethod.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        }
    }

    [Fact]
    public async Task Unknown_routes_are_404_problem_details_also_without_a_token()
    {
        using var anonymous = stack.CreateClient();

        using var response = await anonymous.GetAsync("/api/v1/no-such-thing");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint_and_requires_the_bearer_scheme_where_a_token_is_needed()
    {
        // Served by the api, reached through the gateway like everything else.
        var document = await stack.Gateway.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Key: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToDictionary(o => o.Key, o => o.Operation);
        string[] anonymousOperations = ["POST /api/v1/auth/signup", "POST /api/v1/auth/login", "GET /api/v1/health", "GET /api/v1/blueprints/schema"];
        string[] securedOperations =
        [
            "GET /api/v1/users/me", "GET /api/v1/users/me/transactions",
            "POST /api/v1/jobs", "GET /api/v1/jobs", "GET /api/v1/jobs/{id}", "POST /api/v1/jobs/{id}/cancel",
            "GET /api/v1/jobs/{id}/events", "GET /api/v1/jobs/{id}/ws",
            "GET /api/v1/admin/users", "GET /api/v1/admin/users/{id}", "POST /api/v1/admin/users/{id}/ban",
            "POST /api/v1/admin/users/{id}/unban", "POST /api/v1/admin/users/{id}/coins",
            "POST /api/v1/diagnostics/roundtrip",
            "POST /api/v1/analyses/upload-url", "POST /api/v1/analyses/{id}/confirm", "POST /api/v1/analyses", "GET /api/v1/analyses",
            "GET /api/v1/analyses/{id}", "GET /api/v1/analyses/{id}/result", "GET /api/v1/analyses/{id}/artifacts/{artifact}",
            "GET /api/v1/analyses/{id}/artifacts/{artifact}/link", "DELETE /api/v1/analyses/{id}",
            "POST /api/v1/songs/upload-url", "POST /api/v1/songs/{id}/confirm", "POST /api/v1/songs", "GET /api/v1/songs",
            "GET /api/v1/songs/{id}", "GET /api/v1/songs/{id}/audio/link", "DELETE /api/v1/songs/{id}",
            "GET /api/v1/moves", "GET /api/v1/moves/{id}", "PATCH /api/v1/moves/{id}", "DELETE /api/v1/moves/{id}",
            "GET /api/v1/moves/{id}/{file}/link", "POST /api/v1/moves/search",
            "POST /api/v1/choreography/from-song", "POST /api/v1/choreography/from-description", "POST /api/v1/choreography/from-blueprint",
            "GET /api/v1/choreography", "GET /api/v1/choreography/{id}", "GET /api/v1/choreography/{id}/blueprint",
            "DELETE /api/v1/choreography/{id}", "POST /api/v1/compositions", "POST /api/v1/blueprints/validate",
        ];
        Assert.Equal(anonymousOperations.Concat(securedOperations).Order(), operations.Keys.Order());

        // The results schema, documented where clients look, with the snake_case names the result JSON carries.
        var result = document.GetProperty("components").GetProperty("schemas").GetProperty("AnalysisResult").GetProperty("properties");
        Assert.Equal(["movement", "notes", "pose", "processing", "rhythm", "schema_version", "segments", "smoothness_score"],
            result.EnumerateObject().Select(p => p.Name).Order());

        // The blueprint's schema too, as the assembler reads it.
        var blueprint = document.GetProperty("components").GetProperty("schemas").GetProperty("Blueprint").GetProperty("properties");
        Assert.Equal(["audio", "difficulty_level", "generation_parameters", "moves", "output_config", "schema_version", "task_id", "total_duration"],
            blueprint.EnumerateObject().Select(p => p.Name).Order());

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        Assert.All(securedOperations, key => Assert.True(operations[key].TryGetProperty("security", out _), $"{key} has no security requirement"));
        Assert.All(anonymousOperations, key => Assert.False(operations[key].TryGetProperty("security", out _), $"{key} should be anonymous"));
    }
}
