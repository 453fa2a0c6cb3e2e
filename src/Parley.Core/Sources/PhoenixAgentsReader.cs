namespace Parley.Core.Sources;

/// <summary>One entry line of the PETRARCH agents dictionary: <see cref="Head"/> is the text before the first '['
/// (the noun, with its <c>{PLURALS}</c> when given), <see cref="Codes"/> the rest (<c>[~GOV]</c>, <c>[NGO~]</c>, ...).</summary>
public readonly record struct PhoenixAgentLine(string Head, string Codes);

/// <summary>
/// Reads the PETRARCH/Phoenix agent dictionary (Phoenix.agents.txt), read by the coder's build (agent roles, data/cameo)
/// and the knowledge base's (agent nouns, data/kb): comments after '#' cut, blank lines skipped, <c>!MACRO! = A, B</c>
/// definitions kept for <see cref="Expand"/>, and every other line with a '[' given as a <see cref="PhoenixAgentLine"/>.
/// What an entry means (which codes, which plurals) is each build's own rule.
/// </summary>
public sealed class PhoenixAgentsReader(TextReader reader)
{
    private readonly Dictionary<string, string[]> _macros = new(StringComparer.Ordinal);

    /// <summary>The entry lines in file order; the macros defined before an entry are known to <see cref="Expand"/> when it is given.</summary>
    public IEnumerable<PhoenixAgentLine> Entries()
    {
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line[0] == '!' && line.Contains('='))
            {
                int eq = line.IndexOf('=');
                _macros[line[..eq].Trim()] = line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                continue;
            }
            int bracket = line.IndexOf('[');
            if (bracket < 0) continue;
            yield return new PhoenixAgentLine(line[..bracket], line[bracket..]);
        }
    }

    /// <summary>
    /// The forms of <paramref name="phrase"/> with its <c>!MACRO!</c> replaced by each alternative, recursively; a macro
    /// not defined (yet) leaves the phrase as it is when <paramref name="keepUnknown"/>, else gives no form.
    /// </summary>
    public IEnumerable<string> Expand(string phrase, bool keepUnknown)
    {
        int a = phrase.IndexOf('!');
        int b = a >= 0 ? phrase.IndexOf('!', a + 1) : -1;
        if (b < 0) { yield return phrase; yield break; }
        if (!_macros.TryGetValue(phrase[a..(b + 1)], out var alternatives))
        {
            if (keepUnknown) yield return phrase;
            yield break;
        }
        foreach (var alt in alternatives)
            foreach (var rest in Expand(phrase[..a] + alt + phrase[(b + 1)..], keepUnknown))
                yield return rest;
    }
}
