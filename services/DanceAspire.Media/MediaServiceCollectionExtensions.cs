using DanceAspire.Media.Probing;
using DanceAspire.Media.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DanceAspire.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Registers the probe, the video and audio validators (their limits bound from <paramref name="videoLimits"/> and
    /// <paramref name="audioLimits"/>, defaults otherwise) and the thumbnail writer. The decoder and encoder are per video: start them with
    /// <c>VideoFrameReader.Start</c> and <c>OverlayVideoWriter.Start</c>.
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration? videoLimits = null, IConfiguration? audioLimits = null)
    {
        var limits = services.AddOptions<VideoLimits>();
        if (videoLimits is not null) limits.Bind(videoLimits);
        var songLimits = services.AddOptions<AudioLimits>();
        if (audioLimits is not null) songLimits.Bind(audioLimits);
        services.AddSingleton(FfmpegTools.Default);
        services.AddSingleton(sp => new MediaProbe(sp.GetRequiredService<FfmpegTools>()));
        services.AddSingleton(sp => new ThumbnailWriter(sp.GetRequiredService<FfmpegTools>()));
        services.AddSingleton(sp => new VideoValidator(
            sp.GetRequiredService<MediaProbe>(), sp.GetRequiredService<IOptions<VideoLimits>>().Value));
        services.AddSingleton(sp => new AudioValidator(
            sp.GetRequiredService<MediaProbe>(), sp.GetRequiredService<IOptions<AudioLimits>>().Value));
        return services;
    }
}
