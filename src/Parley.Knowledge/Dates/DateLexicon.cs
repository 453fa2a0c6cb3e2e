using System.Collections.Frozen;

namespace Parley.Knowledge.Dates;

internal enum LexClass : byte { None, Month, Weekday, Number, Unit, Keyword, PastVerb, FutureCue }

[Flags]
internal enum LexFlags : byte
{
    None = 0,
    /// <summary>A month abbreviation ("Sept", "Dec"): taken only capitalised and next to a day or year.</summary>
    Abbreviation = 1,
    /// <summary>A month name that is also a common word ("May", "March", "August"): taken only capitalised.</summary>
    Ambiguous = 2,
}

/// <summary>Time units of relative expressions.</summary>
internal enum DateUnit : byte { None, Day, Week, Month, Year }

internal enum Kw : byte
{
    None, Today, Yesterday, Tomorrow, Tonight, Last, Next, This, Coming, Weekend, Ago, Later, After, Before, Earlier,
    Early, Late, Mid, End, Beginning, Middle, Morning, Afternoon, Evening, Night, Of, The, Approx, More, Than,
    /// <summary>A preposition that may introduce a bare month or year: in, since, until, by, from, during, through ...</summary>
    Cue, On, To, And, Now, From, Is, Be, Been, Has, Going, Ll,
}

internal readonly record struct LexEntry(LexClass Class, byte Value, LexFlags Flags = LexFlags.None);

/// <summary>The small word tables of the date resolver, looked up by span without allocating.</summary>
internal static class DateLexicon
{
    public const int MaxWordLength = 12;

    /// <summary>Value of a future cue that marks the future only when "to" does not follow it or a verb follows "to" ("due").</summary>
    public const byte DueTo = 1;

    /// <summary>Value of a past form that is a form of "be" (was, were).</summary>
    public const byte PastOfBe = 1;

    private static readonly FrozenDictionary<string, LexEntry> Table = Build();
    private static readonly FrozenDictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    public static LexEntry Find(ReadOnlySpan<char> word) =>
        word.Length <= MaxWordLength && Lookup.TryGetValue(word, out var entry) ? entry : default;

