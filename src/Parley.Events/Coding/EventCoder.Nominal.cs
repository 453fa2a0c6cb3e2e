using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>Event nouns ("a meeting with X", "a Taliban attack", "held talks with X") and the argument repairs around them.</summary>
public sealed partial class EventCoder
{
    private const int PartnerLookBack = 3;

    /// <summary>
    /// A nominal event that is a circumstance of its clause: "Trump said during a meeting with Ghani" (source: the clause's
    /// subject, target: the "with" phrase), "raised during Trump's visit to Afghanistan" (source: the possessor); or the
    /// subject of a verb of occurrence ("Johnson's visit to Washington lasted two days"). Both actors must be named; nouns that
    /// are another verb's subject or object are coded with that verb, not here.
    /// </summary>
    private void CodeNominal(DocContext ctx, SentenceGraph g, int sentence, int t, string code)
    {
        var doc = ctx.Doc;
        var trace = ctx.Trace;
        int gov = g.Head(t);
        if (gov < 0 || g.Upos(gov) != UPos.VERB) return;
        bool asSubject = g.RelOf(t) == Rel.Nsubj;
        if (asSubject)
        {
            // "Johnson's visit to Washington lasted two days", "the meeting took place in Sochi": a verb of occurrence.
            int l = g.Lemma(gov);
            if (!_w.OccurrenceVerbs.Contains(l) || (l == _w.Take && !g.HasChildWithLemma(gov, Rel.Obj, _w.Place))) return;
            trace?.Step(doc, t, $"event noun '{TokenText(doc, t)}' ({code}) as subject of '{StringStore.Get(l)}'");
        }
        else
        {
            int cs = g.CaseOf(t);
            if (cs < 0 || !_w.CircumstancePreps.Contains(g.Lemma(cs))) return;
            trace?.Step(doc, t, $"event noun '{TokenText(doc, t)}' ({code}) under '{StringStore.Get(g.Lemma(cs))}'");
        }
        string? why = Unasserted(g, gov);
        if (why is null && Modality(g, gov) != 0) why = "clause with a modal: not asserted";
        if (why is null && NotHappened(g, t) is { } w) why = "'" + w + "' event: not asserted";
        if (why is not null)
        {
            trace?.Dropped(doc, t, code, why);
            return;
        }

        Span<int> heads = stackalloc int[MaxCoordinated];
        var targets = new ActorRef[MaxCoordinated];
        int kt = 0;
        int tgt = NounTarget(g, t);
        if (tgt >= 0)
        {
            int n = Coordinated(g, tgt, heads);
            for (int i = 0; i < n; i++) if (ResolveActor(ctx, g, heads[i], false, out targets[kt])) kt++;
        }
        if (kt == 0)
        {
            trace?.Dropped(doc, t, code, "nominal event without a named target");
            return;
        }

        var sources = new ActorRef[MaxCoordinated];
        int ks = 0;
        int src = -1;
        for (int c = g.FirstChild(t); c >= 0 && ks == 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Poss or Rel.Compound or Rel.Amod)) continue;
            if (ResolveActor(ctx, g, c, false, out sources[0])) { ks = 1; src = c; }
        }
        if (ks == 0 && !asSubject)
        {
            // The participant is the subject of the clause the event noun is a circumstance of.
            src = SubjectOf(g, gov);
            if (src >= 0)
            {
                int n = Coordinated(g, src, heads);
                for (int i = 0; i < n; i++) if (ResolveActor(ctx, g, heads[i], false, out sources[ks], true)) ks++;
            }
            if (ks == 0)
            {
                int alt = AlternateSubject(ctx, g, gov, src);
                if (alt >= 0 && ResolveActor(ctx, g, alt, false, out sources[0], true)) ks = 1;
            }
        }
        if (ks == 0)
        {
            trace?.Dropped(doc, t, code, "nominal event without a named participant");
            return;
        }
        var place = NounPlace(ctx, g, t) ?? FindPlace(ctx, g, gov, gov);
        Emit(ctx, sentence, t, sources.AsSpan(0, ks), targets.AsSpan(0, kt), code, code + ":n:" + StringStore.Get(g.Lemma(t)), 0.7, false, place);
    }

    /// <summary>A modifier saying the nominal event did not (yet) happen ("a planned trip", "the proposed talks", "a meeting
    /// that was cancelled"), or null.</summary>
    private string? NotHappened(in SentenceGraph g, int noun)
    {
        for (int c = g.FirstChild(noun); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            if (r is Rel.Amod or Rel.Relcl or Rel.Acl && _w.Unrealised.Contains(g.Lemma(c))) return StringStore.Get(g.Lemma(c));
        }
        return null;
    }

    /// <summary>The event noun a light verb takes its meaning from: its object ("held talks") or the object's "of" phrase
    /// ("led nine rounds of talks"); -1 if none.</summary>
    private int EventNounObject(in SentenceGraph g, int t, out string? code)
    {
        code = null;
        int o = g.Child(t, Rel.Obj);
        if (o < 0) return -1;
        code = _w.EventNounCode(g.Lemma(o));
        if (code is not null) return o;
        for (int c = g.FirstChild(o); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Nmod || !g.HasChildWithLemma(c, Rel.Case, _w.Of)) continue;
            code = _w.EventNounCode(g.Lemma(c));
            if (code is not null) return c;
        }
        return -1;
    }

    /// <summary>The partner phrase of an event noun: "talks with X", "visit to X", "attack on X"; -1 if none.</summary>
    private int NounTarget(in SentenceGraph g, int noun)
    {
        for (int c = g.FirstChild(noun); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Nmod) continue;
            int cs = g.CaseOf(c);
            if (cs >= 0 && _w.TargetPreps.Contains(g.Lemma(cs)) && g.Lemma(cs) != _w.Of) return c;
        }
        return -1;
    }

    /// <summary>The place of a nominal event: "talks ... in Qatar", "attack in Kabul", or a place the parser hung on its partner
    /// ("a meeting with Ghani at Bagram Air Base").</summary>
    private EventPlace? NounPlace(DocContext ctx, in SentenceGraph g, int noun)
    {
        for (int c = g.FirstChild(noun); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Nmod) continue;
            var p = PlaceIn(ctx, g, c);
            if (p is not null) return p;
        }
        int tgt = NounTarget(g, noun);
        if (tgt < 0) return null;
        for (int c = g.FirstChild(tgt); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Nmod) continue;
            var p = PlaceIn(ctx, g, c);
            if (p is not null) return p;
        }
        // "a visit to Washington", "an attack on Sderot": the partner is itself the place.
        var at = PlaceAt(ctx.Doc, g, tgt);
        return at is null ? null : new EventPlace { Name = at.Name ?? at.Text, Country = at.Country, Lat = at.Lat, Lon = at.Lon, GeonameId = at.GeonameId };
    }

    /// <summary>A purpose or complement clause takes the place of the clause it depends on ("arrived in Kabul to meet X").</summary>
    private EventPlace? PurposePlace(DocContext ctx, in SentenceGraph g, int t)
    {
        if (g.RelOf(t) is not (Rel.Advcl or Rel.Xcomp)) return null;
        int h = g.Head(t);
        return h >= 0 && g.Upos(h) == UPos.VERB ? FindPlace(ctx, g, h, h) : null;
    }

    /// <summary>
    /// Another subject candidate for the clause of <paramref name="t"/> when <paramref name="exclude"/> has no actor, for
    /// frequent parser slips: a second nsubj; a time noun whose "after/before" phrase holds the real subject; a vocative or
    /// dislocated nominal before the verb; a nominal coordinated into a fronted oblique ("In Doha, Ambassador X will ...").
    /// -1 if none.
    /// </summary>
    private int AlternateSubject(DocContext ctx, in SentenceGraph g, int t, int exclude)
    {
        int x = t;
        for (int hops = 0; hops < 5; hops++)
        {
            if (g.Child(x, Rel.Nsubj) >= 0 || g.Child(x, Rel.NsubjPass) >= 0) break;
            var r = g.RelOf(x);
            if (r is not (Rel.Conj or Rel.Xcomp or Rel.Advcl) || g.Head(x) < 0) break;
            x = g.Head(x);
        }
        for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            if (r == Rel.Nsubj && c != exclude && IsNamedAgent(ctx, g, c)) return c;
            if (r == Rel.Nsubj && _w.TimeNouns.Contains(g.Lemma(c)))
            {
                for (int k = g.FirstChild(c); k >= 0; k = g.NextSibling(k))
                {
                    if (g.RelOf(k) is not (Rel.Nmod or Rel.Obl)) continue;
                    int cs = g.CaseOf(k);
                    if (cs >= 0 && _w.TemporalPreps.Contains(g.Lemma(cs)) && IsNamedAgent(ctx, g, k)) return k;
                }
            }
            if (r is Rel.Vocative or Rel.Dislocated && c < x && IsNamedAgent(ctx, g, c)) return c;
        }
        if (g.Child(x, Rel.Nsubj) >= 0 || g.Child(x, Rel.NsubjPass) >= 0) return -1;
        for (int c = g.FirstChild(x); c >= 0 && c < x; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Obl) continue;
            for (int k = g.FirstChild(c); k >= 0; k = g.NextSibling(k))
            {
                if (k > x || g.CaseOf(k) >= 0) continue;
                // coordinated into the oblique, or hung on it as flat/appos while being another entity ("In Doha,
                // Ambassador Khalilzad will ...": Khalilzad flat under Doha)
                bool swallowed = g.RelOf(k) == Rel.Conj
                    || g.RelOf(k) is Rel.Flat or Rel.Appos && ctx.EntityAt[k] >= 0 && ctx.EntityAt[k] != ctx.EntityAt[c];
                if (swallowed && IsNamedAgent(ctx, g, k)) return k;
            }
        }
        return -1;
    }

    /// <summary>A repair candidate must be a named person or organisation: a place in those positions is far more often the
    /// parser's slip than the actor ("victories in Arizona ... and Illinois left him").</summary>
    private bool IsNamedAgent(DocContext ctx, in SentenceGraph g, int head)
    {
        if (!ResolveActor(ctx, g, head, false, out var a, true) || a.Entity < 0) return false;
        string type = ctx.Doc.Entities[a.Entity].Type;
        return type is "PER" or "ORG";
    }

    private bool NegotiationNounWithoutPartner(in SentenceGraph g, int noun)
    {
        for (int c = g.FirstChild(noun); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Nmod && g.CaseOf(c) >= 0 && g.Lemma(g.CaseOf(c)) == _w.With) return false;
        return true;
    }

    /// <summary>
    /// The partner of the talks a bare "the talks" / "peace talks" refers to: the named "with" phrase of the nearest other
    /// negotiation noun in this sentence or the <see cref="PartnerLookBack"/> sentences before, other than the source.
    /// </summary>
    private bool NegotiationPartner(DocContext ctx, in SentenceGraph g, int sentence, int noun, in ActorRef source, out ActorRef partner)
    {
        if (FindPartner(ctx, g, noun, source, out partner)) return true;
        for (int s = sentence - 1; s >= 0 && s >= sentence - PartnerLookBack; s--)
        {
            ref readonly var sd = ref ctx.Doc.Sentences[s];
            if (sd.EndToken <= sd.FirstToken) continue;
            int count = sd.EndToken - sd.FirstToken;
            var earlier = new SentenceGraph(ctx.Doc.Tokens, sd.FirstToken, sd.EndToken,
                ctx.FirstChild.AsSpan(sd.FirstToken, count), ctx.NextSibling.AsSpan(sd.FirstToken, count), ctx.Rels.AsSpan(sd.FirstToken, count));
            if (FindPartner(ctx, earlier, -1, source, out partner)) return true;
        }
        partner = default;
        return false;
    }

    private bool FindPartner(DocContext ctx, in SentenceGraph g, int exclude, in ActorRef source, out ActorRef partner)
    {
        for (int k = g.End - 1; k >= g.First; k--)
        {
            if (k == exclude || !_w.NegotiationNouns.Contains(g.Lemma(k))) continue;
            for (int c = g.FirstChild(k); c >= 0; c = g.NextSibling(c))
            {
                if (g.RelOf(c) != Rel.Nmod) continue;
                int cs = g.CaseOf(c);
                if (cs < 0 || g.Lemma(cs) != _w.With) continue;
                if (ResolveActor(ctx, g, c, false, out partner) && partner.Entity >= 0 && !SameActor(partner, source)
                    && partner.Code != source.Code) return true;
            }
        }
        partner = default;
        return false;
    }
}
