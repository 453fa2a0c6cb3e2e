using System.Text;
using Parley.Core;
using Parley.Core.Text;

namespace Parley.Events.Quotes;

/// <summary>
/// Finds quotations and their speakers and fills <see cref="Document.Quotes"/>. Direct quotations come from paired
/// quote marks in any style (see <see cref="QuotePairer"/>); short quoted names and scare quotes (1-3 words, no verb)
/// are left out. Speakers come from "X said" / "said X" / "according to X" next to the quote, else from the previous
/// sentence's speech verb, else from an immediately preceding quotation. Indirect speech ("X said (that) ...") gives
/// Direct = false with the reported clause. Speakers are tied to the entity covering them (coreference clusters when
/// present; without coreference a pronoun goes to the nearest preceding PER/ORG entity). Stateless and thread-safe.
/// </summary>
public sealed class QuoteExtractor : IPipelineComponent
{
    private const int ChainDistance = 300;

    private readonly SpeechWords _speech;
    private readonly SpeakerFinder _speakers;
    private readonly IndirectSpeech _indirect;
    private readonly SentenceAbbreviations _abbreviations;

    /// <summary>A quotation finder with the word lists of <paramref name="language"/> (its quote-words.tsv).</summary>
    public QuoteExtractor(LanguageData language)
    {
        _speech = new SpeechWords(language);
        _speakers = new SpeakerFinder(_speech);
        _indirect = new IndirectSpeech(_speech, _speakers);
        _abbreviations = new SentenceAbbreviations(language);
    }

    /// <summary>A quotation finder for English.</summary>
    public QuoteExtractor() : this(LanguageData.Default) { }

    /// <summary>Reads the tokens (its words, quote marks and clause edges), the sentences (where reported speech is sought), tags (is a short quotation a statement?) and coreference (who a pronoun speaker is).</summary>
    public static readonly ComponentDescriptor Descriptor = new("quotes", Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Entities | Layers.Coreference, Layers.Quotes)
    {
        Summary = "direct and indirect quotations with their speakers",
    };

    public string Name => Descriptor.Name;

    public void Process(Document doc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        doc.Quotes.Clear();
        string text = doc.Text;
        var words = SurfaceWords.Of(doc, _abbreviations);
        var spans = QuotePairer.Find(words);
        var taken = new List<QuoteSpan>();
        QuoteMention? previous = null;
        int previousClose = -1;
        foreach (var span in spans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int start = span.Open + 1, end = span.Close;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (end > start && text[end - 1] == ',') end--;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (end <= start) continue;
            var speaker = _speakers.AfterQuote(words, span.Close, text[end - 1] is '.' or '!' or '?', out bool viaVerb);
            if (speaker.IsEmpty) speaker = _speakers.BeforeQuote(words, span.Open, out viaVerb);
            // A short quote with no verb is a name or a scare quote, unless a speech verb attributes it: "“Never,” he said."
            // A quoted sentence with its own final stop and a speaker is a statement too: `According to X, "No deal."`
            if (!viaVerb && !IsStatement(doc, words, start, end) && !(!speaker.IsEmpty && text[end - 1] is '.' or '!' or '?')) continue;

            var quote = new QuoteMention { Start = start, End = end, Text = QuotedText(text, start, end, span.Reopens), Direct = true };
            if (!speaker.IsEmpty) SetSpeaker(doc, quote, speaker, _speech);
            // A quote inside a sentence that has its own subject and no speech verb ("The envoy will discuss "how best to
            // ..."") is words that subject uses or a scare quote, not the previous speaker's: no speaker rather than a wrong one.
            else if (OpensMidSentence(words, span.Open)) { }
            else if (previous?.Speaker is not null && span.Open - previousClose <= ChainDistance) CopySpeaker(previous, quote);
            else
            {
                speaker = _speakers.PreviousSentence(words, span.Open, out _);
                if (!speaker.IsEmpty) SetSpeaker(doc, quote, speaker, _speech);
            }
            doc.Quotes.Add(quote);
            taken.Add(span);
            previous = quote;
            previousClose = span.Close;
        }
        _indirect.Find(doc, words, taken, spans, doc.Quotes);
        doc.Quotes.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>A quotation says something: four words or more, or a verb (by tag when tagged, else by a short list, or "!"/"?").</summary>
    private bool IsStatement(Document doc, SurfaceWords words, int start, int end)
    {
        if (end <= start) return false;
        int first = words.FirstAtOrAfter(start), last = words.FirstAtOrAfter(end);
        int count = 0;
        for (int i = first; i < last; i++)
        {
            if (!words[i].IsPunct) count++;
        }
        if (count >= 4) return true;
        if (count == 0) return false;
        if (TaggedVerb(doc, start, end) is { } verb) return verb;
        if (doc.Text[end - 1] is '!' or '?') return true;
        for (int i = first; i < last; i++)
        {
            if (!words[i].IsPunct && _speech.IsCommonVerb(words.Span(i))) return true;
        }
        return false;
    }

    /// <summary>Whether a verb (VERB or AUX) is tagged among the tokens from the one at <paramref name="start"/> to <paramref name="end"/>; null when the document is not tagged.</summary>
    internal static bool? TaggedVerb(Document doc, int start, int end)
    {
        if ((doc.Done & Layers.Tags) == 0 || doc.TokenCount == 0) return null;
        int t = doc.TokenAt(start);
        if (t < 0) return false;
        var tokens = doc.Tokens;
        for (; t < tokens.Length && tokens[t].Start < end; t++)
        {
            if (tokens[t].Upos is UPos.VERB or UPos.AUX) return true;
        }
        return false;
    }

    /// <summary>The quoted words; marks that reopen the quote at later paragraphs are left out.</summary>
    private static string QuotedText(string text, int start, int end, List<int>? reopens)
    {
        if (reopens is null) return text.Substring(start, end - start);
        var sb = new StringBuilder(end - start);
        int from = start;
        foreach (int r in reopens)
        {
            if (r < start || r >= end) continue;
            sb.Append(text, from, r - from);
            from = r + 1;
        }
        sb.Append(text, from, end - from);
        return sb.ToString();
    }

    /// <summary>True when words (not only punctuation) come before <paramref name="open"/> in its sentence.</summary>
    private static bool OpensMidSentence(SurfaceWords words, int open)
    {
        int at = words.FirstAtOrAfter(open);
        for (int i = words.ClauseStart(at); i < at; i++)
            if (!words[i].IsPunct) return true;
        return false;
    }

    internal static void SetSpeaker(Document doc, QuoteMention quote, SpeakerSpan speaker, SpeechWords speech)
    {
        quote.Speaker = doc.Text.Substring(speaker.Start, speaker.End - speaker.Start);
        quote.SpeakerStart = speaker.Start;
        quote.SpeakerEnd = speaker.End;
        var entity = SpeakerEntities.Resolve(doc, speaker.Start, speaker.End, speech, out string? name);
        quote.SpeakerName = name;
        quote.SpeakerActor = entity?.Actor;
    }

    private static void CopySpeaker(QuoteMention from, QuoteMention to)
    {
        to.Speaker = from.Speaker;
        to.SpeakerStart = from.SpeakerStart;
        to.SpeakerEnd = from.SpeakerEnd;
        to.SpeakerName = from.SpeakerName;
        to.SpeakerActor = from.SpeakerActor;
    }
}
