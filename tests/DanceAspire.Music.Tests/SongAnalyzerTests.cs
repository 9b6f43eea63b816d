using DanceAspire.Music.Songs;
using Xunit.Abstractions;

namespace DanceAspire.Music.Tests;

public sealed class SongAnalyzerTests(ITestOutputHelper output)
{
    /// <summary>Drums throughout at 120 BPM (2 s bars), with a sustained tone that changes at <paramref name="changeAt"/>.</summary>
    private static float[] TwoPartSong(double duration, double changeAt, double firstHz, double secondHz, double secondLevel)
    {
        var samples = SyntheticDrums.Render(duration, SyntheticDrums.OnBeats(SyntheticDrums.Steady(120, 0.5, duration)));
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / SyntheticDrums.SampleRate;
            var (hz, level) = t < changeAt ? (firstHz, 0.15) : (secondHz, secondLevel);
            samples[i] += (float)(level * Math.Sin(2 * Math.PI * hz * t));
        }
        return samples;
    }

    [Fact]
    public void A_song_that_changes_character_gets_a_section_boundary_at_the_change()
    {
        var analysis = new SongAnalyzer().Analyze(TwoPartSong(64, 32.5, 220, 880, 0.35), SyntheticDrums.SampleRate);

        output.WriteLine(string.Join("; ", analysis.Sections.Select(s => $"{s.StartSeconds:0.0}-{s.EndSeconds:0.0} energy {s.Energy}")));
        Assert.InRange(analysis.TempoBpm, 120 * 0.96, 120 * 1.04);
        Assert.InRange(analysis.BarSeconds, 1.9, 2.1);
        Assert.Contains(analysis.Sections, s => Math.Abs(s.StartSeconds - 32.5) <= 2.1);
        var before = analysis.Sections.Where(s => s.EndSeconds <= 33).Average(s => s.Energy);
        var after = analysis.Sections.Where(s => s.StartSeconds >= 31).Average(s => s.Energy);
        Assert.True(after > before, $"the louder second part should have more energy ({before:0.0} vs {after:0.0})");
    }

    [Fact]
    public void A_song_that_never_changes_is_cut_into_equal_phrases_covering_it_all()
    {
        var analysis = new SongAnalyzer().Analyze(TwoPartSong(64, 1000, 220, 220, 0.15), SyntheticDrums.SampleRate);

        output.WriteLine(string.Join("; ", analysis.Sections.Select(s => $"{s.StartSeconds:0.0}-{s.EndSeconds:0.0}")));
        Assert.Equal(0, analysis.Sections[0].StartSeconds);
        Assert.Equal(64, analysis.Sections[^1].EndSeconds, 2);
        Assert.All(analysis.Sections.Zip(analysis.Sections.Skip(1)), pair => Assert.Equal(pair.First.EndSeconds, pair.Second.StartSeconds));
        Assert.InRange(analysis.Sections.Count, 3, 5);
    }

    [Fact]
    public void The_energy_curve_samples_the_whole_song_every_tenth_of_a_second_relative_to_its_loudest_moment()
    {
        var analysis = new SongAnalyzer().Analyze(TwoPartSong(20, 10, 220, 880, 0.35), SyntheticDrums.SampleRate);

        Assert.Equal(200, analysis.EnergyCurve.Length);
        Assert.All(analysis.EnergyCurve, e => Assert.InRange(e, 0, 100));
        Assert.True(analysis.EnergyCurve[150..].Average() > analysis.EnergyCurve[..100].Average());
    }
}
