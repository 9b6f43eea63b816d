using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Blobs;
using DanceAspire.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DanceAspire.IntegrationTests;

[Collection(StackCollection.Name)]
public sealed class StoreTests(StackFixture stack)
{
    private sealed record StoreRoundtrip(string Written, string Read);
    private sealed record Roundtrip(StoreRoundtrip Postgres, StoreRoundtrip Redis, StoreRoundtrip Blobs);

    [Fact]
    public async Task The_api_writes_and_reads_a_row_a_key_and_a_blob_through_the_injected_connections()
    {
        // The round trip is an admin's tool.
        using var admin = await stack.AdminAsync();
        using var response = await admin.Client.PostAsync("/api/v1/diagnostics/roundtrip", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var roundtrip = (await response.Content.ReadFromJsonAsync<Roundtrip>())!;
        foreach (var store in new[] { roundtrip.Postgres, roundtrip.Redis, roundtrip.Blobs })
        {
            Assert.StartsWith("roundtrip-", store.Written);
            Assert.Equal(store.Written, store.Read);
        }

        // The same servers, reached with the connection strings the AppHost handed out, show the api's traces.
        await using var db = new NpgsqlConnection(await stack.App.GetConnectionStringAsync("dancedb"));
        await db.OpenAsync();
        await using var table = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'probes'", db);
        Assert.Equal(1L, await table.ExecuteScalarAsync());
        var blobs = new BlobServiceClient(await stack.App.GetConnectionStringAsync("blobs"));
        Assert.True(await blobs.GetBlobContainerClient("diagnostics").ExistsAsync());
    }

    [Fact]
    public async Task The_hand_written_migrations_create_exactly_the_schema_of_the_model()
    {
        var server = new NpgsqlConnectionStringBuilder(await stack.App.GetConnectionStringAsync("dancedb"));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var migrated = await CreateDatabaseAsync(server, $"migrated_{suffix}");
        var created = await CreateDatabaseAsync(server, $"created_{suffix}");

        await using (var context = DanceDbContext.Create(migrated))
        {
            await context.Database.MigrateAsync();
        }
        await using (var context = DanceDbContext.Create(created))
        {
            await context.Database.EnsureCreatedAsync();
        }

        var expected = await DescribeSchemaAsync(created);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await DescribeSchemaAsync(migrated));
    }

    private static async Task<string> CreateDatabaseAsync(NpgsqlConnectionStringBuilder server, string name)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Every column, constraint and index of the public schema, as sorted lines (EF's history table left out).</summary>
    private static async Task<List<string>> DescribeSchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' null=' || is_nullable || ' default=' || coalesce(column_default, '')
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
            UNION ALL
            SELECT 'index ' || tablename || ' ' || indexdef
              FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
