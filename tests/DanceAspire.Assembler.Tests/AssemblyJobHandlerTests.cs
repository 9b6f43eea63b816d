using System.Net;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using DanceAspire.Assembler.Assembly;
using DanceAspire.Choreography.Jobs;
using DanceAspire.Media;
using DanceAspire.Workers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DanceAspire.Assembler.Tests;

public sealed class AssemblyJobHandlerTests
{
    [Fact]
    public async Task An_invalid_blueprint_is_refused_for_good_before_any_blob_is_fetched_or_ffmpeg_runs()
    {
        var json = TestBlueprints.Json([new("red"), new("green")], videoPaths: ["moves/../secrets/clip.mp4", "private/clip.mp4"]);
        var storage = new FakeBlobStorage();

        var error = await Assert.ThrowsAsync<JobFailedException>(() => Handler(storage, missingTools: true)
            .AssembleAsync(new AssemblyJobPayload(Guid.NewGuid(), json), (_, _) => ValueTask.CompletedTask, CancellationToken.None));

        Assert.False(error.Retryable);
        Assert.Contains("moves[0].video_path", error.Message);
        Assert.Contains("'..'", error.Message);
        Assert.Contains("moves[1].video_path", error.Message);
        Assert.Contains("container 'private' is not allowed", error.Message);
        Assert.Equal(0, storage.Requests);
    }

    [Fact]
    public async Task A_missing_blob_fails_the_job_for_good_naming_its_path()
    {
        var json = TestBlueprints.Json([new("red")]);
        var storage = new FakeBlobStorage();

        var error = await Assert.ThrowsAsync<JobFailedException>(() => Handler(storage, missingTools: true)
            .AssembleAsync(new AssemblyJobPayload(Guid.NewGuid(), json), (_, _) => ValueTask.CompletedTask, CancellationToken.None));

        Assert.False(error.Retryable);
        Assert.Matches("'(moves/red.mp4|songs/song.ogg)' is not in blob storage", error.Message);
        Assert.True(storage.Requests > 0);
    }

    /// <param name="missingTools">ffmpeg and ffprobe that do not exist: reaching them would fail with another exception.</param>
    private static AssemblyJobHandler Handler(FakeBlobStorage storage, bool missingTools)
    {
        var nowhere = Path.Combine(Path.GetTempPath(), $"no-ffmpeg-{Guid.NewGuid():N}");
        var tools = missingTools ? new FfmpegTools { FfmpegPath = nowhere, FfprobePath = nowhere } : FfmpegTools.Default;
        var options = Options.Create(new AssemblerOptions());
        var blobs = new BlobServiceClient(new Uri("http://blobs.invalid/devstoreaccount1"),
            new BlobClientOptions { Transport = new HttpClientTransport(new HttpClient(storage)), Retry = { MaxRetries = 0 } });
        return new AssemblyJobHandler(blobs, new BlueprintAssembler(tools, options), options, NullLogger<AssemblyJobHandler>.Instance);
    }

    /// <summary>Blob storage holding nothing: every request is counted and answered 404 BlobNotFound.</summary>
    private sealed class FakeBlobStorage : HttpMessageHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var response = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("") };
            response.Headers.Add("x-ms-error-code", "BlobNotFound");
            return Task.FromResult(response);
        }
    }
}
