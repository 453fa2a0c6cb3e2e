using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Events.Evaluation;

/// <summary>One expected (source, target, event) triple of a suite record; an empty target is a one-actor event.</summary>
public readonly record struct SuiteTriple(string Source, string Target, string Event)
{
    public override string ToString() => $"{Source}>{(Target.Length == 0 ? "-" : Target)} {Event}";
}

/// <summary>One sentence of a construction suite with the events a CAMEO coder must produce.</summary>
public sealed class SuiteRecord
{
    public required string Id { get; init; }
    public required string Category { get; init; }
    public DateOnly? Date { get; init; }
    public required string Text { get; init; }
    /// <summary>False for records the suite itself marks as not to be evaluated (evaluate="false" or sentence="false").</summary>
    public bool Evaluate { get; init; } = true;
    public List<SuiteTriple> Expected { get; } = [];
    /// <summary>The record expects no event at all (noevents="True", or an expected error such as a discard).</summary>
    public bool ExpectsNone { get; set; }
    /// <summary>The error the suite expects (sentencediscard, storydiscard, bad_input_parse...), or null.</summary>
    public string? ExpectedError { get; set; }
}

/// <summary>
/// Reads the PETRARCH construction suites (PETR.UnitTest.records.xml, PETR_Validate_records_2_02.xml) with a tolerant
/// line-based reader: the UD suite is not well-formed XML (a nested comment in its header), and attribute spacing varies.
/// Only the record markup is read: &lt;Sentence ...&gt;, &lt;EventCoding ...&gt;, &lt;Text&gt;...&lt;/Text&gt;.
/// </summary>
public static partial class ConstructionSuite
{
    [GeneratedRegex("([A-Za-z_]+)\\s*=\\s*\"([^\"]*)\"")]
    private static partial Regex Attribute();

    public static List<SuiteRecord> Read(TextReader reader)
    {
        var records = new List<SuiteRecord>();
        string? line;
        bool inComment = false;
        Dictionary<string, string>? head = null;
        List<Dictionary<string, string>> codings = [];
        StringBuilder? text = null;
        bool inText = false;
        while ((line = reader.ReadLine()) is not null)
        {
            string t = line.Trim();
            if (inComment)
            {
                if (t.Contains("-->", StringComparison.Ordinal)) inComment = false;
                continue;
            }
            if (t.StartsWith("<!--", StringComparison.Ordinal))
            {
                if (!t.Contains("-->", StringComparison.Ordinal)) inComment = true;
                continue;
            }
            if (inText)
            {
                int close = t.IndexOf("</Text>", StringComparison.Ordinal);
                text!.Append(' ').Append(close >= 0 ? t[..close] : t);
                if (close >= 0) inText = false;
                continue;
            }
            if (t.StartsWith("<Sentence ", StringComparison.Ordinal) || t == "<Sentence>")
            {
                head = Attributes(t);
                codings = [];
                text = new StringBuilder();
                continue;
            }
            if (head is null) continue;
            if (t.StartsWith("<EventCoding", StringComparison.Ordinal)) { codings.Add(Attributes(t)); continue; }
            if (t.StartsWith("<Text>", StringComparison.Ordinal))
            {
                string rest = t[6..];
                int close = rest.IndexOf("</Text>", StringComparison.Ordinal);
                text!.Append(close >= 0 ? rest[..close] : rest);
                inText = close < 0;
                continue;
            }
            if (t.Contains("</Sentence>", StringComparison.Ordinal))
            {
                records.Add(Build(head, codings, text!.ToString()));
                head = null;
            }
        }
        return records;
    }

    public static List<SuiteRecord> Load(string path)
    {
        using var reader = File.OpenText(path);
        return Read(reader);
    }

