namespace Parley.Events.Quotes;

/// <summary>A speaker phrase found next to a speech verb: its character span.</summary>
internal readonly record struct SpeakerSpan(int Start, int End)
{
    public bool IsEmpty => End <= Start;
}

/// <summary>Reads speaker phrases out of word windows: "X said", "said X", "according to X", "X told ...".</summary>
internal static class SpeakerFinder
{
    private const int MaxPhraseWords = 10;

    /// <summary>Attribution right after a closing mark: `," said Trump`, `" Trump said`, `" the ministry said in a statement`.</summary>
    public static SpeakerSpan AfterQuote(string text, int close, out bool viaVerb)
    {
        viaVerb = false;
        int from = close + 1;
        int to = TextWords.SentenceEnd(text, from, stopAtOpeningQuote: true);
        if (to <= from) return default;
        var words = TextWords.Scan(text, from, to);
        int k = 0;
        while (k < words.Count && words[k].IsPunct && text[words[k].Start] is ',' or '\u2014' or '\u2013' or '-') k++;
        if (k >= words.Count || words[k].IsPunct) return default;
        var first = Span(text, words[k]);
        if (SpeechWords.IsSpeechVerb(first) && !SpeechWords.TakesObject(first))
        {
            viaVerb = true;
            return ObjectAfter(text, words, k + 1);
        }
        if (IsAccordingTo(text, words, k))
        {
            viaVerb = true;
            return PhraseToComma(text, words, k + 2);
        }
        for (int v = k + 1; v < words.Count && v <= k + MaxPhraseWords + 2; v++)
        {
            if (words[v].IsPunct && text[words[v].Start] != ',') break;
            if (words[v].IsPunct || !SpeechWords.IsSpeechVerb(Span(text, words[v]))) continue;
            var speaker = SubjectBefore(text, words, v, k, out int firstWord);
            viaVerb = firstWord <= k + 3;
            return viaVerb ? speaker : default;
        }
        return default;
    }

    /// <summary>Attribution before an opening mark: `Trump said: "`, `In a statement, the ministry said, "`, `according to X, "`.</summary>
    public static SpeakerSpan BeforeQuote(string text, int open, out bool viaVerb)
    {
        viaVerb = false;
        int from = TextWords.SentenceStart(text, open);
        if (from >= open) return default;
        var words = TextWords.Scan(text, from, open);
        int last = words.Count - 1;
        bool separated = false;
        while (last >= 0 && words[last].IsPunct && text[words[last].Start] is ':' or ',' or '\u2014' or '\u2013' or '-')
        {
            separated = true;
            last--;
        }
        for (int v = last; v >= 0 && v >= last - 6; v--)
        {
            if (words[v].IsPunct)
            {
                if (text[words[v].Start] == ',') continue;
                break;
            }
            if (SpeechWords.IsSpeechVerb(Span(text, words[v])))
            {
                var speaker = SubjectBefore(text, words, v, 0, out _);
                // `Trump said: "` or `Trump told reporters, "` introduce the quote; `insist that any talks with "` only contain it.
                viaVerb = !speaker.IsEmpty && (v == last || separated);
                return speaker;
            }
        }
        for (int k = 0; k + 2 < words.Count; k++)
        {
            if (IsAccordingTo(text, words, k)) return PhraseToComma(text, words, k + 2);
        }
        return default;
    }

    /// <summary>The speaker of the sentence before <paramref name="open"/> (or of the paragraph before, when the quote opens one).</summary>
    public static SpeakerSpan PreviousSentence(string text, int open, out int verbStart)
    {
        verbStart = -1;
        int start = TextWords.SentenceStart(text, open);
        int end = start - 1;
        while (end > 0 && char.IsWhiteSpace(text[end])) end--;
        if (end <= 0) return default;
        int prevStart = TextWords.SentenceStart(text, end);
        var words = TextWords.Scan(text, prevStart, end + 1);
        for (int v = 1; v < words.Count; v++)
        {
            if (words[v].IsPunct || !SpeechWords.IsSpeechVerb(Span(text, words[v])) || IsPassive(text, words, v)) continue;
            var speaker = SubjectBefore(text, words, v, 0, out _);
            if (!speaker.IsEmpty)
            {
                verbStart = words[v].Start;
                return speaker;
            }
        }
        return default;
    }

