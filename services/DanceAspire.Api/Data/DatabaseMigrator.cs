using Microsoft.EntityFrameworkCore;
using Npgsql;

using DanceAspire.Data;

namespace DanceAspire.Api.Data;

/// <summary>
/// Applies pending migrations while the host starts, before the api serves a request,
/// retrying while Postgres is still coming up.
/// </summary>
internal sealed partial class DatabaseMigrator(IServiceProvider services, ILogger<DatabaseMigrator> logger) : IHostedService
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + RetryFor;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<DanceDbContext>();
                await db.Database.MigrateAsync(cancellationToken);
                var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
                LogMigrated(applied.LastOrDefault() ?? "(none)");
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTimeOffset.UtcNow < deadline)
            {
                LogWaitingForDatabase(attempt, ex.Message);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date at migration {Migration}")]
    private partial void LogMigrated(string migration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet (attempt {Attempt}): {Reason}; retrying")]
    private partial void LogWaitingForDatabase(int attempt, string reason);
}
