using DanceAspire.Analysis.Imaging;
using DanceAspire.Analysis.Pose;
using DanceAspire.Pose.Models;
using DanceAspire.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanceAspire.Pose.Tests;

[Collection(PoseMediaCollection.Name)]
public class PoseEstimatorFactoryTests(PoseMedia media)
{
    [Theory]
    [InlineData(PoseModels.MoveNetLightning, KeypointFormat.Coco17, 17)]
    [InlineData(PoseModels.MoveNetThunder, KeypointFormat.Coco17, 17)]
    [InlineData(PoseModels.BlazePose, KeypointFormat.BlazePose33, 33)]
    public void Each_wire_name_makes_an_estimator_of_its_format_that_finds_the_skier(string model, KeypointFormat format, int count)
    {
        using var estimator = media.Factory.Create(model);

        var pose = estimator.Estimate(FrameView.Rgb24(media.Image, PoseMedia.ImageWidth, PoseMedia.ImageHeight), 3, 0.5);

        Assert.Equal(model, estimator.ModelName);
        Assert.Equal(format, pose.Format);
        Assert.Equal(count, pose.Keypoints.Length);
        // The skier stands in the right half of the image.
        Assert.InRange(pose.Keypoints.Average(k => k.X), 280, 500);
    }

    [Fact]
    public void No_name_means_movenet_lightning_and_an_unknown_name_is_refused()
    {
        using var estimator = media.Factory.Create(null);

        Assert.Equal(PoseModels.MoveNetLightning, estimator.ModelName);
        Assert.Equal(["movenet-lightning", "movenet-thunder", "blazepose"], PoseModels.Names);
        var error = Assert.Throws<ArgumentException>(() => media.Factory.Create("openpose"));
        Assert.Contains("movenet-lightning", error.Message);
    }

    [Fact]
    public void Sessions_are_created_once_and_shared_across_threads()
    {
        var sessions = new System.Collections.Concurrent.ConcurrentBag<object>();

        Parallel.For(0, 8, _ => sessions.Add(media.Catalog.Session(PoseEstimatorFactory.MoveNetLightningFile)));

        Assert.Single(sessions.Distinct());
    }

    [Fact]
    public void The_factory_is_registered_from_the_pose_configuration_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pose:ModelDirectory"] = TestMedia.ModelsRoot, ["Pose:IntraOpThreads"] = "1" })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddPoseEstimation(configuration).BuildServiceProvider();

        using var estimator = provider.GetRequiredService<PoseEstimatorFactory>().Create(PoseModels.MoveNetThunder);

        Assert.Equal(PoseModels.MoveNetThunder, estimator.ModelName);
        Assert.Equal("cpu", provider.GetRequiredService<PoseModelCatalog>().ExecutionProvider);
    }

    [Fact]
    public void Asking_for_cuda_without_its_provider_library_logs_one_warning_and_estimates_on_the_cpu()
    {
        var logger = new CapturingLogger();
        var options = new PoseModelOptions { ModelDirectory = TestMedia.ModelsRoot, ExecutionProvider = "cuda", CudaProviderLibrary = Path.Combine(TestMedia.ModelsRoot, "no-such-dir", "libonnxruntime_providers_cuda.so") };
        using var catalog = new PoseModelCatalog(options, logger);
        using var estimator = new PoseEstimatorFactory(catalog).Create(PoseModels.MoveNetLightning);

        var pose = estimator.Estimate(FrameView.Rgb24(media.Image, PoseMedia.ImageWidth, PoseMedia.ImageHeight), 0, 0);

        Assert.True(pose.HasPose);
        Assert.Equal("cpu", catalog.ExecutionProvider);
        var warning = Assert.Single(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("CPU", warning.Message);
        Assert.Contains("not found", warning.Message);
    }

    [Fact]
    public void A_cuda_provider_library_that_fails_to_register_falls_back_to_the_cpu_with_the_reason()
    {
        using var folder = new TemporaryFolder();
        var bogus = folder.Write("libonnxruntime_providers_cuda.so", "not a shared library"u8.ToArray());
        var logger = new CapturingLogger();
        var options = new PoseModelOptions { ModelDirectory = TestMedia.ModelsRoot, ExecutionProvider = "cuda", CudaProviderLibrary = bogus };
        using var catalog = new PoseModelCatalog(options, logger);

        var session = catalog.Session(PoseEstimatorFactory.MoveNetLightningFile);

        Assert.NotNull(session);
        Assert.Equal("cpu", catalog.ExecutionProvider);
        var warning = Assert.Single(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("registering", warning.Message);
    }
}
