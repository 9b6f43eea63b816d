using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DanceAspire.Analysis.Metrics;
using DanceAspire.Analysis.Pose;
using DanceAspire.Testing;
using Xunit.Abstractions;

namespace DanceAspire.IntegrationTests;

/// <summary>Choreography end to end through the gateway: videos become moves, a song is analyzed, a dance is planned and assembled.</summary>
[Collection(StackCollection.Name)]
public sealed class ChoreographyTests(StackFixture stack, ITestOutputHelper output)
{
    private static readonly string Squats = TestMedia.File("video/pose_squats.mp4");
    private static readonly string VibeAce = TestMedia.File("music/Kevin_MacLeod_-_Vibe_Ace.hq.ogg");
    private const double Fps = 30;

    [Fact]
    public async Task Two_analyzed_videos_and_vibe_ace_become_a_video_cut_on_the_beat_with_the_song_under_it()
    {
        using var user = await stack.SignUpAsync();
        var mirrored = Path.Combine(Path.GetTempPath(), $"squats-mirrored-{Guid.NewGuid():N}.mp4");
        await TestFfmpeg.RunAsync("-i", Squats, "-vf", "hflip", "-c:v", "libx264", "-preset", "veryfast", mirrored);
        try
        {
            // Two analyses and the song at once: the workers take them in parallel.
            using var first = await user.UploadWithSasAsync(Squats);
            using var second = await user.UploadMultipartAsync(mirrored);
            using var songUpload = await user.UploadSongAsync(VibeAce);
            var analyses = new[] { await first.ReadAnalysisAsync(), await second.ReadAnalysisAsync() };
            var queuedSong = await songUpload.ReadAcceptedAsync<Song>();
            foreach (var analysis in analyses)
            {
                var done = await user.WaitUntilFinishedAsync(analysis.Id);
                Assert.True(done.State == "completed", $"analysis ended {done.State}: {done.Error}");
            }
            var song = await user.WaitForSongAsync(queuedSong.Id);
            Assert.True(song.State == "completed", $"song analysis ended {song.State}: {song.Error}");
            var beats = song.Analysis!.Beats;
            Assert.InRange(song.TempoBpm!.Value, 125, 135);
            Assert.NotEmpty(song.Analysis.Downbeats);

            // Both videos gave moves, with embeddings, searchable by similarity.
            var moves = await user.WaitForMovesAsync(analyses[0].Id, analyses[1].Id);
            Assert.Equal(2, moves.Select(m => m.AnalysisId).Distinct().Count());
            // One from each video, so the composition below joins two different clips.
            var (fromFirst, fromSecond) = (moves.First(m => m.AnalysisId == analyses[0].Id), moves.First(m => m.AnalysisId == analyses[1].Id));
            var one = (await user.Client.GetFromJsonAsync<Move>($"/api/v1/moves/{fromFirst.Id}", JsonSerializerOptions.Web))!;
            Assert.Equal(64, one.Embedding!.Length);
            using var patch = await user.Client.PatchAsJsonAsync($"/api/v1/moves/{one.Id}", new { styles = new[] { "Fitness" }, difficulty = 2 });
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
            using var search = await user.Client.PostAsJsonAsync("/api/v1/moves/search", new { moveId = one.Id, k = 5 });
            var hits = (await search.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hits");
            Assert.True(hits.GetArrayLength() >= 1, $"search found nothing: {hits}");
            Assert.DoesNotContain(hits.EnumerateArray(), h => h.GetProperty("move").GetProperty("id").GetGuid() == one.Id);

            using var plan = await user.Client.PostAsJsonAsync("/api/v1/choreography/from-song",
                new { songId = song.Id, difficulty = 3, durationSeconds = 20 });
            var queued = await plan.ReadAcceptedAsync<Choreography>();
            var choreography = await user.WaitForChoreographyAsync(queued.Id);
            Assert.True(choreography.State == "completed", $"assembly ended {choreography.State}: {choreography.Error}");

            var blueprint = choreography.Blueprint;
            var total = blueprint.GetProperty("total_duration").GetDouble();
            var placed = blueprint.GetProperty("moves").EnumerateArray().ToList();
            Assert.True(placed.Count >= 2, $"only {placed.Count} move(s) placed");
            for (var i = 1; i < placed.Count; i++)
            {
                Assert.NotEqual(placed[i - 1].GetProperty("clip_id").GetString(), placed[i].GetProperty("clip_id").GetString());
            }

            using var storage = new HttpClient();
            var video = await storage.GetByteArrayAsync(choreography.VideoUrl);
            var path = Path.Combine(Path.GetTempPath(), $"choreography-{queued.Id:N}.mp4");
            await File.WriteAllBytesAsync(path, video);
            try
            {
                var info = await new Media.Probing.MediaProbe().ProbeAsync(path);
                Assert.True(Math.Abs(info.DurationSeconds!.Value - total) <= 0.1, $"the video lasts {info.DurationSeconds} s, the blueprint {total} s");
                Assert.NotNull(info.Audio);
                Assert.Equal("h264", info.Video!.CodecName);

                // Every cut is on a beat of the song (±1 frame), and the video really changes clip there: the frame at the
                // cut is the next clip's first frame.
                var frames = GrayFrames(path);
                for (var i = 1; i < placed.Count; i++)
                {
                    var start = placed[i].GetProperty("start_time").GetDouble();
                    var nearest = beats.MinBy(b => Math.Abs(b - start));
                    Assert.True(Math.Abs(nearest - start) <= 1 / Fps + 1e-6, $"cut {i} at {start:0.000} s; the nearest beat is {nearest:0.000} s");
                    var clip = await DownloadMoveClipAsync(user, placed[i].GetProperty("clip_id").GetString()!);
                    var firstFrame = GrayFrames(clip, maxFrames: 1)[0];
                    var cutFrame = (int)Math.Round(start * Fps);
                    var best = Enumerable.Range(cutFrame - 1, 3).Where(f => f >= 0 && f < frames.Count).MinBy(f => Difference(frames[f], firstFrame));
                    Assert.True(Difference(frames[best], firstFrame) < 2.0,
                        $"no frame within one of {cutFrame} matches clip {i}'s first frame (best {best}: {Difference(frames[best], firstFrame):0.00})");
                    File.Delete(clip);
                }

                // The Beat Align Score (Bailando/EDGE) of the output, from our own analysis of it.
                using var analyzeOutput = await user.UploadMultipartAsync(path, "choreography.mp4");
                var outputAnalysis = await user.WaitUntilFinishedAsync((await analyzeOutput.ReadAnalysisAsync()).Id);
                Assert.True(outputAnalysis.State == "completed", $"the output's analysis ended {outputAnalysis.State}: {outputAnalysis.Error}");
                var poses = ReadKeypoints(await user.DownloadArtifactAsync(outputAnalysis.Id, "keypoints"), out var fps);
                var musicBeats = beats.Where(b => b < total).ToList();
                var score = BeatAlignScore.Score(poses, fps, musicBeats);
                output.WriteLine($"Beat Align Score of the assembled video: {score:0.000} ({musicBeats.Count} music beats, " +
                    $"{BeatAlignScore.KinematicBeats(poses, fps).Count} kinematic beats, goal >= 0.24)");
                Assert.InRange(score, 0.0, 1.0);
            }
            finally
            {
                File.Delete(path);
            }

            // The same song, described in words: the song is picked from the library and the length read from the text.
            using var described = await user.Client.PostAsJsonAsync("/api/v1/choreography/from-description",
                new { query = "an easy, chill 15 second dance to Vibe Ace" });
            var fromWords = await described.ReadAcceptedAsync<Choreography>();
            Assert.Equal(song.Id, fromWords.SongId);
            Assert.True(fromWords.Blueprint.GetProperty("total_duration").GetDouble() <= 15 + 1e-6);
            Assert.InRange(fromWords.Request.GetProperty("interpreted").GetProperty("difficulty").GetInt32(), 1, 2);

            // A hand-made composition with a crossfade goes through the assembler's filter path.
            using var composed = await user.Client.PostAsJsonAsync("/api/v1/compositions", new
            {
                songId = song.Id,
                items = new object[] { new { moveId = fromFirst.Id, bars = 1 }, new { moveId = fromSecond.Id, bars = 1, transition = "crossfade" } },
            });
            var composition = await user.WaitForChoreographyAsync((await composed.ReadAcceptedAsync<Choreography>()).Id);
            Assert.True(composition.State == "completed", $"composition ended {composition.State}: {composition.Error}");
            var composedInfo = await AnalysisTests.ProbeBytesAsync(await storage.GetByteArrayAsync(composition.VideoUrl), ".mp4");
            Assert.True(Math.Abs(composedInfo.DurationSeconds!.Value - composition.Blueprint.GetProperty("total_duration").GetDouble()) <= 0.1);

            // Deleting a move takes it out of searches at once.
            using var delete = await user.Client.DeleteAsync($"/api/v1/moves/{fromSecond.Id}");
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            using var after = await user.Client.PostAsJsonAsync("/api/v1/moves/search", new { embedding = one.Embedding, k = 10 });
            var remaining = (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hits").EnumerateArray()
                .Select(h => h.GetProperty("move").GetProperty("id").GetGuid()).ToList();
            Assert.DoesNotContain(fromSecond.Id, remaining);
        }
        finally
        {
            File.Delete(mirrored);
        }
    }

    public static TheoryData<string, string> BadBlueprints => new()
    {
        { "traversal", "moves[0].video_path" },
        { "foreign-container", "moves[0].video_path" },
        { "not-ours", "moves[0].video_path" },
        { "negative-duration", "moves[0].duration" },
        { "zero-duration", "moves[0].duration" },
        { "ten-thousand-moves", "moves" },
        { "wrong-type", "moves[0].start_time" },
    };

    [Theory]
    [MemberData(nameof(BadBlueprints))]
    public async Task A_bad_blueprint_is_rejected_naming_its_field_and_queues_nothing(string kind, string field)
    {
        using var user = await stack.SignUpAsync();
        var blueprint = Blueprint(Guid.NewGuid());
        var move = blueprint["moves"]![0]!;
        switch (kind)
        {
            case "traversal": move["video_path"] = "moves/../analyses/x/original"; break;
            case "foreign-container": move["video_path"] = "analyses/00000000-0000-0000-0000-000000000001/original"; break;
            case "not-ours": break;
            case "negative-duration": move["duration"] = -2; break;
            case "zero-duration": move["duration"] = 0; break;
            case "ten-thousand-moves":
                blueprint["moves"] = new JsonArray(Enumerable.Range(0, 10_000).Select(_ => move.DeepClone()).ToArray());
                break;
            case "wrong-type": move["start_time"] = "zero"; break;
        }

        using var validate = await user.Client.PostAsync("/api/v1/blueprints/validate", Json(blueprint));
        var check = await validate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(check.GetProperty("valid").GetBoolean());
        Assert.True(check.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {check}");

        using var submit = await user.Client.PostAsync("/api/v1/choreography/from-blueprint", Json(blueprint));
        var problem = await submit.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("invalid_blueprint", problem.Code);
        Assert.Contains(field, problem.Errors!.Keys);
        var list = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/choreography");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    public static TheoryData<string, string, HttpStatusCode> BadSongs => new()
    {
        { "text", "unreadable", HttpStatusCode.UnprocessableEntity },
        { "video-only", "no_audio_stream", HttpStatusCode.UnprocessableEntity },
        { "empty", "empty_file", HttpStatusCode.UnprocessableEntity },
    };

    [Theory]
    [MemberData(nameof(BadSongs))]
    public async Task A_bad_song_upload_gets_a_4xx_with_its_reason(string kind, string code, HttpStatusCode status)
    {
        using var user = await stack.SignUpAsync();
        var path = Path.Combine(Path.GetTempPath(), $"bad-song-{Guid.NewGuid():N}.ogg");
        switch (kind)
        {
            case "text": await File.WriteAllTextAsync(path, "this is not a song"); break;
            case "video-only": File.Copy(Squats, path); break;
            case "empty": await File.WriteAllBytesAsync(path, []); break;
        }
        try
        {
            using var response = await user.UploadSongAsync(path);
            var problem = await response.AssertProblemAsync(status);
            Assert.Equal(code, problem.Code);
        }
        finally
        {
            File.Delete(path);
        }
        using var wrongType = await user.Client.PostAsJsonAsync("/api/v1/songs/upload-url", new { fileName = "a.mp4", contentType = "video/mp4", sizeBytes = 10 });
        var validation = await wrongType.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("contentType", validation.Errors!.Keys);
    }

    /// <summary>A well-formed blueprint whose clip and song belong to nobody (paths inside our containers, ids made up).</summary>
    private static JsonObject Blueprint(Guid id) => new()
    {
        ["schema_version"] = 1,
        ["task_id"] = id.ToString("D"),
        ["audio"] = new JsonObject { ["path"] = $"songs/{Guid.NewGuid():D}/original", ["tempo"] = 120, ["duration"] = 10 },
        ["moves"] = new JsonArray(new JsonObject
        {
            ["clip_id"] = "a", ["video_path"] = $"moves/{Guid.NewGuid():D}/000.mp4", ["start_time"] = 0, ["duration"] = 2,
            ["transition_type"] = "cut", ["original_duration"] = 3, ["trim_start"] = 0, ["trim_end"] = 1, ["volume_adjustment"] = 1,
        }),
        ["total_duration"] = 2,
        ["difficulty_level"] = 2,
        ["generation_parameters"] = new JsonObject(),
        ["output_config"] = new JsonObject
        {
            ["format"] = "mp4", ["video_codec"] = "h264", ["audio_codec"] = "aac", ["video_bitrate"] = "4M", ["audio_bitrate"] = "192k",
            ["frame_rate"] = 30, ["resolution"] = "720x1280", ["transition_duration"] = 0.5, ["fade_duration"] = 1, ["normalize_audio"] = true,
        },
    };

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static async Task<string> DownloadMoveClipAsync(TestUser user, string moveId)
    {
        var link = await user.Client.GetFromJsonAsync<JsonElement>($"/api/v1/moves/{moveId}/clip/link");
        using var storage = new HttpClient();
        var path = Path.Combine(Path.GetTempPath(), $"clip-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(path, await storage.GetByteArrayAsync(link.GetProperty("url").GetString()));
        return path;
    }

    /// <summary>Frames as small grey images (enough to tell clips apart, cheap to compare).</summary>
    private static List<byte[]> GrayFrames(string path, int maxFrames = int.MaxValue)
    {
        const int width = 90, height = 160;
        var raw = TestFfmpeg.Read(["-i", path, .. maxFrames < int.MaxValue ? new[] { "-frames:v", $"{maxFrames}" } : [],
            "-vf", $"scale={width}:{height}", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"]);
        return raw.Chunk(width * height).ToList();
    }

    private static double Difference(byte[] a, byte[] b) => a.Zip(b).Average(p => Math.Abs(p.First - p.Second));

    private static List<PoseFrame> ReadKeypoints(byte[] json, out double fps)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        fps = root.GetProperty("fps").GetDouble();
        var (width, height) = (root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32());
        return root.GetProperty("frames").EnumerateArray().Select(frame => new PoseFrame(
            frame.GetProperty("index").GetInt32(), frame.GetProperty("time_s").GetDouble(), width, height, KeypointFormat.Coco17,
            frame.GetProperty("keypoints").EnumerateArray().Select(k => new Keypoint(k[0].GetSingle(), k[1].GetSingle(), k[2].GetSingle())).ToArray())
        {
            Score = frame.GetProperty("score").GetSingle(),
        }).ToList();
    }
}
