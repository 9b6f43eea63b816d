// Search latency of MoveIndex at library scale: build time, then p50/p95/max over many queries,
// unfiltered and with a filter that keeps about a tenth of the moves. Then the time to analyze a
// 4-minute song (Vibe Ace played four times over): decoding with ffmpeg, and beats + sections.
using System.Diagnostics;
using DanceAspire.Choreography.Search;
using DanceAspire.Media.Audio;
using DanceAspire.Music.Songs;
using DanceAspire.Testing;

const int MoveCount = 100_000;
const int Dimension = 64;
const int K = 10;
const int Queries = 200;
const int Warmup = 50;
string[] styles = ["hiphop", "salsa", "ballet", "house", "kpop", "jazz", "tap", "krump", "waacking", "locking"];

var random = new Random(2026);
float[] RandomVector()
{
    var v = new float[Dimension];
    for (var i = 0; i < Dimension; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
    return v;
}

var moves = new MoveRecord[MoveCount];
for (var i = 0; i < MoveCount; i++)
    moves[i] = new MoveRecord(Guid.NewGuid(), RandomVector(), [styles[random.Next(styles.Length)]], random.Next(1, 6), random.Next(0, 101));

using var index = new MoveIndex(Dimension);
var build = Stopwatch.StartNew();
index.UpsertRange(moves);
build.Stop();
Console.WriteLine($"MoveIndex: {MoveCount:N0} moves x {Dimension} dims, k = {K}, {Environment.ProcessorCount} cores, {Queries} queries after {Warmup} warm-up");
Console.WriteLine($"build (UpsertRange): {build.Elapsed.TotalMilliseconds:F1} ms");

var queries = Enumerable.Range(0, Queries + Warmup).Select(_ => RandomVector()).ToArray();
Measure("no filter", null);
// One style out of ten, uniformly assigned: keeps ~10 %.
Measure("filter ~10 % (style)", new MoveFilter { Styles = ["salsa"] });
Measure("filter ~12 % (2 styles + difficulty 2..4 + 100 excluded)",
    new MoveFilter { Styles = ["salsa", "jazz"], MinDifficulty = 2, MaxDifficulty = 4, ExcludeIds = moves.Take(100).Select(m => m.Id).ToHashSet() });

await MeasureSongAnalysisAsync();

async Task MeasureSongAnalysisAsync()
{
    const int rate = 22050;
    var song = Path.Combine(Path.GetTempPath(), $"four-minutes-{Guid.NewGuid():N}.ogg");
    try
    {
        // Four plays of a real 61.5 s song: real music, four minutes long.
        await TestFfmpeg.RunAsync("-stream_loop", "3", "-i", TestMedia.File("music/Kevin_MacLeod_-_Vibe_Ace.hq.ogg"), "-c:a", "libvorbis", song);
        var analyzer = new SongAnalyzer();
        analyzer.Analyze(new float[rate * 10], rate);
        var decodeTimes = new List<double>();
        var analyzeTimes = new List<double>();
        SongAnalysis? result = null;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var samples = await new AudioDecoder().DecodeMonoAsync(song, rate);
            decodeTimes.Add(watch.Elapsed.TotalSeconds);
            watch.Restart();
            result = analyzer.Analyze(samples, rate);
            analyzeTimes.Add(watch.Elapsed.TotalSeconds);
        }
        decodeTimes.Sort();
        analyzeTimes.Sort();
        Console.WriteLine();
        Console.WriteLine($"Song analysis of a {result!.DurationSeconds:F1} s song (median of 3): decode {decodeTimes[1]:F2} s + tempo, beats, downbeats, " +
            $"sections and energy {analyzeTimes[1]:F2} s = {decodeTimes[1] + analyzeTimes[1]:F2} s " +
            $"({result.DurationSeconds / (decodeTimes[1] + analyzeTimes[1]):F0}x realtime; {result.TempoBpm:F1} BPM, {result.Beats.Length} beats, {result.Sections.Count} sections)");
    }
    finally
    {
        File.Delete(song);
    }
}

void Measure(string label, MoveFilter? filter)
{
    var times = new List<double>(Queries);
    var kept = 0;
    for (var q = 0; q < queries.Length; q++)
    {
        var watch = Stopwatch.StartNew();
        var matches = index.Search(queries[q], K, filter);
        watch.Stop();
        if (matches.Count != K) throw new InvalidOperationException($"expected {K} matches, got {matches.Count}");
        if (q >= Warmup) times.Add(watch.Elapsed.TotalMilliseconds);
        kept += matches.Count;
    }
    times.Sort();
    double Percentile(double p) => times[(int)Math.Ceiling(p * times.Count) - 1];
    Console.WriteLine($"{label,-70} p50 {Percentile(0.50),7:F3} ms  p95 {Percentile(0.95),7:F3} ms  max {times[^1],7:F3} ms  mean {times.Average(),7:F3} ms");
}
