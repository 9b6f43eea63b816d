using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using DanceAspire.Media;
using DanceAspire.Media.Audio;
using DanceAspire.Music.Jobs;
using DanceAspire.Music.Songs;
using DanceAspire.Workers;

namespace DanceAspire.AnalysisWorker;

/// <summary>
/// Runs a song-analysis job: decodes the uploaded song to mono samples (through a short read of the blob into a
/// scratch file), finds tempo, beats, downbeats, sections and the energy curve, and returns them as the job's result.
/// </summary>
public sealed partial class SongAnalysisJobHandler(BlobServiceClient blobs, AudioDecoder decoder, SongAnalyzer analyzer, ILogger<SongAnalysisJobHandler> logger)
    : IJobHandler
{
    /// <summary>The beat tracker works at this rate (its onset bands and hop are tuned for it).</summary>
    public const int SampleRate = 22050;

    public string Kind => SongAnalysisJob.Kind;

    public async Task<string?> HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var job = context.GetPayload<SongAnalysisJobPayload>();
        var scratch = Directory.CreateTempSubdirectory($"song-{job.SongId:N}-");
        try
        {
            await context.ReportProgressAsync(0, "downloading");
            var input = Path.Combine(scratch.FullName, "original");
            try
            {
                await blobs.GetBlobContainerClient(SongAnalysisJob.Container)
                    .GetBlobClient(SongAnalysisJob.OriginalName(job.SongId)).DownloadToAsync(input, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                throw new JobFailedException("The uploaded song is gone (it was deleted).");
            }

            await context.ReportProgressAsync(0.1, "decoding");
            float[] samples;
            try
            {
                samples = await decoder.DecodeMonoAsync(input, SampleRate, cancellationToken);
            }
            catch (MediaToolException e)
            {
                throw new JobFailedException($"The song could not be decoded: {e.Message}", retryable: false, e);
            }

            await context.ReportProgressAsync(0.4, "finding beats and sections");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var analysis = analyzer.Analyze(samples, SampleRate);
            LogAnalyzed(job.SongId, analysis.DurationSeconds, analysis.TempoBpm, analysis.Beats.Length, analysis.Sections.Count,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            return JsonSerializer.Serialize(analysis, JsonSerializerOptions.Web);
        }
        finally
        {
            try
            {
                scratch.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder left behind is removed with the temp folder; the result is what matters.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Song {SongId}: {Duration:0.0} s, {Tempo:0.0} BPM, {Beats} beats, {Sections} sections in {Seconds:0.00} s")]
    private partial void LogAnalyzed(Guid songId, double duration, double tempo, int beats, int sections, double seconds);
}
