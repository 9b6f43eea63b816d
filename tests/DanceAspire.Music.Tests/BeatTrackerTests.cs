using System.Diagnostics;
using DanceAspire.Music.Beats;
using DanceAspire.Testing;
using Xunit.Abstractions;

namespace DanceAspire.Music.Tests;

public class BeatTrackerTests(ITestOutputHelper output)
{
    private const double Window = 0.07;

    [Theory]
    [InlineData(120.0)]
    [InlineData(95.0)]
    [InlineData(140.0)]
    public void Tracks_a_steady_beat_and_its_tempo(double bpm)
    {
        var beats = SyntheticDrums.Steady(bpm, 0.5, 30);
        var audio = SyntheticDrums.Render(30.5, SyntheticDrums.OnBeats(beats));

        var track = new BeatTracker().Track(audio, SyntheticDrums.SampleRate);

        AssertFinds(beats, track);
        Assert.InRange(track.TempoBpm, bpm * 0.96, bpm * 1.04);
    }

    [Fact]
    public void Follows_a_tempo_change_from_100_to_130_bpm()
    {
        var slow = SyntheticDrums.Steady(100, 0.5, 20);
        var fast = SyntheticDrums.Steady(130, slow[^1] + 60.0 / 130, 40);
        var beats = slow.Concat(fast).ToArray();
        var audio = SyntheticDrums.Render(40.5, SyntheticDrums.OnBeats(beats));

        var track = new BeatTracker().Track(audio, SyntheticDrums.SampleRate);

        AssertFinds(beats, track);
    }

    [Fact]
    public void Keeps_to_the_beat_when_quieter_off_beat_hits_fall_between()
    {
        var beats = SyntheticDrums.Steady(110, 0.5, 30);
        var period = 60.0 / 110;
        // Syncopation: an off-beat "and" and a late sixteenth, both quieter than the beat.
        var offBeats = beats.SelectMany(t => new[] { (t + period / 2, 0.45), (t + 0.75 * period, 0.3) });
        var audio = SyntheticDrums.Render(30.5, SyntheticDrums.OnBeats(beats).Concat(offBeats));

        var track = new BeatTracker().Track(audio, SyntheticDrums.SampleRate);

        AssertFinds(beats, track);
        Assert.InRange(track.TempoBpm, 110 * 0.96, 110 * 1.04);
    }

