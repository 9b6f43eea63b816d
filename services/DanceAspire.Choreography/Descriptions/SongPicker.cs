using DanceAspire.Choreography.Planning;

namespace DanceAspire.Choreography.Descriptions;

/// <summary>A song the picker may choose.</summary>
/// <param name="MeanEnergy">0 (calm) to 100, over the whole song.</param>
public sealed record SongChoice(string Id, string Title, double TempoBpm, double DurationSeconds, double MeanEnergy);

/// <summary>
/// Chooses the song a description asks for: a title match first (case-insensitive, forgiving of
/// typos and partial titles), then the nearest tempo, then the nearest energy, then a song long
/// enough for the requested duration; remaining ties go to the title, then the id, so the same
/// library always gives the same pick.
/// </summary>
public static class SongPicker
{
    /// <summary>Title similarity from which a song counts as named by the description.</summary>
    public const double TitleMatchThreshold = 0.6;

    /// <summary>The best song, or null when <paramref name="songs"/> is empty.</summary>
    public static SongChoice? Pick(ChoreographyHints hints, IReadOnlyList<SongChoice> songs)
    {
        ArgumentNullException.ThrowIfNull(hints);
        ArgumentNullException.ThrowIfNull(songs);
        var title = string.IsNullOrWhiteSpace(hints.SongTitle) ? null : Words(hints.SongTitle);
        var energy = hints.Energy is { } level ? PlanCost.LevelCentre(level) : (double?)null;

        return songs
            .Where(s => s is not null)
            .Select(s =>
            {
                var similarity = title is null ? 0 : TitleSimilarity(title, Words(s.Title ?? ""));
                return (Song: s,
                    // Rounded so near-equal similarities, tempos and energies fall through to the next criterion.
                    Title: similarity >= TitleMatchThreshold ? Math.Round(similarity, 2) : 0,
                    Tempo: hints.TempoBpm is { } bpm ? Math.Round(Math.Abs(s.TempoBpm - bpm)) : 0,
                    Energy: energy is { } e ? Math.Round(Math.Abs(s.MeanEnergy - e) / 5) : 0,
                    TooShort: hints.DurationSeconds is { } d && s.DurationSeconds < d);
            })
            .OrderByDescending(x => x.Title)
            .ThenBy(x => double.IsNaN(x.Tempo) ? double.MaxValue : x.Tempo)
            .ThenBy(x => double.IsNaN(x.Energy) ? double.MaxValue : x.Energy)
            .ThenBy(x => x.TooShort)
            .ThenBy(x => x.Song.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(x => x.Song.Id, StringComparer.Ordinal)
            .Select(x => x.Song)
            .FirstOrDefault();
    }

    /// <summary>
    /// 1 for the same words; 0.9 when one title's words run inside the other's ("vibe ace" in
    /// "vibe ace (radio edit)"); otherwise the better of word overlap (Dice) and character edit
    /// similarity, which forgives a typo or a missing space.
    /// </summary>
    public static double TitleSimilarity(string a, string b) => TitleSimilarity(Words(a), Words(b));

    private static double TitleSimilarity(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        string joinedA = string.Join(' ', a), joinedB = string.Join(' ', b);
        if (joinedA == joinedB) return 1;
        if ($" {joinedB} ".Contains($" {joinedA} ", StringComparison.Ordinal) || $" {joinedA} ".Contains($" {joinedB} ", StringComparison.Ordinal))
            return 0.9;
        var shared = a.Distinct().Count(b.Contains);
        var dice = 2.0 * shared / (a.Distinct().Count() + b.Distinct().Count());
        string compactA = string.Concat(a), compactB = string.Concat(b);
        var edit = 1 - (double)Levenshtein(compactA, compactB) / Math.Max(compactA.Length, compactB.Length);
        return Math.Min(0.89, Math.Max(dice, edit));
    }

    private static string[] Words(string text) =>
        new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
