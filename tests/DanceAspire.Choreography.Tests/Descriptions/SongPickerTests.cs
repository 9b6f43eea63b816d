using DanceAspire.Choreography.Descriptions;
using DanceAspire.Choreography.Planning;

namespace DanceAspire.Choreography.Tests.Descriptions;

public class SongPickerTests
{
    private static readonly SongChoice[] Library =
    [
        new("s1", "Vibe Ace", 100, 180, 60),
        new("s2", "Midnight Drive", 128, 200, 80),
        new("s3", "Slow Morning", 72, 240, 20),
        new("s4", "Vibe Ace (Radio Edit)", 100, 150, 60),
        new("s5", "Neon Nights", 126, 210, 30),
    ];

    [Fact]
    public void A_title_match_wins_over_tempo_and_energy()
    {
        var song = SongPicker.Pick(new ChoreographyHints(TempoBpm: 128, Energy: EnergyLevel.High, SongTitle: "slow morning"), Library);

        Assert.Equal("s3", song?.Id);
    }

    [Fact]
    public void An_exact_title_beats_a_longer_title_that_contains_it()
    {
        Assert.Equal("s1", SongPicker.Pick(new ChoreographyHints(SongTitle: "VIBE ACE"), Library)?.Id);
    }

    [Fact]
    public void A_title_with_a_typo_still_matches()
    {
        Assert.Equal("s2", SongPicker.Pick(new ChoreographyHints(SongTitle: "midnite drive"), Library)?.Id);
    }

    [Fact]
    public void Without_a_matching_title_the_nearest_tempo_wins()
    {
        Assert.Equal("s3", SongPicker.Pick(new ChoreographyHints(TempoBpm: 80, SongTitle: "Unknown Song"), Library)?.Id);
    }

    [Fact]
    public void Between_equal_tempos_the_nearer_energy_wins()
    {
        var hints = new ChoreographyHints(TempoBpm: 127, Energy: EnergyLevel.Low);

        Assert.Equal("s5", SongPicker.Pick(hints, Library)?.Id);
        Assert.Equal("s2", SongPicker.Pick(hints with { Energy = EnergyLevel.High }, Library)?.Id);
    }

    [Fact]
    public void With_no_hints_the_pick_is_still_the_same_every_time()
    {
        var first = SongPicker.Pick(ChoreographyHints.None, Library);
        var reversed = SongPicker.Pick(ChoreographyHints.None, Library.Reverse().ToArray());

        Assert.Equal("s2", first?.Id);
        Assert.Equal(first, reversed);
    }

    [Fact]
    public void An_empty_library_gives_no_song()
    {
        Assert.Null(SongPicker.Pick(new ChoreographyHints(SongTitle: "Vibe Ace"), []));
    }
}
