using Azure.Storage.Blobs;
using DanceAspire.Data;
using DanceAspire.Data.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace DanceAspire.Api.Diagnostics;

/// <summary>What was written to a store and what came back.</summary>
public sealed record StoreRoundtrip(string Written, string Read);

public sealed record RoundtripResponse(StoreRoundtrip Postgres, StoreRoundtrip Redis, StoreRoundtrip Blobs);

public static class DiagnosticsApi
{
    public const string BlobContainer = "diagnostics";
    private static readonly TimeSpan RedisKeyTtl = TimeSpan.FromSeconds(60);

    /// <summary>
    /// POST /api/v1/diagnostics/roundtrip: writes a value to Postgres, Redis and blob storage
    /// and reads each back. Returns the group so it can be restricted (RequireAuthorization) in one place.
    /// </summary>
    public static RouteGroupBuilder MapDiagnosticsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/diagnostics").WithTags("Diagnostics");
        group.MapPost("/roundtrip", Roundtrip)
            .WithName("DiagnosticsRoundtrip")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<RoundtripResponse>, ProblemHttpResult>> Roundtrip(
        DanceDbContext db, IConnectionMultiplexer redis, BlobServiceClient blobs, CancellationToken cancellationToken)
    {
        var token = $"roundtrip-{Guid.CreateVersion7():N}";
        try
        {
            var response = new RoundtripResponse(
                await Step("Postgres", () => PostgresRoundtrip(db, token, cancellationToken)),
                await Step("Redis", () => RedisRoundtrip(redis, token, cancellationToken)),
                await Step("Blob storage", () => BlobRoundtrip(blobs, token, cancellationToken)));
            return TypedResults.Ok(response);
        }
        catch (StoreUnavailableException ex)
        {
            return TypedResults.Problem(
                title: "A dependency is unavailable",
                detail: ex.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<StoreRoundtrip> PostgresRoundtrip(DanceDbContext db, string token, CancellationToken cancellationToken)
    {
        var probe = new Probe { Id = Guid.CreateVersion7(), Name = token, CreatedAt = DateTimeOffset.UtcNow };
        db.Probes.Add(probe);
        await db.SaveChangesAsync(cancellationToken);

        var read = await db.Probes.AsNoTracking()
            .Where(p => p.Id == probe.Id)
            .Select(p => p.Name)
            .SingleAsync(cancellationToken);

        await db.Probes.Where(p => p.Id == probe.Id).ExecuteDeleteAsync(cancellationToken);
        return new StoreRoundtrip(token, read);
    }

    private static async Task<StoreRoundtrip> RedisRoundtrip(IConnectionMultiplexer redis, string token, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var key = $"diagnostics:{token}";
        // StackExchange.Redis 1.x takes no cancellation token.
        await database.StringSetAsync(key, token, RedisKeyTtl).WaitAsync(cancellationToken);
        var read = await database.StringGetAsync(key).WaitAsync(cancellationToken);
        return new StoreRoundtrip(token, read.ToString());
    }

    private static async Task<StoreRoundtrip> BlobRoundtrip(BlobServiceClient blobs, string token, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(BlobContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        var blob = container.GetBlobClient($"{token}.txt");
        await blob.UploadAsync(BinaryData.FromString(token), overwrite: true, cancellationToken);
        var downloaded = await blob.DownloadContentAsync(cancellationToken);
        await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return new StoreRoundtrip(token, downloaded.Value.Content.ToString());
    }

    private static async Task<StoreRoundtrip> Step(string store, Func<Task<StoreRoundtrip>> roundtrip)
    {
        try
        {
            return await roundtrip();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // EF's execution strategy wraps transient failures in a generic message; the cause says more.
            var cause = ex is InvalidOperationException { InnerException: { } inner } ? inner : ex;
            throw new StoreUnavailableException($"{store} round trip failed: {cause.Message}", ex);
        }
    }

    private sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
}
