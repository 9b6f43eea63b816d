using DanceAspire.Data;
using DanceAspire.Dispatcher.Duties;
using DanceAspire.Dispatcher.Events;
using DanceAspire.Dispatcher.Persistence;
using DanceAspire.Dispatcher.Scheduling;
using DanceAspire.Jobs;

namespace DanceAspire.Dispatcher;

public static class DispatcherServiceExtensions
{
    /// <summary>The dispatcher's registrations: Postgres and Redis clients, the per-kind job policy, the dispatch lock, the dispatcher loop and its health.</summary>
    public static IHostApplicationBuilder AddJobDispatcher(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<DanceDbContext>("dancedb", DanceDbContext.Configure);
        builder.AddRedisClient("redis");

        builder.Services.Configure<JobsOptions>(builder.Configuration.GetSection(JobsOptions.Section));
        builder.Services.Configure<DispatcherOptions>(builder.Configuration.GetSection(DispatcherOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JobStreams>();

        // One loop drives all of these, so they hold plain (unsynchronized) state.
        builder.Services.AddSingleton<UpdateSequencer>();
        builder.Services.AddSingleton<RunningAttempts>();
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddSingleton<JobStateWriter>();
        builder.Services.AddSingleton<JobEventProcessor>();
        builder.Services.AddSingleton<JobScheduler>();
        builder.Services.AddSingleton<CancelRequests>();
        builder.Services.AddSingleton<LeaseReaper>();
        builder.Services.AddSingleton<RedisRecovery>();
        builder.Services.AddSingleton<DispatcherHealth>();
        builder.Services.AddSingleton<DispatcherLeadership>();
        builder.Services.AddHostedService<JobDispatcher>();
        builder.Services.AddHealthChecks().AddCheck<DispatcherHealth>("dispatcher", tags: ["ready"]);
        return builder;
    }
}
