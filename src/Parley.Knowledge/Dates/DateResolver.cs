using Parley.Core;
using Parley.Core.Text;

namespace Parley.Knowledge.Dates;

/// <summary>
/// Finds date expressions in <see cref="Document.Text"/> and resolves them against <see cref="Document.Published"/>
/// into <see cref="DateMention"/>s (day, ISO week, month or year). One pass over the words of the token layer
/// (<see cref="DateWordScanner"/>) with small lookup tables; the document's sentences bound the tense context and its
/// XPOS tags, when present, mark tense.
/// Without a publication date, absolute dates still resolve and relative ones get a null value.
/// Stateless and thread-safe.
/// </summary>
public sealed class DateResolver : IPipelineComponent
{
    [ThreadStatic]
    private static DateWord[]? t_words;

    private readonly DateLexicon _lexicon;
    private readonly Tokenizer _tokenizer;
    private readonly SentenceAbbreviations _abbreviations;

    /// <summary>A resolver with the date words of <paramref name="language"/> (its date-words.tsv and calendar.tsv).</summary>
    public DateResolver(LanguageData language)
    {
        _lexicon = new DateLexicon(language);
        _tokenizer = Tokenizer.ForLanguage(language);
        _abbreviations = new SentenceAbbreviations(language);
    }

    /// <summary>A resolver for English text.</summary>
    public DateResolver() : this(LanguageData.Default) { }

    /// <summary>Reads the tokens (its words), the sentences (the bounds of tense) and the XPOS tags (past forms).</summary>
    public static readonly ComponentDescriptor Descriptor = new("dates", Layers.Tokens | Layers.Sentences | Layers.Tags, Layers.Dates)
    {
        Summary = "dates resolved against the publication date (day, week, month, year)",
    };

    public string Name => Descriptor.Name;

    public void Process(Document doc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        doc.Dates.Clear();
        Find(doc, doc.Dates);
    }

    /// <summary>Resolves the dates of a bare text (the tokenizer's tokens and rule sentences, no tags).</summary>
    public List<DateMention> Resolve(string text, DateOnly? published)
    {
        var doc = new Document(string.Empty, text) { Published = published };
        _tokenizer.Process(doc, _abbreviations);
        var result = new List<DateMention>();
        Find(doc, result);
        return result;
    }

    private void Find(Document doc, List<DateMention> output)
    {
        var words = t_words ?? new DateWord[256];
        int count = DateWordScanner.Scan(doc, ref words, _lexicon);
        t_words = words;
        bool tagged = (doc.Done & Layers.Tags) != 0 && doc.TokenCount > 0;
        // Relative dates resolve only against a publication date in the sane range, so their arithmetic stays in the calendar.
        var matcher = new DateMatcher(words.AsSpan(0, count), doc.Text, SaneDates.InRange(doc.Published), tagged ? doc : null, _lexicon);
        int i = 0;
        while (i < count)
        {
            if (!matcher.TryMatch(i, out var m))
            {
                i++;
                continue;
            }
            int start = words[m.First].Start, end = words[m.End - 1].End;
            output.Add(new DateMention
            {
                Start = start,
                End = end,
                Text = doc.Text.Substring(start, end - start),
                Value = m.Format(),
                Grain = DateMatch.GrainName(m.Grain),
            });
            matcher.Accept(m);
            i = m.End;
        }
    }
}
