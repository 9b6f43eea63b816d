using DanceAspire.Jobs;
using DanceAspire.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class JobWorkerExtensions
{
    /// <summary>
    /// Runs the job worker host in this service: it takes attempts of its handlers' kinds from Redis (register the
    /// client with <c>AddRedisClient</c>) and runs them, <c>Jobs:Worker:Concurrency</c> at a time.
    /// </summary>
    public static JobWorkerBuilder AddJobWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JobWorkerOptions>(builder.Configuration.GetSection(JobWorkerOptions.Section));
        builder.Services.TryAddSingleton<JobStreams>();
        builder.Services.TryAddSingleton(sp => WorkerIdentity.From(builder.Configuration));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, JobWorker>());
        return new JobWorkerBuilder(builder.Services);
    }
}

public sealed class JobWorkerBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>Adds a handler; it is created in a new scope for every attempt it runs.</summary>
    public JobWorkerBuilder AddHandler<THandler>() where THandler : class, IJobHandler
    {
        Services.TryAddScoped<THandler>();
        Services.AddSingleton(new JobHandlerRegistration(typeof(THandler)));
        return this;
    }
}

/// <summary>A handler type added with <see cref="JobWorkerBuilder.AddHandler{THandler}"/>.</summary>
public sealed record JobHandlerRegistration(Type HandlerType);
