using Parley.Core;

namespace Parley.Events.Quotes;

/// <summary>
/// Reported speech: "X said (that) ...", "X told reporters that ...", "according to X, ..." in sentences that hold no
/// direct quotation. The reported clause runs from after the verb (or "that") to the end of the sentence.
/// </summary>
internal sealed class IndirectSpeech(SpeechWords speech, SpeakerFinder speakers)
{
    private const int ThatWindow = 7;

    public void Find(Document doc, List<QuoteSpan> direct, List<QuoteSpan> allMarks, List<QuoteMention> output)
    {
        string text = doc.Text;
        var cursor = new Cursor();
        if (doc.SentenceCount > 0)
        {
            foreach (var s in doc.Sentences) FindInSentence(doc, s.Start, s.End, direct, allMarks, output, ref cursor);
            return;
        }
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int end = TextWords.SentenceEnd(text, i, stopAtOpeningQuote: false);
            FindInSentence(doc, i, end, direct, allMarks, output, ref cursor);
            i = end + 1;
        }
    }

    /// <summary>Positions in the two span lists (sorted, not overlapping), moving forward with the sentences.</summary>
    private struct Cursor
    {
        public int Direct;
        public int Mark;
    }

    private void FindInSentence(Document doc, int start, int end, List<QuoteSpan> direct, List<QuoteSpan> allMarks,
        List<QuoteMention> output, ref Cursor cursor)
    {
        while (cursor.Direct < direct.Count && direct[cursor.Direct].Close < start) cursor.Direct++;
        if (cursor.Direct < direct.Count && direct[cursor.Direct].Open < end) return;
        string text = doc.Text;
        var words = TextWords.Scan(text, start, end);
        if (words.Count < 4) return;

        if (speakers.IsAccordingTo(text, words, 0))
        {
            var source = speakers.PhraseToComma(text, words, speakers.AccordingToLength);
            int comma = IndexAfter(words, source.End);
            if (!source.IsEmpty && comma < words.Count && text[words[comma].Start] == ',' && comma + 3 < words.Count)
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
