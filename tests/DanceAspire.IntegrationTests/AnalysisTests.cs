using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using DanceAspire.Media.Probing;
using DanceAspire.Testing;

namespace DanceAspire.IntegrationTests;

/// <summary>Video analysis end to end through the gateway: upload both ways, the real worker, results, artifacts, delete.</summary>
[Collection(StackCollection.Name)]
public sealed class AnalysisTests(StackFixture stack)
{
    private static readonly string Squats = TestMedia.File("video/pose_squats.mp4");

    [Fact]
    public async Task Pose_squats_uploaded_through_a_sas_url_completes_with_metrics_overlay_keypoints_and_thumbnail_and_delete_removes_every_blob()
    {
        using var user = await stack.SignUpAsync();

        using var confirm = await user.UploadWithSasAsync(Squats);
        var queued = await confirm.ReadAnalysisAsync();
        Assert.Equal(("movenet-lightning", true), (queued.Model, queued.Overlay));
        Assert.Equal((720, 1280, "h264"), (queued.Video!.Width, queued.Video.Height, queued.Video.Codec));
        var analysis = await user.WaitUntilFinishedAsync(queued.Id);

        Assert.True(analysis.State == "completed", $"the analysis ended {analysis.State}: {analysis.Error}");
        Assert.Equal(65, analysis.Summary!.TotalFrames);
        Assert.True(analysis.Summary.DetectionRate >= 0.95, $"detection rate {analysis.Summary.DetectionRate}");

        using var result = JsonDocument.Parse(await user.Client.GetStringAsync($"/api/v1/analyses/{queued.Id}/result"));
        AssertSquatResult(result.RootElement, "coco17");

        var overlay = await user.DownloadArtifactAsync(queued.Id, "overlay");
        var overlayInfo = await ProbeBytesAsync(overlay, ".mp4");
        Assert.Equal("h264", overlayInfo.Video!.CodecName);
        Assert.Equal((720, 1280), (overlayInfo.Video.DisplayWidth, overlayInfo.Video.DisplayHeight));
        Assert.True(Math.Abs(overlayInfo.DurationSeconds!.Value - queued.Video.DurationSeconds) <= 1 / queued.Video.FrameRate + 1e-3,
            $"overlay lasts {overlayInfo.DurationSeconds} s, the input {queued.Video.DurationSeconds} s");

        using var keypoints = JsonDocument.Parse(await user.DownloadArtifactAsync(queued.Id, "keypoints"));
        Assert.Equal(65, keypoints.RootElement.GetProperty("frames").GetArrayLength());
        var thumbnail = await user.DownloadArtifactAsync(queued.Id, "thumbnail");
        var link = await user.Client.GetFromJsonAsync<JsonElement>($"/api/v1/analyses/{queued.Id}/artifacts/thumbnail/link");
        using var storage = new HttpClient();
        Assert.Equal(thumbnail, await storage.GetByteArrayAsync(link.GetProperty("url").GetString()));
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, thumbnail[..2]);
        Assert.Equal(await File.ReadAllBytesAsync(Squats), await user.DownloadArtifactAsync(queued.Id, "original"));

