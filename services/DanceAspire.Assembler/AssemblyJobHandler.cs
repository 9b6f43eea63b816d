using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DanceAspire.Assembler.Assembly;
using DanceAspire.Choreography.Blueprints;
using DanceAspire.Choreography.Jobs;
using DanceAspire.Media;
using DanceAspire.Workers;
using Microsoft.Extensions.Options;

namespace DanceAspire.Assembler;

/// <summary>
/// Runs an assembly job: checks the blueprint before anything else, fetches its clips and song into a scratch folder,
/// assembles, and uploads the video. Idempotent: a retried attempt overwrites the same blob.
/// </summary>
public sealed partial class AssemblyJobHandler(
    BlobServiceClient blobs, BlueprintAssembler assembler, IOptions<AssemblerOptions> options, ILogger<AssemblyJobHandler> logger) : IJobHandler
{
    public string Kind => AssemblyJob.Kind;

    public async Task<string?> HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var summary = await AssembleAsync(context.GetPayload<AssemblyJobPayload>(), context.ReportProgressAsync, cancellationToken);
        return JsonSerializer.Serialize(summary, JsonSerializerOptions.Web);
    }

    /// <summary>The job without its transport: payload in, summary out; <paramref name="reportProgress"/> takes (0..1, stage).</summary>
    /// <exception cref="JobFailedException">The blueprint or its media cannot make a video; not retryable.</exception>
    public async Task<AssemblySummary> AssembleAsync(AssemblyJobPayload job, Func<double, string?, ValueTask> reportProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var clock = Stopwatch.StartNew();
        // The payload crossed a queue: check it again, before a single blob is fetched or ffmpeg is started.
        var validation = BlueprintValidator.Validate(job.Blueprint ?? "", BlueprintLimits.Default);
        if (!validation.IsValid)
            throw new JobFailedException($"The blueprint is invalid: {string.Join("; ", validation.Errors)}", retryable: false);
        var blueprint = validation.Blueprint!;

        var scratch = Directory.CreateTempSubdirectory($"assembly-{job.ChoreographyId:N}-");
        try
        {
            await reportProgress(0, "downloading");
            var sources = await DownloadAsync(blueprint, scratch.FullName, reportProgress, cancellationToken);

            await reportProgress(0.1, "assembling");
            var output = Path.Combine(scratch.FullName, "video.mp4");
            AssemblyResult result;
            try
            {
                result = await assembler.AssembleAsync(blueprint, sources, output, done => reportProgress(0.1 + 0.85 * done, "assembling"), cancellationToken);
            }
            catch (AssemblyInputException e)
            {
                throw new JobFailedException(e.Message, retryable: false, e);
            }
            catch (MediaToolException e)
            {
                // The clips passed ffprobe but ffmpeg cannot work with them: the same media would fail again.
                throw new JobFailedException($"ffmpeg could not assemble the video: {e.Message}", retryable: false, e);
            }
            LogAssembled(job.ChoreographyId, blueprint.Moves.Count, result.DurationSeconds, result.StreamCopy, result.ReencodeReason ?? "-", result.FfmpegRuns, result.ElapsedSeconds);

            await reportProgress(0.95, "uploading");
            var container = blobs.GetBlobContainerClient(AssemblyJob.Container);
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var name = AssemblyJob.VideoName(job.ChoreographyId);
            await container.GetBlobClient(name).UploadAsync(output,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "video/mp4" } }, cancellationToken);
            await reportProgress(1, "done");

            return new AssemblySummary($"{AssemblyJob.Container}/{name}", result.DurationSeconds, result.SizeBytes, result.StreamCopy, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            try
            {
                scratch.Delete(recursive: true);
            }
            catch (IOException e)
            {
                LogScratchNotDeleted(scratch.FullName, e.Message);
            }
        }
    }

    /// <summary>Fetches each distinct clip once, a few at a time, and the song; local names are ours, never the blob's.</summary>
    private async Task<AssemblySources> DownloadAsync(
        Blueprint blueprint, string folder, Func<double, string?, ValueTask> reportProgress, CancellationToken cancellationToken)
    {
        var paths = blueprint.Moves.Select(m => m.VideoPath).Distinct(StringComparer.Ordinal).ToList();
        var files = paths.Select((path, i) => (Path: path, File: Path.Combine(folder, $"clip-{i:D3}.mp4"))).ToList();
        var audio = Path.Combine(folder, "song" + SafeExtension(blueprint.Audio.Path));
        files.Add((blueprint.Audio.Path, audio));

        var done = 0;
        await Parallel.ForEachAsync(files,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.ParallelDownloads), CancellationToken = cancellationToken },
            async (item, token) =>
            {
                await DownloadAsync(item.Path, item.File, token);
                await reportProgress(0.1 * Interlocked.Increment(ref done) / files.Count, "downloading");
            });
        return new AssemblySources(files.Take(paths.Count).ToDictionary(f => f.Path, f => f.File, StringComparer.Ordinal), audio);
    }

    private async Task DownloadAsync(string blobPath, string file, CancellationToken cancellationToken)
    {
        // The validator guaranteed "container/name…" in an allowed container.
        var slash = blobPath.IndexOf('/');
        var blob = blobs.GetBlobContainerClient(blobPath[..slash]).GetBlobClient(blobPath[(slash + 1)..]);
        try
        {
            await blob.DownloadToAsync(file, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new JobFailedException($"'{blobPath}' is not in blob storage (deleted, or never uploaded).", retryable: false, e);
        }
    }

    /// <summary>The blob's extension when it is a plain one (".mp3"), as a hint to ffmpeg; none otherwise.</summary>
    private static string SafeExtension(string blobPath)
    {
        var extension = Path.GetExtension(blobPath);
        return PlainExtension().IsMatch(extension) ? extension.ToLowerInvariant() : "";
    }

    [GeneratedRegex(@"^\.[A-Za-z0-9]{1,5}$")]
    private static partial Regex PlainExtension();

    [LoggerMessage(Level = LogLevel.Information, Message = "Choreography {ChoreographyId}: {Moves} moves, {Seconds:0.00} s of video, stream copy {StreamCopy} (re-encoded because: {ReencodeReason}), {Runs} ffmpeg runs in {Elapsed:0.00} s")]
    private partial void LogAssembled(Guid choreographyId, int moves, double seconds, bool streamCopy, string reencodeReason, int runs, double elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the scratch folder {Folder}: {Reason}")]
    private partial void LogScratchNotDeleted(string folder, string reason);
}
