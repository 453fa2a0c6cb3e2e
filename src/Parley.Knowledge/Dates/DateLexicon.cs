using System.Collections.Frozen;
using Parley.Core;

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

/// <summary>
/// The small word tables of the date resolver, from data/lang/CODE/date-words.tsv and calendar.tsv: each word's class
/// (month, weekday, number, unit, keyword of the grammar, tense cue) and value, looked up by span without allocating.
/// Immutable and thread-safe; one per language.
/// </summary>
internal sealed class DateLexicon
{
    public const string FileName = "date-words.tsv";

    /// <summary>Value of a future cue that marks the future only when "to" does not follow it or a verb follows "to" ("due").</summary>
    public const byte DueTo = 1;

    /// <summary>Value of a past form that is a form of "be" (was, were).</summary>
    public const byte PastOfBe = 1;

    private readonly FrozenDictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxWordLength;
    private readonly string _pastSuffix, _notPastEnding;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _pastDespiteEnding, _notPastWords, _ordinalSuffixes;

    public DateLexicon(LanguageData language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var w = language.Lists(FileName);
        var calendar = language.Lists(CalendarWords.FileName);
        // Later lists win where a word is in two, in this order.
        var d = new Dictionary<string, LexEntry>(StringComparer.OrdinalIgnoreCase);
        var ambiguous = w.Set("ambiguous_months");
        var months = calendar.Words(CalendarWords.Months);
        if (months.Count != 12) throw new InvalidDataException($"{calendar.Source}: 'months' must list 12 months");
        for (int i = 0; i < 12; i++) d[months[i]] = new(LexClass.Month, (byte)(i + 1), ambiguous.Contains(months[i]) ? LexFlags.Ambiguous : LexFlags.None);
        foreach (var (name, month) in calendar.Numbers(CalendarWords.MonthAbbreviations)) d[name] = new(LexClass.Month, (byte)month, LexFlags.Abbreviation);
        var weekdays = calendar.Words(CalendarWords.Weekdays);
        if (weekdays.Count != 7) throw new InvalidDataException($"{calendar.Source}: 'weekdays' must list 7 days");
        for (int i = 0; i < 7; i++) d[weekdays[i]] = new(LexClass.Weekday, (byte)i);
        foreach (var (name, value) in w.Numbers("numbers")) d[name] = new(LexClass.Number, (byte)value);
        foreach (var unit in new[] { DateUnit.Day, DateUnit.Week, DateUnit.Month, DateUnit.Year })
            foreach (var name in w.Words("unit_" + unit.ToString().ToLowerInvariant())) d[name] = new(LexClass.Unit, (byte)unit);
        foreach (var kw in Enum.GetValues<Kw>())
        {
            if (kw == Kw.None) continue;
            foreach (var name in w.Words("keyword_" + kw.ToString().ToLowerInvariant())) d[name] = new(LexClass.Keyword, (byte)kw);
        }
        foreach (var name in w.Words("future_cues")) d[name] = new(LexClass.FutureCue, 0);
        foreach (var name in w.Words("future_cues_before_to")) d[name] = new(LexClass.FutureCue, DueTo);
        foreach (var name in w.Words("past_verbs")) d[name] = new(LexClass.PastVerb, 0);
        foreach (var name in w.Words("past_of_be")) d[name] = new(LexClass.PastVerb, PastOfBe);
        var table = d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxWordLength = table.Keys.Max(k => k.Length);
        _pastSuffix = w.One("past_suffix");
        _notPastEnding = w.One("not_past_ending");
        _pastDespiteEnding = w.Set("past_despite_ending").GetAlternateLookup<ReadOnlySpan<char>>();
        _notPastWords = w.Set("not_past_words").GetAlternateLookup<ReadOnlySpan<char>>();
        _ordinalSuffixes = w.Set("ordinal_suffixes").GetAlternateLookup<ReadOnlySpan<char>>();
        var pastTags = w.Words("past_tags");
        if (pastTags.Count != 2) throw new InvalidDataException($"{w.Source}: 'past_tags' must list the simple past's tag and the participle's");
        Tags = new TenseTags(StringStore.Intern(pastTags[0]), StringStore.Intern(pastTags[1]), StringStore.Intern(w.One("base_verb_tag")));
    }

    /// <summary>The interned XPOS tags of the simple past and the past participle.</summary>
    public TenseTags Tags { get; }

    public LexEntry Find(ReadOnlySpan<char> word) =>
        word.Length <= _maxWordLength && _lookup.TryGetValue(word, out var entry) ? entry : default;

    /// <summary>An ordinal suffix of a number ("st", "nd", "rd", "th").</summary>
    public bool IsOrdinalSuffix(ReadOnlySpan<char> suffix) => _ordinalSuffixes.Contains(suffix);

    /// <summary>A lower-case word of five letters or more that looks like a regular past form ("signed") and is not one of the exceptions.</summary>
    public bool LooksPast(ReadOnlySpan<char> word) =>
        word.Length >= 5 && word.EndsWith(_pastSuffix, StringComparison.Ordinal) && !IsNotPastEd(word);

    /// <summary>Words ending in the past suffix that are not past forms ("hundred", "proceed").</summary>
    private bool IsNotPastEd(ReadOnlySpan<char> word) =>
        word.EndsWith(_notPastEnding, StringComparison.OrdinalIgnoreCase) && !_pastDespiteEnding.Contains(word)
        || _notPastWords.Contains(word);
}
