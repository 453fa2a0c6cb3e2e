using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>When and where an event happened: the date and place of its own clause.</summary>
public sealed partial class EventCoder
{
    /// <summary>
    /// The event's date: a date expression of its own clause ("canceled the talks on September 7"), kept at its grain
    /// ("last year" is a year, "in August" a month); else, for a sentence opened by "This"/"That" standing for the previous
    /// sentence's event, that sentence's date at month grain; else the publication date. A past-tense event is never
    /// dated after the publication: such a date belongs to another clause or was misread, and the publication date stands.
    /// </summary>
    private string? EventDate(DocumentContext ctx, in SentenceGraph g, EventPlan plan)
    {
        var doc = ctx.Doc;
        string? date = ClauseDate(ctx, g, plan.Trigger, plan.Clause) ?? PurposeDate(ctx, g, plan.Clause) ?? AnaphoricDate(ctx, plan.Sentence);
        if (date is null) return doc.PublishedText;
        if (doc.PublishedText is { } published && !plan.Nominal && _clauses.IsPast(g, plan.Trigger) && After(date, published))
        {
            ctx.Trace?.Step(doc, plan.Trigger, $"date {date} is after the publication ({published}) of a past event: publication date kept");
            return published;
        }
        return date;
    }

    private static readonly int InfinitiveTo = StringStore.Intern("to");

    /// <summary>A purpose clause takes the date of the movement it is the purpose of, as it takes its place ("leaves on April
    /// 7 to attend the IMF meetings", "arrived on Monday to meet X").</summary>
    private string? PurposeDate(DocumentContext ctx, in SentenceGraph g, int clause)
    {
        if (clause < 0 || g.RelOf(clause) is not (Rel.Advcl or Rel.Xcomp) || !g.HasChildWithLemma(clause, Rel.Mark, InfinitiveTo)) return null;
        int h = g.Head(clause);
        return h >= 0 && g.Upos(h) == UPos.VERB ? ClauseDate(ctx, g, h, h) : null;
    }

    /// <summary>True when the period <paramref name="date"/> (a day, ISO week, month or year) starts after the period
    /// <paramref name="published"/> ends: "next week" in Monday's paper is after it, "this week" is not.</summary>
    private static bool After(string date, string published) =>
        DateValue.Parse(date) is { } d && DateValue.Parse(published) is { } p && d.First > p.Last;

    /// <summary>A resolved date whose phrase attaches to the trigger or its coded clause before any other predicate, not through
    /// the trigger's content clause.</summary>
    private string? ClauseDate(DocumentContext ctx, in SentenceGraph g, int trigger, int clause)
    {
        var doc = ctx.Doc;
        ref readonly var sd = ref doc.Sentences[doc.Tokens[trigger].Sentence];
        foreach (var d in doc.Dates)
        {
            if (d.Start < sd.Start || d.End > sd.End || d.Value is null) continue;
            int x = doc.TokenAt(d.Start);
            if (x < 0) continue;
            int first = x;
            // Climb from the date's token to the first predicate above it.
            for (int hops = 0; x >= 0 && hops < 12; hops++)
            {
                if (x == trigger || x == clause) return d.Value;
                int h = g.Head(x);
                if (h < 0) break;
                if (g.Upos(h) is UPos.VERB && h != trigger && h != clause) { x = -1; break; }
                // "... compared with 2.3 pct in 1986, the agency said": a date reaching the trigger through its content
                // clause dates what was said, not the saying (even when the parser hangs a bare noun there), unless it
                // opens that clause right after the verb ("said yesterday the plan ...", "told parliament on Friday ...").
                if (h == trigger && g.RelOf(x) == Rel.Ccomp && !OpensContent(g, trigger, x, first, doc.TokenAt(d.End - 1))) { x = -1; break; }
                x = h;
            }
        }
        return null;
    }

    /// <summary>Whether the date of tokens <paramref name="date"/>..<paramref name="last"/> follows <paramref name="trigger"/>
    /// with no word of the content clause <paramref name="content"/> between them but the date's own preposition: the
    /// parser's attachment of "said yesterday the plan ...", "told parliament on Friday the rate ...".</summary>
    private static bool OpensContent(in SentenceGraph g, int trigger, int content, int date, int last)
    {
        if (date <= trigger) return false;
        // "told parliament on Friday the rate ...": a bare noun the parser made the complement is the addressee, no clause.
        if (g.Upos(content) is UPos.NOUN or UPos.PROPN && g.Child(content, Rel.Nsubj) < 0 && g.Child(content, Rel.Cop) < 0) return true;
        for (int k = trigger + 1; k < date; k++)
            if (g.Dominates(content, k) && g.Head(k) is var h && (h < date || h > last)) return false;
        return true;
    }

