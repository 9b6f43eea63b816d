using System.Globalization;
using System.Text.RegularExpressions;
using DanceAspire.Choreography.Planning;

namespace DanceAspire.Choreography.Descriptions;

/// <summary>
/// The built-in, rule-based reading of a description such as "an easy, chill 30 second hip hop
/// routine to Vibe Ace". The song title is taken out first (so words in it do not count as
/// attributes), small numbers written as words become digits, and then each attribute is the
/// earliest phrase in the text that names it.
/// </summary>
public static partial class DescriptionParser
{
    public static ChoreographyHints Parse(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return ChoreographyHints.None;
        var (title, rest) = TakeTitle(description.Trim());
        var text = Normalize(rest);
        var (tempo, withoutTempo) = TakeTempo(text);
        return new ChoreographyHints(
            Difficulty: FindDifficulty(withoutTempo),
            Energy: Earliest(withoutTempo, EnergyPhrases),
            Style: Earliest(withoutTempo, StylePhrases),
            TempoBpm: tempo,
            SongTitle: title,
            DurationSeconds: FindDuration(withoutTempo));
    }

    /// <summary>The canonical tag for a style name ("Hip-Hop" → "hiphop"); null when it names no known style.</summary>
    public static string? RecognizeStyle(string? text) => string.IsNullOrWhiteSpace(text) ? null : Earliest(Normalize(text), StylePhrases);

    // ---- Song title ------------------------------------------------------------------------

    /// <summary>Small words a title may contain between its capitalized words.</summary>
    private static readonly HashSet<string> TitleConnectors =
        new(["of", "the", "in", "a", "an", "and", "to", "on", "my", "me", "for", "at", "with", "de", "la", "le", "el", "&", "is", "it", "you", "i"], StringComparer.Ordinal);

