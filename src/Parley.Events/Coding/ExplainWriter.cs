using System.Globalization;
using System.Text;
using Parley.Core;

namespace Parley.Events;

/// <summary>
/// Writes the event coder's trace as text for `parley explain`: each sentence with a compact parse
/// (index:form/lemma/UPOS&lt;-head:deprel), then the verbs looked at, the patterns and rules that applied, and each
/// candidate event kept (with its fields) or dropped (with the reason).
/// </summary>
public sealed class ExplainWriter(TextWriter output) : IEventTraceSink
{
    private readonly TextWriter _out = output;

    public void Sentence(Document doc, int sentence)
    {
        ref readonly var sd = ref doc.Sentences[sentence];
        _out.WriteLine();
        _out.Write("[" + sentence.ToString(CultureInfo.InvariantCulture) + "] ");
        _out.WriteLine(doc.Text.AsSpan(sd.Start, sd.End - sd.Start).ToString().ReplaceLineEndings(" "));
        var sb = new StringBuilder("    parse:");
        var tokens = doc.Tokens;
        for (int t = sd.FirstToken; t < sd.EndToken; t++)
        {
            ref readonly var td = ref tokens[t];
            sb.Append(' ').Append(t - sd.FirstToken + 1).Append(':').Append(doc.Text.AsSpan(td.Start, td.End - td.Start));
            string lemma = StringStore.Get(td.Lemma);
            if (lemma.Length > 0) sb.Append('/').Append(lemma);
            sb.Append('/').Append(td.Upos.Name());
            sb.Append("<-").Append(td.Head < 0 ? 0 : td.Head - sd.FirstToken + 1).Append(':').Append(StringStore.Get(td.Deprel));
        }
        _out.WriteLine(sb.ToString());
        foreach (var e in doc.Entities)
        {
            if (e.Start < sd.Start || e.End > sd.End) continue;
            _out.WriteLine($"    entity: '{e.Text}' {e.Type} actor={e.Actor ?? "-"}{(e.Cluster >= 0 ? " cluster=" + e.Cluster.ToString(CultureInfo.InvariantCulture) : "")}{(e.Via is null ? "" : " via=" + e.Via)}");
        }
    }

    public void Step(Document doc, int token, string message) => _out.WriteLine($"    {Where(doc, token)}: {message}");

    public void Kept(Document doc, int token, EventRecord r) =>
        _out.WriteLine($"    {Where(doc, token)}: KEPT {r.Cameo} {r.Plover ?? "-"} q{r.QuadClass} g{r.Goldstein.ToString(CultureInfo.InvariantCulture)} "
            + $"{Actor(r.Source)} -> {Actor(r.Target)}{(r.Negated ? " NEGATED" : "")} date={r.Date ?? "-"} place={r.Place?.Name ?? "-"} rule={r.Rule} conf={r.Confidence.ToString(CultureInfo.InvariantCulture)}");

    public void Dropped(Document doc, int token, string? code, string reason) =>
        _out.WriteLine($"    {Where(doc, token)}: dropped{(code is null ? "" : " " + code)}: {reason}");

    private static string Actor(EventActor? a) => a is null ? "(none)" : $"'{a.Text}'={a.Actor}";

    private static string Where(Document doc, int token)
    {
        if (token < 0 || token >= doc.TokenCount) return "-";
        ref readonly var td = ref doc.Tokens[token];
        return doc.Text.Substring(td.Start, td.End - td.Start);
    }
}
