namespace Parley.Events.Quotes;

/// <summary>A speaker phrase found next to a speech verb: its character span.</summary>
internal readonly record struct SpeakerSpan(int Start, int End)
{
    public bool IsEmpty => End <= Start;
}

/// <summary>Reads speaker phrases out of word windows: "X said", "said X", "according to X", "X told ...".</summary>
internal sealed class SpeakerFinder(SpeechWords speech)
{
    private const int MaxPhraseWords = 10;

    /// <summary>Attribution right after a closing mark: `," said Trump`, `" Trump said`, `" the ministry said in a statement`.</summary>
    public SpeakerSpan AfterQuote(SurfaceWords doc, int close, bool quoteEndsSentence, out bool viaVerb)
    {
        viaVerb = false;
        string text = doc.Text;
        int from = doc.FirstAtOrAfter(close + 1);
        if (from >= doc.Count || doc.LineBreakBefore(from)) return default;
        var words = doc.Range(from, doc.ClauseEnd(from, stopAtOpeningQuote: true));
        // `is "unprecedented." He said, "...`: after a quoted full stop, an attribution that leads into another quotation is that one's.
        if (quoteEndsSentence)
        {
            foreach (var w in words)
            {
                if (w.IsPunct && SurfaceWords.IsQuoteMark(text[w.Start])) return default;
            }
        }
        int k = 0;
        while (k < words.Count && words[k].IsPunct && text[words[k].Start] is ',' or '\u2014' or '\u2013' or '-') k++;
        if (k >= words.Count || words[k].IsPunct) return default;
        var first = Span(text, words[k]);
        if (speech.IsSpeechVerb(first) && !speech.TakesObject(first))
        {
            viaVerb = true;
            return ObjectAfter(text, words, k + 1);
        }
        if (IsAccordingTo(text, words, k))
        {
            viaVerb = true;
            return PhraseToComma(text, words, k + AccordingToLength);
        }
        for (int v = k + 1; v < words.Count && v <= k + MaxPhraseWords + 2; v++)
        {
            if (words[v].IsPunct && text[words[v].Start] != ',') break;
            if (words[v].IsPunct || !speech.IsSpeechVerb(Span(text, words[v]))) continue;
            var speaker = SubjectBefore(text, words, v, k, out int firstWord);
            viaVerb = firstWord <= k + 3;
            return viaVerb ? speaker : default;
        }
        return default;
    }

