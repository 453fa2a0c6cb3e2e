using System.Globalization;

namespace Parley.Events.Cameo;

/// <summary>
/// What a negated verb codes under UD-PETRARCH's internal coding ontology (PICO, "PETR_..._Internal_Coding_Ontology"):
/// each CAMEO code is a number made of its category bits ("050:0x0080", "110:0x1007f#0xFFFF+0x0080#0x7000"), and a
/// negated verb's code is the code whose number is its own minus 0xFFFF, the ontology's "not" ("won't clash": 110,
/// 0xFFFF + 0x0080, is 050; "will not wire tap": 170 is 057; "did not comment": 010 is 011). A code with no such
/// counterpart keeps its code, as PETRARCH's other conventions leave negation to the patterns.
/// </summary>
public sealed class CodeNegations
{
    private const long Not = 0xFFFF;
    private readonly Dictionary<string, long> _value = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _code = [];

    public int Count => _value.Count;

    /// <summary>Reads an ontology file: lines "code:expr[#expr...][#comment]", an expression a signed sum of hexadecimal
    /// terms; lines starting with '#' and text after the first piece that is no expression are comments.</summary>
    public static CodeNegations Read(TextReader reader)
    {
        var n = new CodeNegations();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            string t = line.Trim();
            int colon = t.IndexOf(':');
            if (t.Length == 0 || t[0] == '#' || colon <= 0) continue;
            string code = t[..colon].Trim();
            if (!code.All(char.IsAsciiDigit)) continue;
            foreach (var piece in t[(colon + 1)..].Split('#'))
            {
                if (Value(piece) is not long v) break;
                n._value.TryAdd(code, v);
                n._code.TryAdd(v, code);
            }
        }
        return n;
    }

    /// <summary>The code a negated verb of <paramref name="code"/> gives, or null when the ontology has none.</summary>
    public string? Negate(string code) =>
        _value.TryGetValue(code, out long v) && _code.TryGetValue(v - Not, out var negated) ? negated : null;

    /// <summary>"-0xFFFF+0x2040+0x300" -> its value; null for anything else.</summary>
    internal static long? Value(string expr)
    {
        var s = expr.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        if (s.Length == 0) return null;
        long sum = 0;
        int i = 0;
        while (i < s.Length)
        {
            int sign = 1;
            if (s[i] is '+' or '-') { sign = s[i] == '-' ? -1 : 1; i++; }
            if (i + 2 > s.Length || s[i] != '0' || (s[i + 1] | 0x20) != 'x') return null;
            int start = i += 2;
            while (i < s.Length && char.IsAsciiHexDigit(s[i])) i++;
            if (i == start || !long.TryParse(s.AsSpan(start, i - start), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long term)) return null;
            sum += sign * term;
        }
        return sum;
    }
}
