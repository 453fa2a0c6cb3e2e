using Parley.Core;

namespace Parley.Events.Quotes;

/// <summary>
/// Reported speech: "X said (that) ...", "X told reporters that ...", "according to X, ..." in sentences that hold no
/// direct quotation. The reported clause runs from after the verb (or "that") to the end of the sentence.
/// </summary>
internal sealed class IndirectSpeech(SpeechWords speech, SpeakerFinder speakers)
{
    private const int ThatWindow = 7;

    /// <summary>Reported speech sentence by sentence: the sentence layer's sentences, else the words' own clauses.</summary>
    public void Find(Document doc, SurfaceWords words, List<QuoteSpan> direct, List<QuoteSpan> allMarks, List<QuoteMention> output)
    {
        var cursor = new Cursor();
        if (doc.SentenceCount > 0)
        {
            foreach (var s in doc.Sentences)
                FindInSentence(doc, words, words.FirstAtOrAfter(s.Start), words.FirstAtOrAfter(s.End), s.End, direct, allMarks, output, ref cursor);
            return;
        }
        int w = 0;
        while (w < words.Count)
        {
            int end = words.ClauseEnd(w, stopAtOpeningQuote: false);
            if (end > w) FindInSentence(doc, words, w, end, words[end - 1].End, direct, allMarks, output, ref cursor);
            // Past the terminator token; a clause cut by a line break goes on at the word after the break.
            w = end < words.Count && words[end].IsPunct && !words.LineBreakBefore(end) ? end + 1 : Math.Max(end, w + 1);
        }
    }

    /// <summary>Positions in the two span lists (sorted, not overlapping), moving forward with the sentences.</summary>
    private struct Cursor
    {
        public int Direct;
        public int Mark;
    }

    /// <summary>Words [<paramref name="first"/>, <paramref name="last"/>) of a sentence that ends at character <paramref name="end"/>.</summary>
    private void FindInSentence(Document doc, SurfaceWords all, int first, int last, int end, List<QuoteSpan> direct, List<QuoteSpan> allMarks,
        List<QuoteMention> output, ref Cursor cursor)
    {
        if (last - first < 4) return;
        int start = all[first].Start;
        while (cursor.Direct < direct.Count && direct[cursor.Direct].Close < start) cursor.Direct++;
        if (cursor.Direct < direct.Count && direct[cursor.Direct].Open < end) return;
        string text = doc.Text;
        var words = all.Range(first, last);

        if (speakers.IsAccordingTo(text, words, 0))
        {
            var source = speakers.PhraseToComma(text, words, speakers.AccordingToLength);
            int comma = IndexAfter(words, source.End);
            // "According to X, formerly the director of ...": an apposition (no verb) is not what X said.
            if (!source.IsEmpty && comma < words.Count && text[words[comma].Start] == ',' && comma + 3 < words.Count
                && QuoteExtractor.TaggedVerb(doc, words[comma + 1].Start, end) != false)
            {
                Add(doc, output, source, words[comma + 1].Start, end);
            }
            return;
        }

        for (int v = 1; v < words.Count - 2; v++)
        {
            var w = words[v];
            if (w.IsPunct || Inside(allMarks, w.Start, ref cursor.Mark)) continue;
            var verb = SpeakerFinder.Span(text, w);
            if (!speech.IsSpeechVerb(verb) || char.IsUpper(verb[0]) || speakers.IsPassive(text, words, v)) continue;
            var speaker = speakers.SubjectBefore(text, words, v, 0, out _);
            if (speaker.IsEmpty) continue;
            int clause = ClauseStart(text, words, v);
            if (clause < 0) continue;
            Add(doc, output, speaker, words[clause].Start, end);
            return;
        }
    }

    /// <summary>Index of the first word of the reported clause, or -1.</summary>
    private int ClauseStart(string text, List<TextWord> words, int verb)
    {
        for (int k = verb + 1; k < words.Count && k <= verb + ThatWindow; k++)
        {
            if (words[k].IsPunct)
            {
                if (text[words[k].Start] == ',') continue;
                break;
            }
            if (speech.IsComplementizer(SpeakerFinder.Span(text, words[k])))
            {
                int c = k + 1;
                while (c < words.Count && words[c].IsPunct && text[words[c].Start] == ',') c++;
                return c < words.Count - 1 ? c : -1;
            }
        }
        var verbText = SpeakerFinder.Span(text, words[verb]);
        if (!speech.ReportsBareClause(verbText)) return -1;
        int first = verb + 1;
        if (words[first].IsPunct || speech.IsPrepositionOrAdverb(SpeakerFinder.Span(text, words[first]))) return -1;
        int remaining = 0;
        for (int k = first; k < words.Count; k++)
        {
            if (!words[k].IsPunct) remaining++;
        }
        return remaining >= 4 ? first : -1;
    }

    private void Add(Document doc, List<QuoteMention> output, SpeakerSpan speaker, int clauseStart, int sentenceEnd)
    {
        string text = doc.Text;
        int end = sentenceEnd;
        while (end > clauseStart && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or '!' or '?' or ';' or ',')) end--;
        if (end <= clauseStart) return;
        var quote = new QuoteMention { Start = clauseStart, End = end, Text = text.Substring(clauseStart, end - clauseStart), Direct = false };
        QuoteExtractor.SetSpeaker(doc, quote, speaker, speech);
        output.Add(quote);
    }

    private static int IndexAfter(List<TextWord> words, int offset)
    {
        for (int k = 0; k < words.Count; k++)
        {
            if (words[k].Start >= offset) return k;
        }
        return words.Count;
    }

    private static bool Inside(List<QuoteSpan> marks, int offset, ref int cursor)
    {
        while (cursor < marks.Count && marks[cursor].Close <= offset) cursor++;
        return cursor < marks.Count && marks[cursor].Open < offset;
    }
}
