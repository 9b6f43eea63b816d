using System.Text.Json;
using DanceAspire.Api.Jobs;
using DanceAspire.Api.Uploads;
using DanceAspire.Data.Songs;
using DanceAspire.Media.Validation;
using DanceAspire.Music.Jobs;

namespace DanceAspire.Api.Songs;

/// <summary>Queues the analysis of an uploaded song once ffprobe accepts it.</summary>
public sealed class SongSubmitter(UploadSubmitter submitter, SongStorage storage, AudioValidator validator)
{
    public Task<Submission> SubmitAsync(Song song, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(new SongAnalysisJobPayload(song.Id), JsonSerializerOptions.Web);
        var job = new NewJob(SongAnalysisJob.Kind, payload, IdempotencyKey: $"song:{song.Id:D}");
        return submitter.SubmitAsync(song, storage, SongStorage.Original, validator, job, media =>
        {
            var audio = media.Audio!;
            song.DurationSeconds = media.DurationSeconds ?? audio.DurationSeconds ?? 0;
            song.AudioCodec = audio.CodecName ?? "";
            song.SampleRate = audio.SampleRate;
            song.Channels = audio.Channels;
        }, cancellationToken);
    }
}
