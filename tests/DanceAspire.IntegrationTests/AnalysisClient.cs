using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DanceAspire.IntegrationTests;

public sealed record VideoFacts(double DurationSeconds, int Width, int Height, double FrameRate, string Codec);

public sealed record AnalysisSummary(
    int TotalFrames, double DetectionRate, string MovementType, double Intensity, double? EstimatedBpm, double SmoothnessScore,
    double DurationSeconds, double ProcessingTimeSeconds, List<string> Artifacts, List<string> Notes);

public sealed record Analysis(
    Guid Id, string State, double Progress, string? Stage, string? Error, string? ErrorCode, string Model, bool Overlay,
    string FileName, long SizeBytes, VideoFacts? Video, Guid? JobId, AnalysisSummary? Summary);

public sealed record UploadTicket(Guid AnalysisId, string UploadUrl, DateTimeOffset ExpiresAt, Dictionary<string, string> RequiredHeaders);

/// <summary>The two ways a client uploads a video for analysis, and waiting for the analysis to end.</summary>
public static class AnalysisClient
{
    private static readonly HttpClient Storage = new();

    public static async Task<UploadTicket> RequestUploadAsync(this TestUser user, string fileName, long sizeBytes, object? options = null)
    {
        using var response = await user.Client.PostAsJsonAsync("/api/v1/analyses/upload-url",
            new { fileName, contentType = "video/mp4", sizeBytes, options });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload-url answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<UploadTicket>())!;
    }

    /// <summary>PUTs the bytes straight to blob storage with the ticket's write-only URL.</summary>
    public static async Task PutAsync(UploadTicket ticket, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, ticket.UploadUrl) { Content = new ByteArrayContent(content) };
        foreach (var (name, value) in ticket.RequiredHeaders)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await Storage.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"the blob PUT answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>upload-url, PUT, confirm: the confirm's response.</summary>
    public static async Task<HttpResponseMessage> UploadWithSasAsync(this TestUser user, string path, object? options = null)
    {
        var content = await File.ReadAllBytesAsync(path);
        var ticket = await user.RequestUploadAsync(Path.GetFileName(path), Math.Max(1, content.Length), options);
        await PutAsync(ticket, content);
        return await user.Client.PostAsync($"/api/v1/analyses/{ticket.AnalysisId}/confirm", null);
    }

    public static async Task<HttpResponseMessage> UploadMultipartAsync(this TestUser user, string path, string? fileName = null, string? model = null)
    {
        using var form = new MultipartFormDataContent();
        if (model is not null) form.Add(new StringContent(model), "model");
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(file, "file", fileName ?? Path.GetFileName(path));
        return await user.Client.PostAsync("/api/v1/analyses", form);
    }

    public static async Task<Analysis> ReadAnalysisAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<Analysis>(body, JsonSerializerOptions.Web)!;
    }

    public static async Task<Analysis> WaitUntilFinishedAsync(this TestUser user, Guid id, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var analysis = (await user.Client.GetFromJsonAsync<Analysis>($"/api/v1/analyses/{id}"))!;
            if (analysis.State is "completed" or "failed" or "canceled" or "rejected") return analysis;
            Assert.True(clock.Elapsed < (timeout ?? TimeSpan.FromMinutes(3)), $"analysis {id} is still {analysis.State} ({analysis.Stage}, {analysis.Progress:P0})");
            await Task.Delay(250);
        }
    }

    /// <summary>Follows the artifact's redirect to a signed read link in storage and returns the bytes found there.</summary>
    public static async Task<byte[]> DownloadArtifactAsync(this TestUser user, Guid id, string artifact)
    {
        using var response = await user.Client.GetAsync($"/api/v1/analyses/{id}/artifacts/{artifact}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"artifact {artifact} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var finalUri = response.RequestMessage!.RequestUri!;
        Assert.Contains("sig=", finalUri.Query, StringComparison.Ordinal);
        Assert.NotEqual(user.Client.BaseAddress!.Authority, finalUri.Authority);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
