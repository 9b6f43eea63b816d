using System.Text.Json;
using DanceAspire.Api.Jobs;
using DanceAspire.Jobs;

namespace DanceAspire.Api.Tests;

public sealed class JobRequestRulesTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void A_kind_with_an_object_payload_is_a_valid_request()
    {
        var request = new CreateJobRequest("test-echo", Json("""{"a":[1,{"b":"c"}]}"""), 3);

        Assert.Empty(JobRequestRules.Validate(request, "key-1"));
    }

    [Theory]
    [InlineData("[1,2]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("42", "number")]
    public void A_payload_that_is_not_an_object_is_refused(string payload, string named) =>
        Assert.Contains(named, JobRequestRules.PayloadError(Json(payload)));

    [Fact]
    public void A_missing_or_null_payload_is_stored_as_an_empty_object()
    {
        Assert.Null(JobRequestRules.PayloadError(null));
        Assert.Null(JobRequestRules.PayloadError(Json("null")));
        Assert.Equal("{}", JobRequestRules.PayloadJson(null));
        Assert.Equal("{}", JobRequestRules.PayloadJson(Json("null")));
        Assert.Equal("""{"x":1}""", JobRequestRules.PayloadJson(Json("""{"x":1}""")));
    }

    [Theory]
    [InlineData("""{"a":"nul\u0000here"}""")]
    [InlineData("""{"deep":[{"x":"\u0000"}]}""")]
    [InlineData("""{"na\u0000me":1}""")]
    public void A_payload_with_a_nul_character_anywhere_is_refused_since_jsonb_cannot_hold_it(string payload) =>
        Assert.Contains("NUL", JobRequestRules.PayloadError(Json(payload)));

    [Fact]
    public void A_payload_over_64_KiB_is_refused() =>
        Assert.Contains("64 KiB", JobRequestRules.PayloadError(Json($$"""{"a":"{{new string('x', 70_000)}}"}""")));

    [Fact]
    public void A_missing_kind_an_out_of_range_priority_and_a_blank_or_long_key_are_each_reported()
    {
        var errors = JobRequestRules.Validate(new CreateJobRequest(" ", null, 11), " ");

        Assert.Equal(["Idempotency-Key", "kind", "priority"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.NotNull(JobRequestRules.IdempotencyKeyError(new string('k', JobRequestRules.MaxIdempotencyKeyLength + 1)));
        Assert.Null(JobRequestRules.IdempotencyKeyError(null));
    }

    [Fact]
    public void Only_kinds_marked_public_are_offered()
    {
        var jobs = new JobsOptions
        {
            Kinds =
            {
                ["test-echo"] = new JobKindOptions { Public = true },
                ["analysis"] = new JobKindOptions(),
                ["assembly"] = new JobKindOptions { Public = true },
            },
        };

        Assert.Equal(["assembly", "test-echo"], JobRequestRules.PublicKinds(jobs));
    }
}