    private static (string? Title, string Remainder) TakeTitle(string text)
    {
        // 1. Quoted: "…" or “…” or ‘…’ (plain single quotes are apostrophes too often).
        if (QuotedTitle().Match(text) is { Success: true } quoted)
            return (Clean(quoted.Groups["t"].Value), Remove(text, quoted));
        // 2. Named outright: "song called X", "to the track X".
        if (NamedTitle().Match(text) is { Success: true } named && CutAtBoundary(named.Groups["t"].Value) is var span && Clean(span) is { } namedTitle)
            return (namedTitle, text.Remove(named.Groups["t"].Index, span.Length));
        // 3. "to X" where X is Capitalized Words: the usual way of naming a song to dance to.
        foreach (Match m in CapitalizedAfterTo().Matches(text))
        {
            var words = m.Groups["t"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var take = 0;
            for (var i = 0; i < words.Length; i++)
            {
                var word = words[i];
                // A number belongs to the title ("Summer of 69") unless a unit follows it ("at 100 bpm").
                var isNumber = char.IsDigit(word[0]) && i > 0 && !(i + 1 < words.Length && UnitWord().IsMatch(words[i + 1]));
                if (char.IsUpper(word[0]) || isNumber) take = i + 1;
                else if (!TitleConnectors.Contains(word)) break;
            }
            var title = Clean(string.Join(' ', words.Take(take)));
            if (title is null) continue;
            var start = m.Groups["t"].Index;
            return (title, text.Remove(start, text.IndexOf(words[take - 1], start, StringComparison.Ordinal) + words[take - 1].Length - start));
        }
        return (null, text);
    }

    [GeneratedRegex(@"^(?:bpm|beats?|minutes?|mins?|m|seconds?|secs?|s)$", RegexOptions.IgnoreCase)]
    private static partial Regex UnitWord();

    private static string CutAtBoundary(string title)
    {
        var cut = TitleBoundary().Match(title);
        return cut.Success ? title[..cut.Index] : title;
    }

    private static string? Clean(string title)
    {
        var trimmed = title.Trim().Trim('"', '“', '”', '‘', '’', '\'');
        return trimmed.Length is > 0 and <= 200 ? trimmed : null;
    }

    private static string Remove(string text, Match match) => text.Remove(match.Index, match.Length).Insert(match.Index, " ");

    [GeneratedRegex("[\"“”‘’](?<t>[^\"“”‘’]{1,200})[\"“”‘’]")]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"\b(?:(?:song|track|tune)\s+(?:called|named|titled)|(?:to|on|for|with|using)\s+(?:the\s+)?(?:song|track|tune))\s+(?<t>[^,.;!?]+)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedTitle();

    // Case-sensitive on purpose: a capital after "to" is what marks a title ("to Vibe Ace" but not "to something slow").
    [GeneratedRegex(@"(?<!\b[Uu]p\s)\b(?:to|on)\s+(?<t>[A-Z][^,.;!?()]*)")]
    private static partial Regex CapitalizedAfterTo();

    [GeneratedRegex(@"\s+(?:at|around|about|with|for|lasting|please|that|which|but|by)\b|\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex TitleBoundary();

    // ---- Normalizing -----------------------------------------------------------------------

    /// <summary>Lower case, hyphens as spaces, punctuation apart from words, and number words as digits.</summary>
    private static string Normalize(string text)
    {
        var lower = text.ToLowerInvariant().Replace('’', '\'');
        lower = Dashes().Replace(lower, " ");
        lower = Punctuation().Replace(lower, " $0 ");
        lower = SentenceDot().Replace(lower, " ");
        foreach (var (pattern, replacement) in DurationIdioms) lower = pattern.Replace(lower, replacement);
        lower = NumberWords().Replace(lower, m => WordsToNumber(m.Value));
        return Spaces().Replace(lower, " ").Trim();
    }

    private static readonly (Regex Pattern, string Replacement)[] DurationIdioms =
    [
        (new(@"\b(?:a|an|one)\s+minute\s+and\s+a\s+half\b", RegexOptions.Compiled), "90 seconds"),
        (new(@"\bhalf\s+(?:a|an)\s+minute\b", RegexOptions.Compiled), "30 seconds"),
        (new(@"\b(?:a|an)\s+minute\b", RegexOptions.Compiled), "1 minute"),
        (new(@"\ba\s+couple\s+(?:of\s+)?", RegexOptions.Compiled), "2 "),
        (new(@"\ba\s+dozen\b", RegexOptions.Compiled), "12"),
    ];

    private static readonly Dictionary<string, int> SmallNumbers = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>"twenty five" → "25", "a hundred and twenty" → "120", "two and a half" → "2.5".</summary>
    private static string WordsToNumber(string words)
    {
        double current = 0;
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (SmallNumbers.TryGetValue(word, out var n)) current += n;
            else if (word == "hundred") current = Math.Max(current, 1) * 100;
            else if (word == "half") current += 0.5;
        }
        return current.ToString(CultureInfo.InvariantCulture);
    }

    private const string NumberWord = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred";

    [GeneratedRegex(@"\b(?:(?:a|an)\s+(?=hundred))?(?:" + NumberWord + @")(?:\s+(?:and\s+)?(?:(?:" + NumberWord + @")\b|a\s+half\b))*\b")]
    private static partial Regex NumberWords();

    [GeneratedRegex(@"[\u2010-\u2015-]")]
    private static partial Regex Dashes();

    [GeneratedRegex(@"[,;!?()""“”‘]")]
    private static partial Regex Punctuation();

    /// <summary>A full stop that is not a decimal point.</summary>
    [GeneratedRegex(@"(?<!\d)\.|\.(?!\d)")]
    private static partial Regex SentenceDot();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // ---- Tempo and duration ----------------------------------------------------------------

    private static (double? Tempo, string Remainder) TakeTempo(string text)
    {
        var match = TempoAfter().Match(text);
        if (!match.Success) match = TempoBefore().Match(text);
        if (!match.Success) return (null, text);
        var bpm = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        // "per minute" must not be read as a duration later.
        var rest = text.Remove(match.Index, match.Length).Insert(match.Index, " ");
        return (bpm is >= ChoreographyHints.MinTempo and <= ChoreographyHints.MaxTempo ? bpm : null, rest);
    }

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?:bpm|beats?\s+(?:per|a|an)\s+minute)\b")]
    private static partial Regex TempoAfter();

    [GeneratedRegex(@"\b(?:tempo|bpm)\s*(?:of|at|=|:|around|about|near|is)?\s*(?:around|about|roughly|near)?\s*(?<n>\d+(?:\.\d+)?)\b")]
    private static partial Regex TempoBefore();

    private static double? FindDuration(string text)
    {
        double? seconds = null;
        if (ClockDuration().Match(text) is { Success: true } clock)
            seconds = int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(clock.Groups["s"].Value, CultureInfo.InvariantCulture);
        else if (UnitDuration().Match(text) is { Success: true } unit)
        {
            var value = double.Parse(unit.Groups["n"].Value, CultureInfo.InvariantCulture);
            seconds = unit.Groups["min"].Success ? value * 60 : value;
            if (unit.Groups["s"].Success) seconds += double.Parse(unit.Groups["s"].Value, CultureInfo.InvariantCulture);
        }
        return seconds is >= ChoreographyHints.MinDuration and <= ChoreographyHints.MaxDuration ? seconds : null;
    }

    [GeneratedRegex(@"\b(?<m>\d{1,2}):(?<s>[0-5]\d)\b")]
    private static partial Regex ClockDuration();

    // "90s" alone is as likely the decade as ninety seconds, so a bare "s" needs a routine-ish word after it.
    [GeneratedRegex(@"(?<!\bthe\s)\b(?<n>\d+(?:\.\d+)?)\s*(?:(?<min>minutes?|mins?)\b(?:\s*(?:and\s+)?(?<s>\d+)\s*(?:seconds?|secs?)\b)?|(?:seconds?|secs?)\b|s\s+(?=routine|dance|video|clip|choreo|long)|(?<min>m)\s+(?=routine|dance|video|clip|choreo|long))")]
    private static partial Regex UnitDuration();

    // ---- Attribute phrases -----------------------------------------------------------------

    /// <summary>A number given outright ("level 4", "3/5") wins over words.</summary>
    private static int? FindDifficulty(string text) =>
        DifficultyNumber().Match(text) is { Success: true } m ? m.Groups["d"].Value[0] - '0' : Earliest(text, DifficultyPhrases);

    [GeneratedRegex(@"\b(?:level|difficulty)\s*(?:of\s+|:\s*)?(?<d>[1-5])\b|\b(?<d>[1-5])\s*(?:/|out\s+of)\s*5\b")]
    private static partial Regex DifficultyNumber();

    private static T? Earliest<T>(string text, (Regex Pattern, T Value)[] phrases) where T : struct
    {
        Match? best = null;
        T? value = null;
        foreach (var (pattern, v) in phrases)
        {
            var m = pattern.Match(text);
            if (m.Success && (best is null || m.Index < best.Index || m.Index == best.Index && m.Length > best.Length)) (best, value) = (m, v);
        }
        return value;
    }

    private static string? Earliest(string text, (Regex Pattern, string Value)[] phrases)
    {
        Match? best = null;
        string? value = null;
        foreach (var (pattern, v) in phrases)
        {
            var m = pattern.Match(text);
            if (m.Success && (best is null || m.Index < best.Index || m.Index == best.Index && m.Length > best.Length)) (best, value) = (m, v);
        }
        return value;
    }

    private static Regex Phrase(string alternatives) => new($@"\b(?:{alternatives})\b", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private const string Not = @"not\s+(?:too|very|so|that|overly|super)\s+";

    private static readonly (Regex, int)[] DifficultyPhrases =
    [
        (Phrase(Not + "(?:hard|difficult|challenging|complex|complicated|advanced)"), 2),
        (Phrase(Not + "(?:easy|simple|basic)"), 3),
        (Phrase(@"(?:very|super|really|extremely|absolute|complete|total)\s+(?:easy|simple|beginners?)|beginners?|novices?|newbies?|first\s+timers?|kids?|starter"), 1),
        (Phrase(@"easy|simple|basic|easier|beginner\s+friendly"), 2),
        (Phrase(@"intermediate|moderate\s+difficulty|medium\s+(?:difficulty|level)|mid\s+level|average\s+difficulty"), 3),
        (Phrase(@"advanced|hard|harder|difficult|challenging|tricky|complex|complicated|tough"), 4),
        (Phrase(@"experts?|pros?|professional|masters?|(?:very|super|really|extremely)\s+(?:hard|difficult|challenging)|insane(?:ly\s+hard)?"), 5),
    ];

    private static readonly (Regex, EnergyLevel)[] EnergyPhrases =
    [
        (Phrase(Not + "(?:fast|intense|energetic|wild|crazy|hype|hyped|upbeat|high\\s+energy)|" + Not + "(?:slow|calm|chill|mellow|low\\s+energy)"), EnergyLevel.Medium),
        (Phrase(@"energy\s*(?:level\s*)?(?:is\s+|:\s*|of\s+)?(?:medium|moderate|mid|average)|(?:medium|moderate|mid|average|normal)\s+(?:energy|intensity|pace|tempo)|midtempo|mid\s+tempo|moderate(?!\s+(?:difficulty|level))|steady|groovy|balanced"), EnergyLevel.Medium),
        (Phrase(@"energy\s*(?:level\s*)?(?:is\s+|:\s*|of\s+)?low|low\s+(?:energy|intensity|key)|chill|chilled|chilling|calm|calming|slow|slower|gentle|relaxed|relaxing|mellow|soft|laid\s+back|lazy|soothing|peaceful|easygoing|quiet|sleepy|tender|dreamy|smooth"), EnergyLevel.Low),
        (Phrase(@"energy\s*(?:level\s*)?(?:is\s+|:\s*|of\s+)?high|high\s+(?:energy|intensity|octane|tempo)|energetic|intense|hype|hyped|upbeat|powerful|fast|faster|explosive|party|wild|fierce|pumped|lively|dynamic|banger|crazy|aggressive|bouncy|hard\s+hitting|full\s+out"), EnergyLevel.High),
    ];

    private static readonly (Regex, string)[] StylePhrases =
    [
        (Phrase(@"hip\s*hop|hiphop"), "hiphop"),
        (Phrase(@"k\s*pop|kpop"), "kpop"),
        (Phrase(@"break\s*danc(?:e|ing)|breaking|b\s*boy(?:ing)?|b\s*girl(?:ing)?"), "breaking"),
        (Phrase(@"jazz\s*funk"), "jazzfunk"),
        (Phrase(@"jazz"), "jazz"),
        (Phrase(@"contemporary"), "contemporary"),
        (Phrase(@"lyrical"), "lyrical"),
        (Phrase(@"ballet"), "ballet"),
        (Phrase(@"salsa"), "salsa"),
        (Phrase(@"bachata"), "bachata"),
        (Phrase(@"tango"), "tango"),
        (Phrase(@"samba"), "samba"),
        (Phrase(@"cha\s*cha(?:\s*cha)?"), "chacha"),
        (Phrase(@"waltz"), "waltz"),
        (Phrase(@"latin"), "latin"),
        (Phrase(@"reggaeton"), "reggaeton"),
        (Phrase(@"dancehall"), "dancehall"),
        (Phrase(@"afro\s*beats?|afro\s*dance|afro"), "afrobeats"),
        (Phrase(@"house"), "house"),
        (Phrase(@"shuffle|shuffling"), "shuffle"),
        (Phrase(@"disco"), "disco"),
        (Phrase(@"swing|lindy\s*hop"), "swing"),
        (Phrase(@"krump(?:ing)?"), "krump"),
        (Phrase(@"waacking|whacking|punking"), "waacking"),
        (Phrase(@"vogue|voguing"), "vogue"),
        (Phrase(@"locking"), "locking"),
        (Phrase(@"popping"), "popping"),
        (Phrase(@"tutting"), "tutting"),
        (Phrase(@"tap\s+danc(?:e|ing)|tap"), "tap"),
        (Phrase(@"twerk(?:ing)?"), "twerk"),
        (Phrase(@"line\s+danc(?:e|ing)"), "linedance"),
        (Phrase(@"bollywood"), "bollywood"),
        (Phrase(@"cheer(?:leading)?"), "cheer"),
        (Phrase(@"freestyle"), "freestyle"),
        (Phrase(@"street\s+dance|street"), "street"),
    ];
}
