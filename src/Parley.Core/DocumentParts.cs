namespace Parley.Core;

/// <summary>
/// Bounded processing units of one long document. A text longer than a unit is cut at paragraph breaks (else at a
/// sentence end, else at a space) into parts that the pipeline annotates one by one, each as its own
/// <see cref="Document"/>; <see cref="Append"/> then moves each part's layers into the whole document, shifting
/// every offset, token, sentence and cluster index. A stage whose cost grows faster than linearly with the
/// document (coreference over all earlier mentions, quote pairing) thus costs at most a constant per unit, and the
/// whole document costs time linear in its length. What a part cannot see is the other parts: a pronoun at the
/// start of a part finds no antecedent in the part before it. Only texts longer than a unit are cut.
/// </summary>
public static class DocumentParts
{
    /// <summary>Character ranges [Start, End) covering <paramref name="text"/> in order, each at most <paramref name="maxChars"/> long.</summary>
    public static List<(int Start, int End)> Split(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 16);
        var parts = new List<(int, int)>();
        int pos = 0;
        while (text.Length - pos > maxChars)
        {
            int cut = Cut(text, pos + maxChars / 2, pos + maxChars);
            parts.Add((pos, cut));
            pos = cut;
        }
        if (pos < text.Length || parts.Count == 0) parts.Add((pos, text.Length));
        return parts;
    }

    /// <summary>The best place to end a part within [<paramref name="from"/>, <paramref name="to"/>]: after a paragraph break, a sentence end, a space, else anywhere but inside a surrogate pair.</summary>
    private static int Cut(string text, int from, int to)
    {
        var window = text.AsSpan(from, to - from);
        int paragraph = window.LastIndexOf("\n\n");
        if (paragraph >= 0) return from + paragraph + 2;
        for (int i = window.Length - 2; i > 0; i--)
        {
            if (window[i] == ' ' && window[i - 1] is '.' or '?' or '!' or '"' && (char.IsUpper(window[i + 1]) || window[i + 1] == '"')) return from + i + 1;
        }
        int space = window.LastIndexOfAny(' ', '\n');
        if (space >= 0) return from + space + 1;
        return char.IsLowSurrogate(text[to]) ? to - 1 : to;
    }

    /// <summary>A new document holding the characters [start, end) of <paramref name="whole"/> and its metadata, with no layers.</summary>
    public static Document Part(Document whole, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(whole);
        return new Document(whole.Id, whole.Text[start..end])
        {
            Title = whole.Title,
            Published = whole.Published,
            Language = whole.Language,
            LanguageScore = whole.LanguageScore,
            Source = whole.Source,
            Url = whole.Url,
            Origin = whole.Origin,
            Done = whole.Done,
        };
    }

    /// <summary>
    /// Moves the layers of <paramref name="part"/>, whose text starts at <paramref name="offset"/> in
    /// <paramref name="whole"/>, behind those already in <paramref name="whole"/>. Parts must be appended in text order.
    /// </summary>
    public static void Append(Document whole, Document part, int offset)
    {
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(part);
        int tokenBase = whole.TokenCount, sentenceBase = whole.SentenceCount;
        int clusterBase = 0;
        foreach (var e in whole.Entities) clusterBase = Math.Max(clusterBase, e.Cluster + 1);

        foreach (var t in part.Tokens)
        {
            var moved = t;
            moved.Start += offset;
            moved.End += offset;
            moved.Sentence += sentenceBase;
            if (moved.Head >= 0) moved.Head += tokenBase;
            whole.AddToken(moved);
        }
        foreach (var s in part.Sentences)
            whole.AddSentence(new SentenceData(s.Start + offset, s.End + offset, s.FirstToken + tokenBase, s.EndToken + tokenBase));
        foreach (var e in part.Entities)
            if (e.Cluster >= 0) e.Cluster += clusterBase;
        foreach (var q in part.Quotes)
        {
            q.SpeakerStart += offset;
            q.SpeakerEnd += offset;
        }
        Move(part.Entities, whole.Entities, offset);
        Move(part.Places, whole.Places, offset);
        Move(part.Dates, whole.Dates, offset);
        Move(part.Quotes, whole.Quotes, offset);
        Move(part.Spans, whole.Spans, offset);
        foreach (var ev in part.Events)
        {
            ev.Sentence += sentenceBase;
            ev.EvidenceStart += offset;
            ev.EvidenceEnd += offset;
            ev.TriggerStart += offset;
            ev.TriggerEnd += offset;
            Shift(ev.Source, offset);
            Shift(ev.Target, offset);
            whole.Events.Add(ev);
        }
        foreach (var flag in part.Flags)
            if (!whole.Flags.Contains(flag)) whole.Flags.Add(flag);
        whole.Done |= part.Done;
    }

    /// <summary>Adds <paramref name="from"/>'s spans to <paramref name="into"/>, shifted by <paramref name="offset"/>.</summary>
    private static void Move<T>(List<T> from, List<T> into, int offset) where T : ITextSpan
    {
        foreach (var m in from)
        {
            Shift(m, offset);
            into.Add(m);
        }
    }

    private static void Shift(ITextSpan? span, int offset)
    {
        if (span is null) return;
        span.Start += offset;
        span.End += offset;
    }
}