        var container = await AnalysesContainerAsync();
        Assert.Equal(5, await CountBlobsAsync(container, queued.Id));
        using var delete = await user.Client.DeleteAsync($"/api/v1/analyses/{queued.Id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(0, await CountBlobsAsync(container, queued.Id));
        using var gone = await user.Client.GetAsync($"/api/v1/analyses/{queued.Id}");
        await gone.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pose_squats_uploaded_as_multipart_completes_with_blazepose_landmarks()
    {
        using var user = await stack.SignUpAsync();

        using var response = await user.UploadMultipartAsync(Squats, model: "blazepose");
        var queued = await response.ReadAnalysisAsync();
        var analysis = await user.WaitUntilFinishedAsync(queued.Id);

        Assert.True(analysis.State == "completed", $"the analysis ended {analysis.State}: {analysis.Error}");
        Assert.Equal("blazepose", analysis.Model);
        Assert.True(analysis.Summary!.DetectionRate >= 0.95, $"detection rate {analysis.Summary.DetectionRate}");
        using var result = JsonDocument.Parse(await user.Client.GetStringAsync($"/api/v1/analyses/{queued.Id}/result"));
        AssertSquatResult(result.RootElement, "blazepose33");
    }

    public static TheoryData<string> BadUploads => new() { "empty", "text", "truncated", "audio-only", "still-image", "too-long" };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_gets_a_4xx_with_its_reason_and_starts_no_job(string kind)
    {
        using var user = await stack.SignUpAsync();
        var (path, code) = await BadMedia.MakeAsync(kind);

        using var response = await user.UploadMultipartAsync(path, fileName: "dance.mp4");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{kind}: {(int)response.StatusCode} {body}");
        var problem = await response.AssertProblemAsync(response.StatusCode);
        Assert.Equal(code, problem.Code);
        var jobs = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/jobs?kind=analysis");
        Assert.Equal(0, jobs.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_truncated_video_confirmed_through_the_sas_path_is_rejected_with_its_reason_and_its_blob_deleted()
    {
        using var user = await stack.SignUpAsync();
        var (path, _) = await BadMedia.MakeAsync("truncated");

        using var confirm = await user.UploadWithSasAsync(path);

        var problem = await confirm.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("unreadable", problem.Code);
        var page = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/analyses");
        var analysis = page.GetProperty("items")[0].Deserialize<Analysis>(JsonSerializerOptions.Web)!;
        Assert.Equal(("rejected", "unreadable"), (analysis.State, analysis.ErrorCode));
        Assert.Equal(0, await CountBlobsAsync(await AnalysesContainerAsync(), analysis.Id));
        using var again = await user.Client.PostAsync($"/api/v1/analyses/{analysis.Id}/confirm", null);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_video_with_nobody_in_it_completes_with_detection_rate_zero_and_a_note()
    {
        using var user = await stack.SignUpAsync();
        var path = await BadMedia.MakeAsync("nobody.mp4", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=15:duration=2", "-c:v", "libx264", "-pix_fmt", "yuv420p");

        using var response = await user.UploadMultipartAsync(path);
        var analysis = await user.WaitUntilFinishedAsync((await response.ReadAnalysisAsync()).Id);

        Assert.True(analysis.State == "completed", $"the analysis ended {analysis.State}: {analysis.Error}");
        Assert.Equal(0, analysis.Summary!.DetectionRate);
        Assert.Contains(analysis.Summary.Notes, note => note.Contains("No person", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_requests_with_bad_fields_are_400_naming_each_field()
    {
        using var user = await stack.SignUpAsync();

        using var response = await user.Client.PostAsJsonAsync("/api/v1/analyses/upload-url",
            new { fileName = "", contentType = "text/plain", sizeBytes = 0, options = new { model = "openpose" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["contentType", "fileName", "options.model", "sizeBytes"], problem.Errors!.Keys.Order());
        Assert.Contains("movenet-lightning", problem.Errors["options.model"][0]);
        using var tooBig = await user.Client.PostAsJsonAsync("/api/v1/analyses/upload-url",
            new { fileName = "big.mp4", contentType = "video/mp4", sizeBytes = 3L << 30 });
        Assert.Contains("limit", (await tooBig.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors!["sizeBytes"][0]);
    }

    [Fact]
    public async Task A_browser_on_the_web_apps_origin_may_put_to_an_upload_link_and_read_an_artifact_link()
    {
        using var user = await stack.SignUpAsync();
        var ticket = await user.RequestUploadAsync("from-browser.mp4", 1000);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, ticket.UploadUrl);
        preflight.Headers.Add("Origin", user.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-ms-blob-type,content-type");
        using var http = new HttpClient();

        using var response = await http.SendAsync(preflight);

        Assert.True(response.IsSuccessStatusCode, $"the CORS preflight answered {(int)response.StatusCode}");
        Assert.True(response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins), "no Access-Control-Allow-Origin");
        Assert.Contains(origins!.Single(), new[] { "*", user.Client.BaseAddress.GetLeftPart(UriPartial.Authority) });
        Assert.Contains("PUT", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Methods")));
    }

    [Fact]
    public async Task An_upload_that_is_never_confirmed_is_removed_with_its_file_after_the_url_expires()
    {
        using var user = await stack.SignUpAsync();
        var content = await File.ReadAllBytesAsync(Squats);
        var ticket = await user.RequestUploadAsync("squats.mp4", content.Length);
        await AnalysisClient.PutAsync(ticket, content);
        var container = await AnalysesContainerAsync();
        Assert.Equal(1, await CountBlobsAsync(container, ticket.AnalysisId));

        var clock = Stopwatch.StartNew();
        while (await user.Client.GetAsync($"/api/v1/analyses/{ticket.AnalysisId}") is { StatusCode: HttpStatusCode.OK } still)
        {
            still.Dispose();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the unconfirmed upload is still there a minute later");
            await Task.Delay(500);
        }
        Assert.Equal(0, await CountBlobsAsync(container, ticket.AnalysisId));
    }

    [Fact]
    public async Task An_unfinished_analysis_has_no_result_yet_and_other_users_cannot_see_it()
    {
        using var owner = await stack.SignUpAsync();
        using var other = await stack.SignUpAsync();
        var ticket = await owner.RequestUploadAsync("later.mp4", 1000);

        using var result = await owner.Client.GetAsync($"/api/v1/analyses/{ticket.AnalysisId}/result");
        Assert.Equal("not_completed", (await result.AssertProblemAsync(HttpStatusCode.Conflict)).Code);
        using var artifact = await owner.Client.GetAsync($"/api/v1/analyses/{ticket.AnalysisId}/artifacts/skeleton");
        Assert.Contains("overlay", (await artifact.AssertProblemAsync(HttpStatusCode.NotFound)).Detail);
        using var confirm = await owner.Client.PostAsync($"/api/v1/analyses/{ticket.AnalysisId}/confirm", null);
        Assert.Equal("not_uploaded", (await confirm.AssertProblemAsync(HttpStatusCode.Conflict)).Code);
        foreach (var path in new[] { "", "/result", "/artifacts/original" })
        {
            using var response = await other.Client.GetAsync($"/api/v1/analyses/{ticket.AnalysisId}{path}");
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }
        using var delete = await other.Client.DeleteAsync($"/api/v1/analyses/{ticket.AnalysisId}");
        await delete.AssertProblemAsync(HttpStatusCode.NotFound);
        var mine = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/analyses?page=1&pageSize=5");
        Assert.Equal("awaiting_upload", mine.GetProperty("items")[0].GetProperty("state").GetString());
    }

    /// <summary>What any model must find in the squats clip: nearly every frame, crouching, and the squats' own period.</summary>
    private static void AssertSquatResult(JsonElement result, string keypointFormat)
    {
        Assert.Equal(65, result.GetProperty("processing").GetProperty("total_frames").GetInt32());
        Assert.Equal(keypointFormat, result.GetProperty("pose").GetProperty("keypoint_format").GetString());
        var timeline = result.GetProperty("movement").GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, entry => entry.GetProperty("movement_type").GetString() == "crouching");
        var rhythm = result.GetProperty("rhythm");
        var bpm = rhythm.GetProperty("estimated_bpm").GetDouble();
        var expected = SquatReference.BeatsPerMinute;
        Assert.True(Math.Abs(bpm - expected) <= 0.15 * expected, $"estimated {bpm:0.0} BPM; the squats repeat at {expected:0.0} per minute");
        Assert.NotEmpty(result.GetProperty("segments").EnumerateArray());
    }

    internal static async Task<MediaInfo> ProbeBytesAsync(byte[] content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"artifact-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(path, content);
        try
        {
            return await new MediaProbe().ProbeAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<BlobContainerClient> AnalysesContainerAsync() =>
        new BlobServiceClient(await stack.App.GetConnectionStringAsync("blobs")).GetBlobContainerClient("analyses");

    private static async Task<int> CountBlobsAsync(BlobContainerClient container, Guid analysisId)
    {
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(prefix: $"{analysisId:D}/")) count++;
        return count;
    }
}

/// <summary>The squats clip's period from its reference landmarks: the time between the hips' lowest points.</summary>
internal static class SquatReference
{
    public static double BeatsPerMinute { get; } = Compute();

    private static double Compute()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestMedia.File("video/pose_squats.full.json")));
        // Mean hip height per frame (image y grows downwards, so a squat's bottom is a maximum).
        var hips = json.RootElement.EnumerateArray()
            .Select(frame => (frame[23][1].GetDouble() + frame[24][1].GetDouble()) / 2).ToArray();
        var (low, high) = (hips.Min(), hips.Max());
        var bottoms = new List<double>();
        for (var i = 0; i < hips.Length; i++)
        {
            // The centre of each run of frames in the lowest quarter of the motion.
            if (hips[i] < high - (high - low) / 4) continue;
            var start = i;
            while (i + 1 < hips.Length && hips[i + 1] >= high - (high - low) / 4) i++;
            bottoms.Add((start + i) / 2.0);
        }
        const double framesPerSecond = 5;
        var period = (bottoms[^1] - bottoms[0]) / (bottoms.Count - 1) / framesPerSecond;
        return 60 / period;
    }
}

/// <summary>Bad uploads made with ffmpeg (or by hand), each with the rejection code the api must give.</summary>
internal static class BadMedia
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("bad-media-").FullName;

    public static async Task<(string Path, string Code)> MakeAsync(string kind) => kind switch
    {
        "empty" => (await WriteAsync("empty.mp4", []), "empty_file"),
        "text" => (await WriteAsync("notes.mp4", "this is not a video\n"u8.ToArray()), "unreadable"),
        "truncated" => (await WriteAsync("truncated.mp4", (await File.ReadAllBytesAsync(TestMedia.File("video/pose_squats.mp4")))[..40_000]), "unreadable"),
        "audio-only" => (await MakeAsync("tone.m4a", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac"), "no_video_stream"),
        "still-image" => (await WriteAsync("photo.mp4", await File.ReadAllBytesAsync(TestMedia.File("image/coco_000000000785.jpg"))), "still_image"),
        "too-long" => (await MakeAsync("long.mp4", "-f", "lavfi", "-i", "color=c=gray:size=16x16:rate=1:duration=601", "-c:v", "libx264", "-pix_fmt", "yuv420p"), "too_long"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static async Task<string> WriteAsync(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    /// <summary>Runs ffmpeg with the arguments and the output file's name; returns its path.</summary>
    public static async Task<string> MakeAsync(string name, params string[] arguments)
    {
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path)) await TestFfmpeg.RunAsync([.. arguments, path]);
        return path;
    }
}