    /// <summary>The subject read leftwards from a verb, past adverbs and auxiliaries ("Trump also said"), up to a clause edge.</summary>
    public static SpeakerSpan SubjectBefore(string text, List<TextWord> words, int verb, int lo, out int firstWord)
    {
        firstWord = int.MaxValue;
        int k = verb - 1;
        while (k >= lo && !words[k].IsPunct && SpeechWords.SitsBeforeVerb(Span(text, words[k]))) k--;
        int last = -1, first = -1, count = 0;
        while (k >= lo && count < MaxPhraseWords)
        {
            var w = words[k];
            if (w.IsPunct)
            {
                // Quote marks around a name stay transparent: `"Taliban" insists`.
                if (TextWords.IsQuoteMark(text[w.Start])) { k--; continue; }
                break;
            }
            // "and" joins two names ("Trump and Ghani said") but otherwise starts a new clause ("talks collapsed and Trump said").
            var word = Span(text, w);
            if (SpeechWords.StopsSubject(word)
                && !(word.Equals("and", StringComparison.OrdinalIgnoreCase) && k > lo && !words[k - 1].IsPunct && char.IsUpper(text[words[k - 1].Start])))
                break;
            if (last < 0) last = k;
            first = k;
            count++;
            k--;
        }
        if (first < 0) return default;
        // "On Wednesday the minister said": drop a leading prepositional phrase.
        if (first < last && SpeechWords.IsPrepositionOrAdverb(Span(text, words[first])))
        {
            int det = -1;
            for (int j = first + 1; j <= last; j++)
            {
                if (IsDeterminer(Span(text, words[j]))) { det = j; break; }
            }
            first = det > 0 ? det : Math.Min(first + 2, last);
        }
        firstWord = first;
        return new SpeakerSpan(words[first].Start, words[last].End);
    }

    /// <summary>The phrase after an inverted verb: "said Trump", "said a spokesman for the ministry".</summary>
    public static SpeakerSpan ObjectAfter(string text, List<TextWord> words, int k)
    {
        int first = k, last = -1;
        while (k < words.Count && k - first < MaxPhraseWords)
        {
            var w = words[k];
            if (w.IsPunct || SpeechWords.StopsObject(Span(text, w))) break;
            last = k++;
        }
        return last < 0 ? default : new SpeakerSpan(words[first].Start, words[last].End);
    }

    /// <summary>"according to sources in "Taliban"," — everything up to the comma, within the phrase limit.</summary>
    public static SpeakerSpan PhraseToComma(string text, List<TextWord> words, int k)
    {
        int first = k, last = -1;
        while (k < words.Count && k - first < MaxPhraseWords + 4)
        {
            var w = words[k];
            if (w.IsPunct && !TextWords.IsQuoteMark(text[w.Start])) break;
            last = k++;
        }
        return last < 0 ? default : new SpeakerSpan(words[first].Start, words[last].End);
    }

    public static bool IsAccordingTo(string text, List<TextWord> words, int k) =>
        k + 2 < words.Count && Span(text, words[k]).Equals("according", StringComparison.OrdinalIgnoreCase)
        && Span(text, words[k + 1]).Equals("to", StringComparison.OrdinalIgnoreCase);

    /// <summary>"This is stated in ...": a speech verb after a form of "be" has no speaker before it.</summary>
    public static bool IsPassive(string text, List<TextWord> words, int verb)
    {
        if (verb == 0 || words[verb - 1].IsPunct) return false;
        var prev = Span(text, words[verb - 1]);
        foreach (var be in BeForms)
        {
            if (prev.Equals(be, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static readonly string[] BeForms = ["is", "are", "was", "were", "be", "been", "being"];
    private static readonly string[] Determiners = ["the", "a", "an", "his", "her", "its", "their", "our", "my"];

    private static bool IsDeterminer(ReadOnlySpan<char> w)
    {
        foreach (var d in Determiners)
        {
            if (w.Equals(d, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    public static ReadOnlySpan<char> Span(string text, TextWord w) => text.AsSpan(w.Start, w.End - w.Start);
}
