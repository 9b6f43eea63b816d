using DanceAspire.Pose.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanceAspire.Pose;

public static class PoseServiceCollectionExtensions
{
    /// <summary>Registers the model catalog and <see cref="PoseEstimatorFactory"/>, configured from the <c>Pose</c> section.</summary>
    public static IServiceCollection AddPoseEstimation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PoseModelOptions>(configuration.GetSection(PoseModelOptions.SectionName));
        services.AddSingleton<PoseModelCatalog>();
        services.AddSingleton<PoseEstimatorFactory>();
        return services;
    }
}