    [Fact]
    public void Places_no_beats_in_a_quiet_intro()
    {
        var beats = SyntheticDrums.Steady(120, 4.0, 30);
        var audio = SyntheticDrums.Render(30.5, SyntheticDrums.OnBeats(beats));

        var track = new BeatTracker().Track(audio, SyntheticDrums.SampleRate);

        AssertFinds(beats, track);
        Assert.True(track.BeatTimes[0] > 4.0 - Window, $"first beat at {track.BeatTimes[0]:F3} s, inside the silent intro");
        Assert.InRange(track.TempoBpm, 120 * 0.96, 120 * 1.04);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Puts_downbeats_on_the_accented_beat_of_each_bar(int accentPhase)
    {
        var beats = SyntheticDrums.Steady(120, 0.5, 30);
        var audio = SyntheticDrums.Render(30.5, SyntheticDrums.OnBeats(beats, accentEvery: 4, accentPhase: accentPhase));

        var track = new BeatTracker().Track(audio, SyntheticDrums.SampleRate);

        var accented = beats.Where((_, i) => i >= accentPhase && (i - accentPhase) % 4 == 0).ToArray();
        var f = BeatEvaluation.FMeasure(accented, track.DownbeatTimes, Window);
        output.WriteLine($"downbeat F-measure {f:F3}");
        Assert.True(f >= 0.95, $"downbeat F-measure {f:F3}");
    }

    [Fact]
    public void Reports_an_energy_value_per_frame_that_rises_at_each_hit()
    {
        var audio = SyntheticDrums.Render(4, [(1.0, 1.0), (3.0, 1.0)]);

        var track = new BeatTracker().Track(audio, SyntheticDrums.SampleRate);

        Assert.Equal(audio.Length / (int)Math.Round(track.FrameSeconds * SyntheticDrums.SampleRate) + 1, track.Energy.Length);
        float EnergyAt(double seconds) => track.Energy[(int)Math.Round(seconds / track.FrameSeconds)];
        Assert.True(EnergyAt(1.03) > 100 * EnergyAt(2.0));
        Assert.True(EnergyAt(3.03) > 100 * EnergyAt(2.0));
    }

    [Fact]
    public void Tracks_every_beat_of_a_four_minute_song()
    {
        var beats = SyntheticDrums.Steady(126, 0.5, 240);
        var audio = SyntheticDrums.Render(240, SyntheticDrums.OnBeats(beats));
        var tracker = new BeatTracker();
        tracker.Track(audio[..SyntheticDrums.SampleRate], SyntheticDrums.SampleRate); // warm up the JIT

        var stopwatch = Stopwatch.StartNew();
        var track = tracker.Track(audio, SyntheticDrums.SampleRate);
        stopwatch.Stop();

        output.WriteLine($"4-minute signal at {SyntheticDrums.SampleRate} Hz tracked in {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        // The time is printed for reference only; speed is a benchmark's business, not a test's.
        AssertFinds(beats, track);
    }

    [Fact]
    public void Tracks_44100_hz_audio_as_well_as_22050_hz()
    {
        var beats = SyntheticDrums.Steady(128, 0.5, 20);
        var audio = SyntheticDrums.Render(20.5, SyntheticDrums.OnBeats(beats), sampleRate: 44100);

        var track = new BeatTracker().Track(audio, 44100);

        AssertFinds(beats, track);
        Assert.InRange(track.TempoBpm, 128 * 0.96, 128 * 1.04);
    }

    [Fact]
    public void Finds_a_steady_plausible_beat_in_a_real_song()
    {
        var path = TestMedia.File("music/Kevin_MacLeod_-_Vibe_Ace.hq.ogg");
        var bytes = TestFfmpeg.Read("-v", "error", "-i", path, "-ac", "1", "-ar", "22050", "-f", "f32le", "-");
        var audio = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, audio, 0, audio.Length * sizeof(float));

        var track = new BeatTracker().Track(audio, 22050);

        var intervals = track.BeatTimes.Zip(track.BeatTimes.Skip(1), (a, b) => b - a).Order().ToArray();
        var medianInterval = intervals[intervals.Length / 2];
        output.WriteLine($"Vibe Ace: tempo {track.TempoBpm:F2} BPM, {track.BeatTimes.Length} beats from {track.BeatTimes[0]:F2} s " +
                         $"to {track.BeatTimes[^1]:F2} s, median interval {medianInterval:F3} s");
        Assert.InRange(track.TempoBpm, 60, 200);
        Assert.InRange(medianInterval, 0.95 * 60 / track.TempoBpm, 1.05 * 60 / track.TempoBpm);
        Assert.True(track.BeatTimes[^1] - track.BeatTimes[0] > 0.8 * audio.Length / 22050.0, "beats should span most of the song");
    }

    [Fact]
    public void Silence_has_no_beats()
    {
        var track = new BeatTracker().Track(new float[SyntheticDrums.SampleRate * 5], SyntheticDrums.SampleRate);

        Assert.Empty(track.BeatTimes);
        Assert.Empty(track.DownbeatTimes);
    }

    private void AssertFinds(double[] expected, BeatTrack track)
    {
        var f = BeatEvaluation.FMeasure(expected, track.BeatTimes, Window);
        var offsets = track.BeatTimes.Select(b => expected.MinBy(e => Math.Abs(e - b)) - b).ToArray();
        output.WriteLine($"tempo {track.TempoBpm:F2} BPM, {track.BeatTimes.Length} beats found of {expected.Length}, F-measure {f:F3}, " +
                         $"mean offset {(offsets.Length == 0 ? 0 : offsets.Average()) * 1000:F1} ms");
        Assert.True(f >= 0.95, $"F-measure {f:F3}");
    }
}
