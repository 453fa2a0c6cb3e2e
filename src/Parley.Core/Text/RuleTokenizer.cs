namespace Parley.Core.Text;

/// <summary>
/// The rule tokenizer and sentence splitter, for text that reaches a stage without the trained tokenizer (no NLP model
/// installed, evaluations of one stage, tests): words, numbers, dotted abbreviations ("U.S."), hyphenated words, "'s"
/// split off, every other symbol a token; sentences end at . ! ? before a capital letter, a digit, a quote or a
/// paragraph break, except after the language's sentence abbreviations (data/lang/CODE/tokenizer-words.tsv and the
/// month abbreviations of calendar.tsv). The one scanner of raw text besides the trained tokenizer. Thread-safe.
/// </summary>
public sealed class RuleTokenizer
{
    public const string FileName = "tokenizer-words.tsv";

    private readonly SentenceAbbreviations _abbreviations;

    public RuleTokenizer(LanguageData language) => _abbreviations = new SentenceAbbreviations(language);

    private static readonly Lazy<RuleTokenizer> English = new(() => new RuleTokenizer(LanguageData.Default));

    /// <summary>Tokenizes English text (see <see cref="Process"/>).</summary>
    public static void Tokenize(Document doc) => English.Value.Process(doc);

    /// <summary>Fills the token and sentence layers of <paramref name="doc"/> (replacing what was there).</summary>
    public void Process(Document doc)
    {
        doc.ClearTokens();
        doc.ClearSentences();
        string text = doc.Text;
        int i = 0, sentence = 0, sentenceStartToken = 0, sentenceStart = -1;
        bool pendingBreak = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n' && doc.TokenCount > sentenceStartToken) pendingBreak = true;
                i++;
                continue;
            }
            if (pendingBreak)
            {
                CloseSentence(doc, ref sentence, ref sentenceStartToken, ref sentenceStart);
                pendingBreak = false;
            }
            int start = i;
            if (char.IsLetterOrDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerJoiner(text, i))) i++;
                // Dotted abbreviations: U.S. / U.N. / a.m.
                if (i < text.Length && text[i] == '.' && i - start <= 2 && i + 2 < text.Length && char.IsLetter(text[i + 1]) && text[i + 2] == '.')
                {
                    while (i + 2 < text.Length && text[i] == '.' && char.IsLetter(text[i + 1]) && (text[i + 2] == '.')) i += 2;
                    i++;
                }
                else if (i < text.Length && text[i] == '.' && IsAbbreviation(text.AsSpan(start, i - start)))
                {
                    i++;
                }
                // Possessive 's is a token of its own.
                if (i + 1 < text.Length && TextChars.Fold(text[i]) == '\'' && text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])))
                {
                    Add(doc, start, i, sentence, ref sentenceStart);
                    Add(doc, i, i + 2, sentence, ref sentenceStart);
                    i += 2;
                    continue;
                }
            }
            else i++;
            Add(doc, start, i, sentence, ref sentenceStart);
            if (c is '.' or '!' or '?' && i - start == 1 && EndsSentence(text, i))
            {
                // A closing quote right after the full stop belongs to this sentence.
                int q = i;
                while (q < text.Length && TextChars.IsQuote(text[q])) { Add(doc, q, q + 1, sentence, ref sentenceStart); q++; }
                i = q;
                CloseSentence(doc, ref sentence, ref sentenceStartToken, ref sentenceStart);
            }
        }
        if (doc.TokenCount > sentenceStartToken) CloseSentence(doc, ref sentence, ref sentenceStartToken, ref sentenceStart);
    }

    private static bool IsInnerJoiner(string text, int i)
    {
        char c = TextChars.Fold(text[i]);
        if (c != '-' && c != '\'' && c != '.') return false;
        if (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1])) return false;
        if (c == '.') return char.IsDigit(text[i + 1]) && i > 0 && char.IsDigit(text[i - 1]);
        if (c == '\'') return !(text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])));
        return true;
    }

    private bool IsAbbreviation(ReadOnlySpan<char> word) => _abbreviations.KeepsSentenceOpen(word);

    private static bool EndsSentence(string text, int after)
    {
        int j = after;
        while (j < text.Length && (TextChars.IsQuote(text[j]) || text[j] == ')')) j++;
        if (j >= text.Length) return true;
        if (!char.IsWhiteSpace(text[j])) return false;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        return j >= text.Length || char.IsUpper(text[j]) || char.IsDigit(text[j]) || TextChars.IsQuote(text[j]);
    }

    private static void Add(Document doc, int start, int end, int sentence, ref int sentenceStart)
    {
        if (sentenceStart < 0) sentenceStart = start;
        var flags = TokenFlags.None;
        if (end < doc.Text.Length && char.IsWhiteSpace(doc.Text[end])) flags |= TokenFlags.SpaceAfter;
        doc.AddToken(new TokenData { Start = start, End = end, Sentence = sentence, Head = -1, Flags = flags });
    }

    private static void CloseSentence(Document doc, ref int sentence, ref int firstToken, ref int sentenceStart)
    {
        if (doc.TokenCount == firstToken) return;
        var span = doc.TokensMutable;
        span[firstToken].Flags |= TokenFlags.SentenceStart;
        doc.AddSentence(new SentenceData(span[firstToken].Start, span[doc.TokenCount - 1].End, firstToken, doc.TokenCount));
        sentence++;
        firstToken = doc.TokenCount;
        sentenceStart = -1;
    }
}
