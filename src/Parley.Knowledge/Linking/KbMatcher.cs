using Parley.Core;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Text;
using Parley.Core.Text;

namespace Parley.Knowledge.Linking;

/// <summary>A run of tokens whose words are a knowledge-base name or agent phrase.</summary>
internal readonly record struct KbMatch(int StartToken, int EndToken, NameHit[]? Hits, string? AgentCode);

/// <summary>
/// Longest-match lookup of token runs against the knowledge base's names and agent phrases, building the
/// lowercase key in a reused buffer (no per-token strings). Runs stay inside a sentence and stop at
/// punctuation other than hyphens. Names must start with a capital (or digit); a name of two letters or fewer
/// ("US", "UN") must be written in capitals, so the pronoun "us" is never the United States.
/// </summary>
internal sealed class KbMatcher
{
    private readonly KnowledgeBase _kb;

    public KbMatcher(KnowledgeBase kb) => _kb = kb;

    /// <summary>The longest name starting at token <paramref name="start"/>, or a match with no hits.</summary>
    public KbMatch LongestName(Document doc, int start, int limit, Span<char> buffer) => Longest(doc, start, limit, buffer, agents: false);

    /// <summary>The longest agent phrase starting at token <paramref name="start"/> (case-insensitive).</summary>
    public KbMatch LongestAgent(Document doc, int start, int limit, Span<char> buffer) => Longest(doc, start, limit, buffer, agents: true);

    private KbMatch Longest(Document doc, int start, int limit, Span<char> buffer, bool agents)
    {
        var tokens = doc.Tokens;
        string text = doc.Text;
        if (start >= limit) return default;
        var first = text.AsSpan(tokens[start].Start, tokens[start].End - tokens[start].Start);
        if (first.IsEmpty || !char.IsLetterOrDigit(first[0])) return default;
        if (!agents && !char.IsUpper(first[0]) && !char.IsDigit(first[0])) return default;
        int sentence = tokens[start].Sentence;
        int len = 0;
        bool join = false;
        KbMatch best = default;
        int maxEnd = Math.Min(limit, start + _kb.MaxWords * 2 + 1);
        for (int t = start; t < maxEnd; t++)
        {
            ref readonly var tok = ref tokens[t];
            if (tok.Sentence != sentence) break;
            var span = text.AsSpan(tok.Start, tok.End - tok.Start);
            if (span.Length == 1 && TextChars.Fold(span[0]) == '-')
            {
                if (t == start || len + 1 > buffer.Length) break;
                buffer[len++] = '-';
                join = true;
                continue;
            }
            if (!char.IsLetterOrDigit(span[0]) && !(span.Length > 1 && span[0] == '\'' )) break;
            if (len + span.Length + 1 > buffer.Length) break;
            if (len > 0 && !join) buffer[len++] = ' ';
            join = false;
            int letters = 0, upper = 0;
            foreach (char raw in span)
            {
                char c = TextChars.Fold(raw);
                if (c == '"') continue;
                if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
                buffer[len++] = char.ToLowerInvariant(c);
            }
            var key = buffer[..len];
            if (agents)
            {
                var code = _kb.AgentCode(key);
                if (code is not null) best = new KbMatch(start, t + 1, null, code);
            }
            else
            {
                var hits = _kb.LookupArray(key);
                if (hits is not null && (t > start || letters > 2 || upper == letters)) best = new KbMatch(start, t + 1, hits, null);
            }
            if (!_kb.IsPrefix(key)) break;
        }
        return best;
    }
}
