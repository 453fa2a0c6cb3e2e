using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

public sealed partial class EventCoder
{
    private static int ChildVerb(in SentenceGraph g, int t, Rel rel)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == rel && g.Upos(c) == UPos.VERB) return c;
        return -1;
    }

    /// <summary>
    /// A subjectless to-infinitive right after an intention or refusal verb is its complement, whatever the parser called
    /// it: "intends to resume talks", "refused to negotiate" are never purpose clauses. Parsers sometimes label them advcl,
    /// which would hide the intention (036) or refusal (12x) the coder composes from xcomp.
    /// </summary>
    private void RepairControlComplements(in SentenceGraph g)
    {
        for (int t = g.First; t < g.End; t++)
        {
            if (g.RelOf(t) != Rel.Advcl || g.Upos(t) != UPos.VERB) continue;
            int h = g.Head(t);
            if (h < 0 || h > t || g.Upos(h) != UPos.VERB) continue;
            int lemma = g.Lemma(h);
            if (!_w.Intent.Contains(lemma) && !_w.Refuse.Contains(lemma)) continue;
            bool to = false, subject = false;
            for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            {
                var r = g.RelOf(c);
                if (r == Rel.Mark && c < t && g.Upos(c) == UPos.PART) to = true;
                else if (r is Rel.Nsubj or Rel.NsubjPass) subject = true;
            }
            if (to && !subject) g.SetRel(t, Rel.Xcomp);
        }
    }

    private bool HasMark(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Mark) continue;
            int l = g.Lemma(c);
            if (l == _w.If || l == _w.Unless || l == _w.Whether) return true;
        }
        return false;
    }

    /// <summary>A past-tense adverbial clause opened by after/before/since/until/when/once: a fact the sentence takes for granted.</summary>
    private bool IsPresupposed(in SentenceGraph g, int clause)
    {
        if (g[clause].Xpos != _w.PastTense) return false;
        for (int c = g.FirstChild(clause); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Mark && _w.PresupposingMarks.Contains(g.Lemma(c))) return true;
        return false;
    }

    /// <summary>Why the clause of <paramref name="t"/> is not asserted as fact (hypothetical, under a non-factive verb), or null.</summary>
    private string? Unasserted(in SentenceGraph g, int t)
    {
        int x = t;
        for (int hops = 0; hops < 8; hops++)
        {
            if (HasMark(g, x)) return "hypothetical (if/unless/whether clause)";
            var r = g.RelOf(x);
            int h = g.Head(x);
            if (h < 0) break;
            if (r == Rel.Advcl && IsPresupposed(g, x)) break;
            if (r is Rel.Ccomp or Rel.Advcl or Rel.Acl or Rel.Xcomp or Rel.Csubj && _w.NonFactive.Contains(g.Lemma(h)))
                return "embedded under '" + StringStore.Get(g.Lemma(h)) + "': not asserted";
            // "promised to abide by a ceasefire to facilitate X": the promise is coded with its complement; what hangs below
            // the complement is part of the intention, not an event of its own.
            if (r == Rel.Xcomp && x != t && _w.Intent.Contains(g.Lemma(h)))
                return "inside what '" + StringStore.Get(g.Lemma(h)) + "' states as an intention: not asserted";
            if (r is Rel.Conj or Rel.Ccomp or Rel.Advcl or Rel.Xcomp or Rel.Parataxis) x = h;
            else break;
        }
        if (Modality(g, t) != 0)
        {
            for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
                if (g.RelOf(c) == Rel.Advcl && HasMark(g, c)) return "conditional (modal with an if/unless clause)";
        }
        return null;
    }

    /// <summary>0 none; 1 will/shall (future, commitment); 2 may/might/could/would/should/can (possibility).</summary>
    private int Modality(in SentenceGraph g, int t)
    {
        int result = 0;
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Aux) continue;
            int l = g.Lemma(c);
            if (_w.Maybe.Contains(l)) return 2;
            if (_w.Will.Contains(l)) result = 1;
        }
        return result;
    }

    private bool HasNegation(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Advmod or Rel.Neg or Rel.Aux or Rel.Other)) continue;
            int l = g.Lemma(c);
            if (l == _w.Not || l == _w.Never || l == _w.Nt) return true;
        }
        return false;
    }

    private static bool IsPassive(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            if (r is Rel.NsubjPass or Rel.AuxPass) return true;
            if (r is Rel.Nsubj) return false;
        }
        return g.RelOf(t) == Rel.Conj && g.Head(t) >= 0 && IsPassive(g, g.Head(t));
    }

    private int PassiveAgent(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            if (r == Rel.OblAgent) return c;
            if (r == Rel.Obl && g.HasChildWithLemma(c, Rel.Case, _w.By)) return c;
        }
        return -1;
    }

    private static int PassiveSubject(in SentenceGraph g, int t)
    {
        for (int x = t, hops = 0; x >= 0 && hops < 4; hops++)
        {
            int s = g.Child(x, Rel.NsubjPass);
            if (s >= 0) return g.RelOf(x) == Rel.Relcl && g.Upos(s) == UPos.PRON ? g.Head(x) : s;
            if (g.RelOf(x) == Rel.Relcl) return g.Head(x);
            if (g.RelOf(x) != Rel.Conj) break;
            x = g.Head(x);
        }
        return -1;
    }

    /// <summary>The subject of <paramref name="t"/>: its own, a relative clause's antecedent, or inherited from the clause it is coordinated with or a complement of.</summary>
    private static int SubjectOf(in SentenceGraph g, int t)
    {
        for (int x = t, hops = 0; x >= 0 && hops < 5; hops++)
        {
            for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
            {
                if (g.RelOf(c) is Rel.Nsubj or Rel.Csubj)
                    return g.RelOf(x) == Rel.Relcl && g.Upos(c) == UPos.PRON ? g.Head(x) : c;
            }
            var r = g.RelOf(x);
            if (r == Rel.Relcl) return g.Head(x);
            if (r == Rel.Xcomp && g.Head(x) >= 0)
            {
                // Object control: "urged the Taliban to negotiate" -> the Taliban.
                int o = g.Child(g.Head(x), Rel.Obj);
                if (o >= 0) return o;
                // Raising from a passive: "he is scheduled / expected to meet" -> he.
                int sp = g.Child(g.Head(x), Rel.NsubjPass);
                if (sp >= 0) return g.RelOf(g.Head(x)) == Rel.Relcl && g.Upos(sp) == UPos.PRON && IsRelativePronoun(g.Lemma(sp)) ? g.Head(g.Head(x)) : sp;
            }
            if (r is Rel.Conj or Rel.Xcomp or Rel.Advcl) { x = g.Head(x); continue; }
            break;
        }
        return -1;
    }

    private static readonly int[] RelativePronounIds = [StringStore.Intern("who"), StringStore.Intern("which"), StringStore.Intern("that"), StringStore.Intern("whom")];

    private static bool IsRelativePronoun(int lemma) => Array.IndexOf(RelativePronounIds, lemma) >= 0;

    /// <summary>The target of the clause: object, indirect object, else an oblique with a target preposition that is not a place.</summary>
    private int ObjectOf(DocContext ctx, in SentenceGraph g, int x)
    {
        int obl = -1;
        for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            if (r == Rel.Obj) return c;
            if (r == Rel.Iobj) obl = obl < 0 || g.RelOf(obl) != Rel.Iobj ? c : obl;
        }
        if (obl >= 0) return obl;
        for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Obl) continue;
            int cs = g.CaseOf(c);
            if (cs < 0 || !_w.TargetPreps.Contains(g.Lemma(cs))) continue;
            if (PlaceAt(ctx.Doc, g, c) is not null && ctx.EntityAt[c] >= 0 && ctx.Doc.Entities[ctx.EntityAt[c]].Actor is null) continue;
            return c;
        }
        return -1;
    }

    /// <summary>Another target candidate when the first has no actor: an oblique with a target preposition of the clause, or a
    /// nominal modifier with one on the object ("resume negotiations with the United States").</summary>
    private int AlternateTarget(DocContext ctx, in SentenceGraph g, int x, int exclude)
    {
        for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            if (c == exclude && r != Rel.Obj) continue;
            if (r == Rel.Obl && c != exclude && IsTargetPrep(g, c) && !IsDate(ctx.Doc, c)) return c;
            if (r is Rel.Obj or Rel.Obl)
            {
                for (int k = g.FirstChild(c); k >= 0; k = g.NextSibling(k))
                {
                    if (g.RelOf(k) == Rel.Nmod && IsTargetPrep(g, k)) return k;
                    // "condemned the sanctions imposed by the EU": the agent of a measure stands for it.
                    if (r == Rel.Obj && g.RelOf(k) == Rel.Acl && g.Upos(k) == UPos.VERB && PassiveAgent(g, k) is int ag and >= 0) return ag;
                }
            }
        }
        return -1;
    }

    /// <summary>"on Tuesday": a date phrase is never a target.</summary>
    private static bool IsDate(Document doc, int token)
    {
        ref readonly var td = ref doc.Tokens[token];
        foreach (var d in doc.Dates)
            if (d.Start <= td.Start && td.End <= d.End) return true;
        return false;
    }

    /// <summary>An infinitive: "(is scheduled) to meet".</summary>
    private static bool HasToMark(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Mark && g.Upos(c) == UPos.PART) return true;
        return false;
    }

    private bool IsTargetPrep(in SentenceGraph g, int x)
    {
        int cs = g.CaseOf(x);
        if (cs < 0) return false;
        int l = g.Lemma(cs);
        return _w.TargetPreps.Contains(l) || _w.Including.Contains(l) || l == _w.From;
    }


    /// <summary>The head and its coordinated conjuncts ("the US and Britain" -> US, Britain).</summary>
    private static int Coordinated(in SentenceGraph g, int head, Span<int> heads)
    {
        int n = 0;
        heads[n++] = head;
        for (int i = 0; i < n && n < heads.Length; i++)
        {
            for (int c = g.FirstChild(heads[i]); c >= 0 && n < heads.Length; c = g.NextSibling(c))
                if (g.RelOf(c) == Rel.Conj) heads[n++] = c;
        }
        return n;
    }

    /// <summary>
    /// The actor of a noun phrase headed by <paramref name="head"/>: the entity covering the head (or its coreference
    /// cluster's actor); else an entity among its modifiers, with the head's agent role added to a bare country
    /// ("Afghan soldiers" -> AFGMIL); else the agent role alone ("police" -> COP).
    /// </summary>
    private bool ResolveActor(DocContext ctx, in SentenceGraph g, int head, bool allowAgentOnly, out ActorRef a, bool asSource = false)
    {
        a = default;
        var doc = ctx.Doc;
        var entities = doc.Entities;
        int e = ctx.EntityAt[head];
        if (e >= 0)
        {
            int ae = ctx.ActorEntity(e);
            if (ae >= 0)
            {
                var m = entities[e];
                a = new ActorRef { Entity = e, Cluster = m.Cluster, Code = entities[ae].Actor!, Name = entities[ae].Name ?? m.Name, Start = m.Start, End = m.End, Confidence = m.Confidence >= 1 ? 1 : Math.Max(0.5, m.Confidence) };
                return true;
            }
        }
        ref readonly var ht = ref doc.Tokens[head];
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
        {
            var cr = g.RelOf(c);
            if (cr is not (Rel.Compound or Rel.Amod or Rel.Poss or Rel.Nmod or Rel.Flat or Rel.Appos)) continue;
            int ce = ctx.EntityAt[c];
            if (ce < 0 && g.Upos(head) == UPos.PROPN && cr is Rel.Nmod or Rel.Compound or Rel.Flat)
            {
                // A title whose name the parser hung one level down: "U.S. Special Representative for Afghanistan
                // Reconciliation Zalmay Khalilzad", the name as flat under "Reconciliation". Only a person's name.
                int name = NameBelow(ctx, g, c);
                if (name < 0) continue;
                c = name;
                ce = ctx.EntityAt[c];
                cr = Rel.Appos;
            }
            if (ce < 0) continue;
            int ae = ctx.ActorEntity(ce);
            if (ae < 0) continue;
            string? role = _data.Agents.RoleOf(g, head);
            // A named modifier stands for the phrase only when the head is an agent ("Afghan soldiers", "the government of
            // Iran") or part of the name; not for "the Fallujah fighting" or "a program of Iran".
            // An event noun stands for its agent: "a Taliban attack that killed ..." -> the Taliban.
            bool eventNoun = asSource && role is null && cr is Rel.Compound or Rel.Amod or Rel.Poss && _w.IsEventNoun(g.Lemma(head));
            if (cr is not (Rel.Flat or Rel.Appos) && role is null && !eventNoun && g.Upos(head) != UPos.PROPN) continue;
            var m = entities[ce];
            string code = entities[ae].Actor!;
            if (role is not null && code.Length == 3 && _data.Countries.IsCountry(code)) code += role;
            a = new ActorRef
            {
                Entity = ce, Cluster = m.Cluster, Code = code, Name = entities[ae].Name ?? m.Name,
                Start = Math.Min(m.Start, ht.Start), End = Math.Max(m.End, ht.End), Confidence = 0.9,
            };
            return true;
        }
        if (allowAgentOnly && g.Upos(head) is UPos.NOUN)
        {
            string? role = _data.Agents.RoleOf(g, head);
            if (role is not null)
            {
                // "Hong Kong police": a place modifier the linker gave no actor code still gives the country.
                string? country = role != PeopleRole ? ModifierPlaceCountry(ctx, g, head) : null;
                a = new ActorRef { Entity = -1, Cluster = -1, Code = country + role, Start = ht.Start, End = ht.End, Confidence = 0.6 };
                return true;
            }
        }
        return false;
    }

    /// <summary>A flat, compound or appositive child of <paramref name="t"/> inside a person's name that has an actor, or -1.</summary>
    private static int NameBelow(DocContext ctx, in SentenceGraph g, int t)
    {
        var entities = ctx.Doc.Entities;
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Flat or Rel.Compound or Rel.Appos)) continue;
            int e = ctx.EntityAt[c];
            if (e >= 0 && entities[e].Type == "PER" && ctx.ActorEntity(e) >= 0) return c;
        }
        return -1;
    }

    private static bool SameActor(in ActorRef x, in ActorRef y)
    {
        if (x.Entity >= 0 && x.Entity == y.Entity) return true;
        if (x.Cluster >= 0 && x.Cluster == y.Cluster) return true;
        return x.Start == y.Start && x.End == y.End;
    }

    private EventActor ToEventActor(Document doc, in ActorRef a)
    {
        string? country = a.Code.Length >= 3 && _data.Countries.IsCountry(a.Code.AsSpan(0, 3)) ? a.Code[..3] : null;
        return new EventActor { Text = doc.Text[a.Start..a.End], Actor = a.Code, Country = country, Name = a.Name, Start = a.Start, End = a.End };
    }

    private static string? SentenceDate(Document doc, in SentenceData sd)
    {
        foreach (var d in doc.Dates)
            if (d.Start >= sd.Start && d.End <= sd.End && d.Value is not null) return d.Value;
        return null;
    }

    /// <summary>
    /// "This came after a Taliban attack ...": a sentence without a date of its own whose subject is a demonstrative standing
    /// for the previous sentence's event is dated by that sentence, at month grain (the events it relates are near that
    /// date, not on it); null otherwise.
    /// </summary>
    private string? AnaphoricDate(Document doc, int sentence)
    {
        if (sentence == 0) return null;
        ref readonly var sd = ref doc.Sentences[sentence];
        int first = sd.FirstToken;
        if (first >= sd.EndToken) return null;
        ref readonly var td = ref doc.Tokens[first];
        if (td.Upos != UPos.PRON || !_w.Demonstratives.Contains(td.Lemma) || Rels.Of(td.Deprel) is not (Rel.Nsubj or Rel.NsubjPass)) return null;
        string? previous = SentenceDate(doc, doc.Sentences[sentence - 1]);
        if (previous is null) return null;
        return previous.Length == 10 && previous[4] == '-' && previous[7] == '-' ? previous[..7] : previous;
    }

    /// <summary>The place the sentence ties to the action: a place mention in an oblique of the verb ("in Kabul", "at Bagram Air Base").</summary>
    private EventPlace? FindPlace(DocContext ctx, in SentenceGraph g, int clause, int t)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            int x = pass == 0 ? clause : t;
            if (pass == 1 && x == clause) break;
            for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
            {
                var r = g.RelOf(c);
                if (r == Rel.Obl)
                {
                    var p = PlaceIn(ctx, g, c);
                    if (p is not null) return p;
                }
                // A parser often attaches "in Kabul" to the object or oblique rather than to the verb.
                if (r is Rel.Obj or Rel.Obl)
                {
                    for (int k = g.FirstChild(c); k >= 0; k = g.NextSibling(k))
                    {
                        if (g.RelOf(k) != Rel.Nmod) continue;
                        var p = PlaceIn(ctx, g, k);
                        if (p is not null) return p;
                    }
                }
            }
        }
        return null;
    }

    private EventPlace? PlaceIn(DocContext ctx, in SentenceGraph g, int phrase)
    {
        int cs = g.CaseOf(phrase);
        if (cs < 0 || !_w.PlacePreps.Contains(g.Lemma(cs))) return null;
        var p = PlaceAt(ctx.Doc, g, phrase);
        return p is null ? null : new EventPlace { Name = p.Name ?? p.Text, Country = p.Country, Lat = p.Lat, Lon = p.Lon, GeonameId = p.GeonameId };
    }

    private static PlaceMention? PlaceAt(Document doc, in SentenceGraph g, int token)
    {
        if (doc.Places.Count == 0) return null;
        ref readonly var td = ref doc.Tokens[token];
        foreach (var p in doc.Places)
            if (p.Start <= td.Start && td.End <= p.End) return p;
        for (int c = g.FirstChild(token); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Compound or Rel.Flat)) continue;
            ref readonly var cd = ref doc.Tokens[c];
            foreach (var p in doc.Places)
                if (p.Start <= cd.Start && cd.End <= p.End) return p;
        }
        return null;
    }

    private static string TokenText(Document doc, int t)
    {
        ref readonly var td = ref doc.Tokens[t];
        return doc.Text[td.Start..td.End];
    }

    private static string ParticleLabel(VerbEntry e) => e.ParticleWords.Length == 0 ? "" : "+" + string.Join('+', e.ParticleWords);

    private static string Describe(in VerbMatch m) =>
        m.Pattern is not null
            ? $"verb '{m.Entry.Lemma}{ParticleLabel(m.Entry)}' [{m.Entry.Block.Name}]: pattern line {m.Pattern.Line} '{m.Pattern.Label}' -> {m.Pattern.Code ?? "---"}{(m.Pattern.ReverseCode is null ? "" : ":" + m.Pattern.ReverseCode)}"
            : $"verb '{m.Entry.Lemma}{ParticleLabel(m.Entry)}' [{m.Entry.Block.Name}]: no pattern matched, verb code {m.Code ?? "---"}";
}
