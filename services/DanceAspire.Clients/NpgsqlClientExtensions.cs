using DanceAspire.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class NpgsqlClientExtensions
{
    public const string HealthCheckName = "postgres";

    /// <summary>
    /// Registers a singleton <see cref="NpgsqlDataSource"/> (the connection pool) for
    /// ConnectionStrings:<paramref name="connectionName"/> and the "postgres" health check
    /// (open a connection, SELECT 1). Calling it again for the same name does nothing.
    /// </summary>
    public static IHostApplicationBuilder AddNpgsqlDataSource(this IHostApplicationBuilder builder, string connectionName)
    {
        var existing = builder.Services.FirstOrDefault(d => d.ServiceType == typeof(NpgsqlClientRegistration));
        if (existing?.ImplementationInstance is NpgsqlClientRegistration registered)
        {
            return registered.ConnectionName == connectionName
                ? builder
                : throw new InvalidOperationException(
                    $"A Postgres data source is already registered for '{registered.ConnectionName}'; only one database per service is supported.");
        }

        var connectionString = ConnectionStrings.GetRequired(builder, connectionName);
        var parsed = new NpgsqlConnectionStringBuilder(connectionString);

        builder.Services.AddSingleton(new NpgsqlClientRegistration(connectionName));
        builder.Services.AddSingleton(sp => new NpgsqlDataSourceBuilder(connectionString)
            .UseLoggerFactory(sp.GetService<ILoggerFactory>())
            .Build());
        ClientHealthChecks.Add<NpgsqlHealthCheck>(builder.Services, HealthCheckName);
        StartupConnectionLog.Register(builder.Services,
            new ClientEndpoint(HealthCheckName, connectionName, $"{parsed.Host}:{parsed.Port}/{parsed.Database}"));
        return builder;
    }

    /// <summary>
    /// Registers a pooled <typeparamref name="TContext"/> on top of the data source from
    /// <see cref="AddNpgsqlDataSource"/> (added here if it is not registered yet), so the
    /// context, raw Npgsql commands and the health check share one connection pool.
    /// </summary>
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<DbContextOptionsBuilder>? configureOptions = null)
        where TContext : DbContext
    {
        builder.AddNpgsqlDataSource(connectionName);
        builder.Services.AddDbContextPool<TContext>((sp, options) =>
        {
            options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>());
            configureOptions?.Invoke(options);
        });
        return builder;
    }

    private sealed record NpgsqlClientRegistration(string ConnectionName);
}