    /// <summary>Attribution before an opening mark: `Trump said: "`, `In a statement, the ministry said, "`, `according to X, "`.</summary>
    public SpeakerSpan BeforeQuote(SurfaceWords doc, int open, out bool viaVerb)
    {
        viaVerb = false;
        string text = doc.Text;
        int to = doc.FirstAtOrAfter(open);
        int from = doc.ClauseStart(to);
        if (from >= to) return default;
        var words = doc.Range(from, to);
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
            if (speech.IsSpeechVerb(Span(text, words[v])))
            {
                var speaker = SubjectBefore(text, words, v, 0, out _);
                // `Trump said: "` or `Trump told reporters, "` introduce the quote; `insist that any talks with "` only contain it.
                viaVerb = !speaker.IsEmpty && (v == last || separated);
                return speaker;
            }
        }
        for (int k = 0; k + AccordingToLength < words.Count; k++)
        {
            if (IsAccordingTo(text, words, k)) return PhraseToComma(text, words, k + AccordingToLength);
        }
        return default;
    }

    /// <summary>The speaker of the sentence before <paramref name="open"/> (or of the paragraph before, when the quote opens one).</summary>
    public SpeakerSpan PreviousSentence(SurfaceWords doc, int open, out int verbStart)
    {
        verbStart = -1;
        string text = doc.Text;
        int start = doc.ClauseStart(doc.FirstAtOrAfter(open));
        if (start == 0) return default;
        var words = doc.Range(doc.ClauseStart(start - 1), start);
        for (int v = 1; v < words.Count; v++)
        {
            if (words[v].IsPunct || !speech.IsSpeechVerb(Span(text, words[v])) || IsPassive(text, words, v)) continue;
            if (!IntroducesSpeech(text, words, v)) continue;
            var speaker = SubjectBefore(text, words, v, 0, out _);
            if (!speaker.IsEmpty)
            {
                verbStart = words[v].Start;
                return speaker;
            }
        }
        return default;
    }

    /// <summary>The verb ends its sentence, or a colon or "that" follows within a few words ("said in a statement that").</summary>
    private bool IntroducesSpeech(string text, List<TextWord> words, int verb)
    {
        if (verb == words.Count - 1) return true;
        for (int k = verb + 1; k < words.Count && k <= verb + 7; k++)
        {
            if (words[k].IsPunct)
            {
                char c = text[words[k].Start];
                if (c == ':') return true;
                if (c == ',') continue;
                return k == words.Count - 1;
            }
            if (speech.IsComplementizer(Span(text, words[k]))) return true;
        }
        return false;
    }

    /// <summary>The subject read leftwards from a verb, past adverbs and auxiliaries ("Trump also said"), up to a clause edge.</summary>
    public SpeakerSpan SubjectBefore(string text, List<TextWord> words, int verb, int lo, out int firstWord)
    {
        firstWord = int.MaxValue;
        int k = verb - 1;
        while (k >= lo && !words[k].IsPunct && speech.SitsBeforeVerb(Span(text, words[k]))) k--;
        // "He went on to add", "the minister continued to say": the subject is before the governing verb.
        if (k > lo && !words[k].IsPunct && speech.IsInfinitiveMarker(Span(text, words[k])))
        {
            k--;
            for (int skipped = 0; skipped < 3 && k >= lo && !words[k].IsPunct && speech.GovernsInfinitive(Span(text, words[k])); skipped++) k--;
        }
        int last = -1, first = -1, count = 0;
        while (k >= lo && count < MaxPhraseWords)
        {
            var w = words[k];
            if (w.IsPunct)
            {
                // Quote marks around a short name stay transparent: `"Taliban" insists`.
                if (SurfaceWords.IsQuoteMark(text[w.Start]) && (QuotedNameStart(text, words, k, lo) is var open && open >= 0))
                {
                    for (int j = k - 1; j > open && count < MaxPhraseWords; j--)
                    {
                        if (last < 0) last = j;
                        first = j;
                        count++;
                    }
                    k = open - 1;
                    continue;
                }
                break;
            }
            // "and" joins two names ("Trump and Ghani said") but otherwise starts a new clause ("talks collapsed and Trump said").
            var word = Span(text, w);
            if (speech.StopsSubject(word)
                && !(speech.IsAnd(word) && k > lo && !words[k - 1].IsPunct && char.IsUpper(text[words[k - 1].Start])))
                break;
            if (last < 0) last = k;
            first = k;
            count++;
            k--;
        }
        if (first < 0) return default;
        // "On Wednesday the minister said": drop a leading prepositional phrase.
        if (first < last && speech.IsPrepositionOrAdverb(Span(text, words[first])))
        {
            int det = -1;
            for (int j = first + 1; j <= last; j++)
            {
                if (speech.IsDeterminer(Span(text, words[j]))) { det = j; break; }
            }
            first = det > 0 ? det : Math.Min(first + 2, last);
        }
        firstWord = first;
        return new SpeakerSpan(words[first].Start, words[last].End);
    }

    /// <summary>Index of the opening mark of a 1-3 word quoted name that closes at <paramref name="close"/>, or -1.</summary>
    private static int QuotedNameStart(string text, List<TextWord> words, int close, int lo)
    {
        for (int j = close - 1; j >= lo && j >= close - 4; j--)
        {
            if (!words[j].IsPunct) continue;
            return SurfaceWords.IsQuoteMark(text[words[j].Start]) && j < close - 1 ? j : -1;
        }
        return -1;
    }

    /// <summary>The phrase after an inverted verb: "said Trump", "said a spokesman for the ministry".</summary>
    public SpeakerSpan ObjectAfter(string text, List<TextWord> words, int k)
    {
        int first = k, last = -1;
        while (k < words.Count && k - first < MaxPhraseWords)
        {
            var w = words[k];
            if (w.IsPunct || speech.StopsObject(Span(text, w))) break;
            last = k++;
        }
        return last < 0 ? default : new SpeakerSpan(words[first].Start, words[last].End);
    }

    /// <summary>"according to sources in "Taliban"," — everything up to the comma, within the phrase limit.</summary>
    public SpeakerSpan PhraseToComma(string text, List<TextWord> words, int k)
    {
        int first = k, last = -1;
        while (k < words.Count && k - first < MaxPhraseWords + 4)
        {
            var w = words[k];
            if (w.IsPunct && !SurfaceWords.IsQuoteMark(text[w.Start])) break;
            last = k++;
        }
        return last < 0 ? default : new SpeakerSpan(words[first].Start, words[last].End);
    }

    public bool IsAccordingTo(string text, List<TextWord> words, int k)
    {
        var phrase = speech.AccordingTo;
        if (k + phrase.Count >= words.Count) return false;
        for (int i = 0; i < phrase.Count; i++)
            if (!Span(text, words[k + i]).Equals(phrase[i], StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    /// <summary>Number of words of "according to".</summary>
    public int AccordingToLength => speech.AccordingTo.Count;

    /// <summary>"This is stated in ...": a speech verb after a form of "be" has no speaker before it.</summary>
    public bool IsPassive(string text, List<TextWord> words, int verb)
    {
        if (verb == 0 || words[verb - 1].IsPunct) return false;
        return speech.IsBeForm(Span(text, words[verb - 1]));
    }

    public static ReadOnlySpan<char> Span(string text, TextWord w) => text.AsSpan(w.Start, w.End - w.Start);
}
