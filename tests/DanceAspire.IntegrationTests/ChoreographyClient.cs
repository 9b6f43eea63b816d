using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DanceAspire.IntegrationTests;

public sealed record SongAnalysisBody(double DurationSeconds, double TempoBpm, double[] Beats, double[] Downbeats, double BarSeconds);

public sealed record Song(Guid Id, string State, string? Error, string? ErrorCode, string Title, double? TempoBpm, SongAnalysisBody? Analysis);

public sealed record Move(Guid Id, string Name, Guid AnalysisId, double DurationSeconds, double Energy, int Difficulty, List<string> Styles,
    string ClipPath, float[]? Embedding);

public sealed record MovePage(List<Move> Items, int Total);

public sealed record Choreography(Guid Id, string Source, string State, string? Error, Guid? SongId, JsonElement Request, JsonElement Blueprint, string? VideoUrl);

/// <summary>Songs, moves and choreographies through the gateway, and waiting for their jobs.</summary>
public static class ChoreographyClient
{
    public static async Task<HttpResponseMessage> UploadSongAsync(this TestUser user, string path, string contentType = "audio/ogg")
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", Path.GetFileName(path));
        return await user.Client.PostAsync("/api/v1/songs", form);
    }

    public static async Task<Song> WaitForSongAsync(this TestUser user, Guid id) =>
        (await PollAsync(() => user.Client.GetFromJsonAsync<Song>($"/api/v1/songs/{id}", JsonSerializerOptions.Web), s => s!.State is "completed" or "failed" or "rejected", $"song {id}"))!;

    public static async Task<Choreography> WaitForChoreographyAsync(this TestUser user, Guid id) =>
        (await PollAsync(() => user.Client.GetFromJsonAsync<Choreography>($"/api/v1/choreography/{id}", JsonSerializerOptions.Web),
            c => c!.State is "completed" or "failed" or "canceled", $"choreography {id}", TimeSpan.FromMinutes(3)))!;

    /// <summary>The caller's moves once there are some from each of <paramref name="analyses"/> (the api imports them shortly after each analysis).</summary>
    public static async Task<List<Move>> WaitForMovesAsync(this TestUser user, params Guid[] analyses) =>
        (await PollAsync(() => user.Client.GetFromJsonAsync<MovePage>("/api/v1/moves?pageSize=100", JsonSerializerOptions.Web),
            page => analyses.All(a => page!.Items.Any(m => m.AnalysisId == a)), $"moves of {analyses.Length} analyses", TimeSpan.FromSeconds(60)))!.Items;

    public static async Task<T> ReadAcceptedAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)!;
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            Assert.True(clock.Elapsed < (timeout ?? TimeSpan.FromMinutes(2)), $"{what} is not done: {JsonSerializer.Serialize(value)}");
            await Task.Delay(250);
        }
    }
}