    /// <summary>
    /// "This came after a Taliban attack ...": a sentence whose subject is a demonstrative standing for the previous
    /// sentence's event takes that sentence's date, at month grain (the events it relates are near that date, not on it).
    /// </summary>
    private string? AnaphoricDate(DocumentContext ctx, int sentence)
    {
        var doc = ctx.Doc;
        if (sentence == 0) return null;
        ref readonly var sd = ref doc.Sentences[sentence];
        int first = sd.FirstToken;
        if (first >= sd.EndToken) return null;
        ref readonly var td = ref doc.Tokens[first];
        if (td.Upos != UPos.PRON || !_w.Demonstratives.Contains(td.Lemma) || Rels.Of(td.Deprel) is not (Rel.Nsubj or Rel.NsubjPass)) return null;
        ref readonly var prev = ref doc.Sentences[sentence - 1];
        string? previous = null;
        foreach (var d in doc.Dates)
            if (d.Start >= prev.Start && d.End <= prev.End && d.Value is not null) { previous = d.Value; break; }
        if (previous is null) return null;
        return previous.Length == 10 && previous[4] == '-' && previous[7] == '-' ? previous[..7] : previous;
    }

    /// <summary>The event's place: a place of its own clause ("attacked ... in Kabul"), of its event noun ("talks in Doha"),
    /// of the phrase it is the purpose of ("arrived in Kabul to meet X"), else null (the article's dateline is the
    /// document's place, not the event's).</summary>
    private EventPlace? EventPlace(DocumentContext ctx, in SentenceGraph g, int t, int clause, int eventObject, int sourceHead, int targetHead) =>
        (eventObject >= 0 ? NounPlace(ctx, g, eventObject) : null) ?? FindPlace(ctx, g, clause, t)
        ?? (sourceHead >= 0 && _data.EventNouns.CodeOf(g.Lemma(sourceHead)) is not null ? NounPlace(ctx, g, sourceHead) : null)
        ?? PurposePlace(ctx, g, t)
        // "visited Kabul", "shelled Sderot": a target that is a place is where it happened.
        ?? (targetHead >= 0 && ctx.PlaceAt(g, targetHead) is { } tp ? ToEventPlace(tp) : null)
        ?? DatelinePlace(ctx.Doc);

    /// <summary>The place the sentence ties to the action: a place mention in an oblique of the verb ("in Kabul", "at Bagram Air Base").</summary>
    private EventPlace? FindPlace(DocumentContext ctx, in SentenceGraph g, int clause, int t)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            int x = pass == 0 ? clause : t;
            if (pass == 1 && x == clause) break;
            for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
            {
                var r = g.RelOf(c);
                if (r == Rel.Obl && PlaceIn(ctx, g, c) is { } p) return p;
                // A parser often attaches "in Kabul" to the object or oblique rather than to the verb.
                if (r is Rel.Obj or Rel.Obl)
                {
                    for (int k = g.FirstChild(c); k >= 0; k = g.NextSibling(k))
                        if (g.RelOf(k) == Rel.Nmod && PlaceIn(ctx, g, k) is { } q) return q;
                }
            }
        }
        return null;
    }

    private EventPlace? PlaceIn(DocumentContext ctx, in SentenceGraph g, int phrase)
    {
        if (!ClauseAnalyzer.HasCase(g, phrase, _w.PlacePreps)) return null;
        return ctx.PlaceAt(g, phrase) is { } p ? ToEventPlace(p) : null;
    }

    private static EventPlace ToEventPlace(PlaceMention p) => Core.EventPlace.From(p);

    /// <summary>The article's dateline place ("KABUL, Dec 4 (Reuters) -"), where the reporter was: the place of an event
    /// whose own clause and target name none.</summary>
    private static EventPlace? DatelinePlace(Document doc)
    {
        foreach (var p in doc.Places) if (p.Role == PlaceRole.Dateline) return Core.EventPlace.From(p);
        return null;
    }

    /// <summary>The place of a nominal event: "talks ... in Qatar", "attack in Kabul", or a place the parser hung on its partner
    /// ("a meeting with Ghani at Bagram Air Base"), or the partner itself ("a visit to Washington").</summary>
    private EventPlace? NounPlace(DocumentContext ctx, in SentenceGraph g, int noun)
    {
        for (int c = g.FirstChild(noun); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Nmod && PlaceIn(ctx, g, c) is { } p) return p;
        int tgt = NounTarget(g, noun);
        if (tgt < 0) return null;
        for (int c = g.FirstChild(tgt); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Nmod && PlaceIn(ctx, g, c) is { } p) return p;
        return ctx.PlaceAt(g, tgt) is { } at ? ToEventPlace(at) : null;
    }

    /// <summary>A purpose or complement clause takes the place of the clause it depends on ("arrived in Kabul to meet X").</summary>
    private EventPlace? PurposePlace(DocumentContext ctx, in SentenceGraph g, int t)
    {
        if (g.RelOf(t) is not (Rel.Advcl or Rel.Xcomp)) return null;
        int h = g.Head(t);
        return h >= 0 && g.Upos(h) == UPos.VERB ? FindPlace(ctx, g, h, h) : null;
    }
}
