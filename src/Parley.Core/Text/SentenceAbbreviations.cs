namespace Parley.Core.Text;

/// <summary>
/// Words whose stop does not end a sentence: the language's sentence abbreviations (titles, company forms:
/// data/lang/CODE/tokenizer-words.tsv "sentence_abbreviations") with the month abbreviations of calendar.tsv, and
/// single capital initials ("George W. Bush"). Compared ignoring case. Thread-safe.
/// </summary>
public sealed class SentenceAbbreviations
{
    private readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;

    public SentenceAbbreviations(LanguageData language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var words = language.Lists(TokenizerLexicon.FileName).Words("sentence_abbreviations")
            .Concat(language.Lists(CalendarWords.FileName).Words(CalendarWords.MonthAbbreviations));
        _words = System.Collections.Frozen.FrozenSet.ToFrozenSet(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when a stop after <paramref name="word"/> (given without its stop) leaves the sentence open.</summary>
    public bool KeepsSentenceOpen(ReadOnlySpan<char> word) =>
        word.Length == 1 && char.IsUpper(word[0]) || _words.Contains(word);
}