    private static Dictionary<string, string> Attributes(string tag)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Attribute().Matches(tag)) d[m.Groups[1].Value] = m.Groups[2].Value.Trim();
        return d;
    }

    private static SuiteRecord Build(Dictionary<string, string> head, List<Dictionary<string, string>> codings, string text)
    {
        DateOnly? date = head.TryGetValue("date", out var ds) && DateOnly.TryParseExact(ds, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        bool evaluate = !(head.TryGetValue("evaluate", out var ev) && ev.Equals("false", StringComparison.OrdinalIgnoreCase))
            && !(head.TryGetValue("sentence", out var sv) && sv.Equals("false", StringComparison.OrdinalIgnoreCase));
        var record = new SuiteRecord
        {
            Id = head.GetValueOrDefault("id") ?? "?",
            Category = head.GetValueOrDefault("category") ?? "?",
            Date = date,
            Text = Regex.Replace(text, @"\s+", " ").Trim(),
            Evaluate = evaluate,
        };
        foreach (var c in codings)
        {
            if (c.TryGetValue("noevents", out var ne) && ne.Equals("true", StringComparison.OrdinalIgnoreCase)) { record.ExpectsNone = true; continue; }
            if (c.TryGetValue("error", out var err)) { record.ExpectedError = err; record.ExpectsNone = true; continue; }
            if (!c.TryGetValue("eventcode", out var code)) continue;
            string src = c.GetValueOrDefault("sourcecode") ?? "";
            string tgt = c.GetValueOrDefault("targetcode") ?? "";
            if (tgt == "---" && src.Length > 0 && src != "---") { /* an unknown-country target is a real code in the suites */ }
            // "FRO/BIL/SAM>ELR/GAL": the UD suite writes an actor that stands for several as one joined code; the petrarch2
            // suite writes the same record as one triple per pair, which is what a coder outputs and what is counted.
            foreach (var s in src.Split('/'))
                foreach (var t in tgt.Split('/'))
                    record.Expected.Add(new SuiteTriple(s, t, code));
        }
        return record;
    }
}

/// <summary>Per-category counts of a suite run: records exact (the coded set of triples equals the expected set), expected
/// triples found, extra triples coded.</summary>
public sealed class SuiteScore
{
    public sealed class Counts
    {
        public int Records, Exact, ExpectedTriples, Found, Coded, Extra;
        public void Add(Counts o) { Records += o.Records; Exact += o.Exact; ExpectedTriples += o.ExpectedTriples; Found += o.Found; Coded += o.Coded; Extra += o.Extra; }
    }

    public SortedDictionary<string, Counts> ByCategory { get; } = new(StringComparer.Ordinal);
    public Counts Total { get; } = new();
    /// <summary>Records evaluated with what was coded, for reading failures.</summary>
    public List<(SuiteRecord Record, List<SuiteTriple> Coded, bool Exact)> Results { get; } = [];

    /// <summary>Scores one record. Triples are compared as sets; duplicate coded triples count once.</summary>
    public bool Add(SuiteRecord record, IEnumerable<SuiteTriple> codedTriples)
    {
        var coded = new List<SuiteTriple>(new HashSet<SuiteTriple>(codedTriples));
        var expected = new HashSet<SuiteTriple>(record.Expected);
        var c = new Counts { Records = 1, ExpectedTriples = expected.Count, Coded = coded.Count };
        foreach (var t in coded)
        {
            if (expected.Contains(t)) c.Found++;
            else c.Extra++;
        }
        bool exact = c.Found == expected.Count && c.Extra == 0;
        c.Exact = exact ? 1 : 0;
        if (!ByCategory.TryGetValue(record.Category, out var cat)) ByCategory[record.Category] = cat = new Counts();
        cat.Add(c);
        Total.Add(c);
        Results.Add((record, coded, exact));
        return exact;
    }

    public string Table()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("category     records  exact        expected  found        extra");
        foreach (var (cat, c) in ByCategory) Row(cat, c);
        Row("ALL", Total);
        return sb.ToString();

        void Row(string name, Counts c) => sb.AppendLine(string.Create(inv,
            $"{name,-12} {c.Records,7}  {c.Exact,4} {Pct(c.Exact, c.Records),6}  {c.ExpectedTriples,8}  {c.Found,4} {Pct(c.Found, c.ExpectedTriples),6}  {c.Extra,5}"));

        static string Pct(int a, int b) => b == 0 ? "   -  " : string.Create(CultureInfo.InvariantCulture, $"{100.0 * a / b,5:F1}%");
    }
}
