using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>Event nouns as events of their own: "talks between X and Y", "the attack on X", "X's visit to Y".</summary>
public sealed partial class EventCoder
{
    /// <summary>
    /// A nominal event that is a circumstance of its clause: "Trump said during a meeting with Ghani" (source: the clause's
    /// subject, target: the "with" phrase), "raised during Trump's visit to Afghanistan" (source: the possessor); or the
    /// subject of a verb of occurrence ("Johnson's visit to Washington lasted two days", "talks between X and Y took place").
    /// Both actors must be named; nouns that are another verb's subject or object are coded with that verb, not here.
    /// </summary>
    private void CodeNominal(DocumentContext ctx, SentenceGraph g, int sentence, int t, string code)
    {
        var doc = ctx.Doc;
        var trace = ctx.Trace;
        int gov = g.Head(t);
        // A light verb that took its code from this noun ("held talks with X") has coded it already.
        if (gov >= 0 && g.RelOf(t) == Rel.Obj && _w.LightVerbs.Contains(g.Lemma(gov))) return;
        bool asSubject = g.RelOf(t) == Rel.Nsubj && gov >= 0 && g.Upos(gov) == UPos.VERB;
        bool circumstance = g.RelOf(t) == Rel.Obl && gov >= 0 && g.Upos(gov) == UPos.VERB && ClauseAnalyzer.HasCase(g, t, _w.CircumstancePreps);
        if (asSubject)
        {
            int l = g.Lemma(gov);
            bool occurrence = _w.OccurrenceVerbs.Contains(l) && (l != _w.Take || g.HasChildWithLemma(gov, Rel.Obj, _w.Place));
            trace?.Step(doc, t, $"event noun '{ctx.TokenText(t)}' ({code}) as subject of '{StringStore.Get(l)}'");
            if (!occurrence) asSubject = false;
        }
        else if (circumstance) trace?.Step(doc, t, $"event noun '{ctx.TokenText(t)}' ({code}) under '{StringStore.Get(g.Lemma(g.CaseOf(t)))}'");
        else trace?.Step(doc, t, $"event noun '{ctx.TokenText(t)}' ({code})");
        // The clause the noun belongs to decides whether it is asserted ("X denied the attack on Y" is not).
        int clauseVerb = gov;
        while (clauseVerb >= 0 && g.Upos(clauseVerb) != UPos.VERB) clauseVerb = g.Head(clauseVerb);
        string? why = _petrarch || clauseVerb < 0 ? null : _clauses.Unasserted(g, clauseVerb);
        if (why is null && !_petrarch && clauseVerb >= 0 && _clauses.ModalityOf(g, clauseVerb) != Modality.None) why = "clause with a modal: not asserted";
        if (why is null && !_petrarch && clauseVerb >= 0 && (_clauses.IsNegated(g, clauseVerb) || _w.NonFactive.Contains(g.Lemma(clauseVerb))))
            why = "under a negated or non-factive verb ('" + StringStore.Get(g.Lemma(clauseVerb)) + "'): not asserted";
        if (why is null && NotHappened(g, t) is { } w) why = "'" + w + "' event: not asserted";
        if (why is not null)
        {
            trace?.Dropped(doc, t, code, why);
            return;
        }

        var targets = new List<ActorRef>();
        var sources = new List<ActorRef>();
        int between = BetweenPhrase(g, t);
        if (between >= 0)
        {
            // "talks between X and Y": the two sides, each the other's target.
            _actors.Resolve(ctx, g, between, false, sources);
        }
        else
        {
            int tgt = NounTarget(g, t);
            if (tgt >= 0) _actors.Resolve(ctx, g, tgt, false, targets);
            if (targets.Count == 0)
            {
                trace?.Dropped(doc, t, code, "nominal event without a named target");
                return;
            }
            for (int c = g.FirstChild(t); c >= 0 && sources.Count == 0; c = g.NextSibling(c))
            {
                if (g.RelOf(c) is not (Rel.Poss or Rel.Compound or Rel.Amod)) continue;
                _actors.Resolve(ctx, g, c, false, sources);
            }
            if (sources.Count == 0 && circumstance)
            {
                // The participant is the subject of the clause the event noun is a circumstance of.
                int src = _clauses.SubjectOf(g, gov);
                if (src >= 0) _actors.Resolve(ctx, g, src, false, sources);
                if (sources.Count == 0)
                {
                    int alt = AlternateSubject(ctx, g, gov, src);
                    if (alt >= 0) _actors.Resolve(ctx, g, alt, false, sources);
                }
            }
        }
        if (sources.Count == 0 || between >= 0 && sources.Count < 2)
        {
            trace?.Dropped(doc, t, code, "nominal event without a named participant");
            return;
        }
        sources.RemoveAll(a => a.Generic);
        targets.RemoveAll(a => a.Generic);
        if (sources.Count == 0) return;
        var plan = new EventPlan
        {
            Sentence = sentence, Trigger = t, Clause = clauseVerb >= 0 ? clauseVerb : t, Code = code, Rule = "n:" + StringStore.Get(g.Lemma(t)), Confidence = 0.7,
            Place = NounPlace(ctx, g, t) ?? (clauseVerb >= 0 && circumstance ? FindPlace(ctx, g, clauseVerb, clauseVerb) : null), Nominal = true,
        };
        if (between >= 0 && !_ontology.IsMutual(code) && !_petrarch) return;
        Emit(ctx, g, plan, sources, targets);
    }

    /// <summary>"talks between X and Y": the "between"/"among" phrase of an event noun, or -1.</summary>
    private int BetweenPhrase(in SentenceGraph g, int noun)
    {
        for (int c = g.FirstChild(noun); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Nmod && ClauseAnalyzer.HasCase(g, c, _w.BetweenPreps)) return c;
        return -1;
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
        // "left Bonn ahead of her visit to Moscow", "pending talks with the banks": an event still to come.
        if (g.Head(noun) is int ahead and >= 0 && g.RelOf(noun) == Rel.Obl && _w.ProspectivePreps.Contains(g.Lemma(ahead)))
            return StringStore.Get(g.Lemma(ahead));
        if (g.CaseOf(noun) is int prep and >= 0 && _w.ProspectivePreps.Contains(g.Lemma(prep))) return StringStore.Get(g.Lemma(prep));
        // "worked to arrange a meeting between Zelensky and Trump", "postponed the talks": the object of a verb that plans,
        // seeks or calls off an event has not happened (issue 11).
        if (g.RelOf(noun) is Rel.Obj or Rel.NsubjPass && g.Head(noun) is int verb and >= 0 && g.Upos(verb) == UPos.VERB
            && _w.UnrealisingVerbs.Contains(g.Lemma(verb)))
            return StringStore.Get(g.Lemma(verb));
        return null;
    }
}
