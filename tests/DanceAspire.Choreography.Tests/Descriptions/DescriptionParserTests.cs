using DanceAspire.Choreography.Descriptions;
using DanceAspire.Choreography.Planning;

namespace DanceAspire.Choreography.Tests.Descriptions;

public class DescriptionParserTests
{
    public static TheoryData<string, ChoreographyHints> Phrasings => new()
    {
        { "an easy, chill 30 second hip hop routine to Vibe Ace", new(2, EnergyLevel.Low, "hiphop", null, "Vibe Ace", 30) },
        { "high energy advanced dance around 128 bpm for 2 minutes", new(4, EnergyLevel.High, null, 128, null, 120) },
        { "something slow and gentle", new(null, EnergyLevel.Low, null, null, null, null) },
        { "a beginner salsa for one minute", new(1, null, "salsa", null, null, 60) },
        { "Intermediate K-Pop choreo, forty five seconds", new(3, null, "kpop", null, null, 45) },
        { "expert breakdance battle at 140 BPM", new(5, null, "breaking", 140, null, null) },
        { "a two and a half minute house routine", new(null, null, "house", null, null, 150) },
        { "give me half a minute of energetic jazz funk", new(null, EnergyLevel.High, "jazzfunk", null, null, 30) },
        { "a minute and a half of calm contemporary", new(null, EnergyLevel.Low, "contemporary", null, null, 90) },
        { "hip-hop, not too hard, tempo of 95", new(2, null, "hiphop", 95, null, null) },
        { "level 4 ballet, 1:30 long", new(4, null, "ballet", null, null, 90) },
        { "a very easy dance for kids to the song baby shark", new(1, null, null, null, "baby shark", null) },
        { "dance to \"Blinding Lights\" but make it slow", new(null, EnergyLevel.Low, null, null, "Blinding Lights", null) },
        { "a hype 1.5 minute routine at one hundred and twenty bpm", new(null, EnergyLevel.High, null, 120, null, 90) },
        { "medium energy tap dance, 3 minutes", new(null, EnergyLevel.Medium, "tap", null, null, 180) },
        { "a dance to Slow Dancing in the Dark", new(null, null, null, null, "Slow Dancing in the Dark", null) },
        { "an upbeat twenty second TikTok dance", new(null, EnergyLevel.High, null, null, null, 20) },
        { "90s hip hop vibes", new(null, null, "hiphop", null, null, null) },
        { "Dance to Vibe Ace at 100 bpm", new(null, null, null, 100, "Vibe Ace", null) },
        { "an advanced routine for the song 'Uptown Funk' lasting 2 minutes 30 seconds", new(4, null, null, null, "Uptown Funk", 150) },
        { "choreo on Levitating by Dua Lipa, expert level", new(5, null, null, null, "Levitating", null) },
        { "difficulty: 2, energy high", new(2, EnergyLevel.High, null, null, null, null) },
        { "3/5 difficulty salsa, around ninety bpm", new(3, null, "salsa", 90, null, null) },
        { "I want to dance to Summer of 69", new(null, null, null, null, "Summer of 69", null) },
        { "", ChoreographyHints.None },
    };

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void A_phrasing_is_read_into_the_expected_hints(string description, ChoreographyHints expected)
    {
        Assert.Equal(expected, DescriptionParser.Parse(description));
    }

    [Fact]
    public void Words_inside_a_song_title_do_not_count_as_attributes()
    {
        var hints = DescriptionParser.Parse("an energetic routine to Slow Hands");

        Assert.Equal("Slow Hands", hints.SongTitle);
        Assert.Equal(EnergyLevel.High, hints.Energy);
    }

    [Fact]
    public void Up_to_a_duration_is_not_read_as_a_song_title()
    {
        var hints = DescriptionParser.Parse("a salsa of up to Two minutes");

        Assert.Null(hints.SongTitle);
        Assert.Equal(120, hints.DurationSeconds);
    }

    [Fact]
    public void Tempos_and_durations_outside_plausible_ranges_are_ignored()
    {
        var hints = DescriptionParser.Parse("a 5000 bpm dance for 90 minutes");

        Assert.Null(hints.TempoBpm);
        Assert.Null(hints.DurationSeconds);
    }

    [Theory]
    [InlineData("Hip-Hop", "hiphop")]
    [InlineData("k pop", "kpop")]
    [InlineData("B-Boying", "breaking")]
    [InlineData("polka", null)]
    public void A_style_name_is_recognized_in_its_one_spelling(string text, string? expected)
    {
        Assert.Equal(expected, DescriptionParser.RecognizeStyle(text));
    }
}