    private static FrozenDictionary<string, LexEntry> Build()
    {
        var d = new Dictionary<string, LexEntry>(StringComparer.OrdinalIgnoreCase);
        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        for (int i = 0; i < 12; i++)
        {
            var flags = months[i] is "may" or "march" or "august" ? LexFlags.Ambiguous : LexFlags.None;
            d[months[i]] = new(LexClass.Month, (byte)(i + 1), flags);
        }
        (string, int)[] abbreviations = [("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
            ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)];
        foreach (var (name, month) in abbreviations) d[name] = new(LexClass.Month, (byte)month, LexFlags.Abbreviation);

        string[] weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
        for (int i = 0; i < 7; i++) d[weekdays[i]] = new(LexClass.Weekday, (byte)i);

        string[] numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
        for (int i = 1; i < numbers.Length; i++) d[numbers[i]] = new(LexClass.Number, (byte)i);
        d["a"] = new(LexClass.Number, 1);
        d["an"] = new(LexClass.Number, 1);
        d["thirty"] = new(LexClass.Number, 30);
        d["forty"] = new(LexClass.Number, 40);
        d["fifty"] = new(LexClass.Number, 50);

        (string, DateUnit)[] units = [("day", DateUnit.Day), ("days", DateUnit.Day), ("week", DateUnit.Week), ("weeks", DateUnit.Week),
            ("month", DateUnit.Month), ("months", DateUnit.Month), ("year", DateUnit.Year), ("years", DateUnit.Year)];
        foreach (var (name, unit) in units) d[name] = new(LexClass.Unit, (byte)unit);

        (string, Kw)[] keywords = [
            ("today", Kw.Today), ("yesterday", Kw.Yesterday), ("tomorrow", Kw.Tomorrow), ("tonight", Kw.Tonight),
            ("last", Kw.Last), ("next", Kw.Next), ("this", Kw.This), ("coming", Kw.Coming), ("weekend", Kw.Weekend),
            ("ago", Kw.Ago), ("later", Kw.Later), ("after", Kw.After), ("before", Kw.Before), ("earlier", Kw.Earlier),
            ("early", Kw.Early), ("late", Kw.Late), ("mid", Kw.Mid), ("end", Kw.End), ("beginning", Kw.Beginning),
            ("start", Kw.Beginning), ("middle", Kw.Middle), ("morning", Kw.Morning), ("afternoon", Kw.Afternoon),
            ("evening", Kw.Evening), ("night", Kw.Night), ("of", Kw.Of), ("the", Kw.The),
            ("almost", Kw.Approx), ("nearly", Kw.Approx), ("about", Kw.Approx), ("some", Kw.Approx), ("around", Kw.Approx),
            ("roughly", Kw.Approx), ("approximately", Kw.Approx), ("just", Kw.Approx), ("only", Kw.Approx), ("over", Kw.Approx),
            ("barely", Kw.Approx), ("exactly", Kw.Approx), ("precisely", Kw.Approx), ("more", Kw.More), ("less", Kw.More),
            ("fewer", Kw.More), ("than", Kw.Than),
            ("in", Kw.Cue), ("since", Kw.Cue), ("until", Kw.Cue), ("till", Kw.Cue), ("by", Kw.Cue), ("during", Kw.Cue),
            ("through", Kw.Cue), ("throughout", Kw.Cue), ("between", Kw.Cue), ("for", Kw.Cue), ("on", Kw.On),
            ("from", Kw.From), ("to", Kw.To), ("and", Kw.And), ("now", Kw.Now),
            ("is", Kw.Is), ("are", Kw.Is), ("am", Kw.Is), ("be", Kw.Be), ("being", Kw.Be), ("been", Kw.Been), ("has", Kw.Has), ("have", Kw.Has), ("going", Kw.Going), ("ll", Kw.Ll),
        ];
        foreach (var (name, kw) in keywords) d[name] = new(LexClass.Keyword, (byte)kw);

        string[] future = ["will", "shall", "would", "scheduled", "expected", "upcoming", "plans", "plan", "planning", "intends",
            "intend", "aims", "hopes", "set"];
        foreach (var w in future) d[w] = new(LexClass.FutureCue, 0);
        // "due in August", "due to meet": future; "due to the shooting": a cause, not a tense.
        d["due"] = new(LexClass.FutureCue, DueTo);

        string[] past = ["was", "were", "had", "did", "said", "told", "met", "went", "came", "left", "began", "took", "gave",
            "held", "made", "saw", "spoke", "sent", "won", "lost", "fought", "led", "struck", "shot", "fell", "rose", "broke",
            "brought", "bought", "built", "caught", "chose", "drove", "felt", "found", "flew", "forgot", "got", "grew",
            "heard", "kept", "knew", "meant", "paid", "ran", "sat", "sold", "shook", "sought", "stood", "stole", "swore",
            "taught", "thought", "threw", "understood", "woke", "wore", "wrote", "became", "withdrew", "overthrew", "fled",
            "hid", "slept", "spent", "split", "spread", "stuck", "swept", "tore", "won", "wound"];
        foreach (var w in past) d[w] = new(LexClass.PastVerb, 0);
        d["was"] = new(LexClass.PastVerb, PastOfBe);
        d["were"] = new(LexClass.PastVerb, PastOfBe);

        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Words ending in "-ed" that are not past forms.</summary>
    public static bool IsNotPastEd(ReadOnlySpan<char> word) =>
        word.EndsWith("eed", StringComparison.OrdinalIgnoreCase) && !word.Equals("agreed", StringComparison.OrdinalIgnoreCase)
            && !word.Equals("freed", StringComparison.OrdinalIgnoreCase)
        || word.Equals("hundred", StringComparison.OrdinalIgnoreCase)
        || word.Equals("bed", StringComparison.OrdinalIgnoreCase)
        || word.Equals("red", StringComparison.OrdinalIgnoreCase);
}
