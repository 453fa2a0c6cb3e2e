using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>What the clause of a predicate asserts: a modal, a negation, a condition...</summary>
internal enum Modality : byte
{
    /// <summary>Asserted as it is ("attacked", "attacks", "has attacked").</summary>
    None,
    /// <summary>Stated for the future: will/shall, "is about to", "is set to", a headline's "X to visit Y".</summary>
    Future,
    /// <summary>May, might, could, would, should, can, must: a possibility or an obligation, not an event.</summary>
    Possible,
}

/// <summary>
/// Clause analysis over one sentence's dependency parse: where a predicate's subject and objects are, whether it is
/// passive, negated, modal, conditional or embedded under a verb that does not assert it, and the repairs of frequent
/// parser slips. Stateless apart from the word lists; every method reads the parse only.
/// </summary>
internal sealed partial class ClauseAnalyzer(CoderWords w)
{
    private readonly CoderWords _w = w;

    public CoderWords Words => _w;

    // ---- repairs ----

    /// <summary>
    /// Repairs of parser slips that the argument rules below rely on, applied to the sentence's relations in place:
    /// a subjectless to-infinitive right after an intention or refusal verb is its complement whatever the parser called
    /// it ("intends to resume talks", "refused to negotiate" are never purpose clauses).
    /// </summary>
    public void Repair(in SentenceGraph g)
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
        RepairCopularPassives(g);
        RepairBarePassiveSubjects(g);
        RepairDisplacedAddressees(g);
    }

    // ---- modality, negation, assertion ----

    /// <summary>The predicate's modality: its own auxiliaries, "be about/set/poised to", a headline's bare "X to V".</summary>
    public Modality ModalityOf(in SentenceGraph g, int t)
    {
        var result = Modality.None;
        bool perfect = false;
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Aux) continue;
            int l = g.Lemma(c);
            if (_w.PossibilityModals.Contains(l)) return Modality.Possible;
            if (_w.FutureModals.Contains(l)) result = Modality.Future;
            if (l == _w.Have) perfect = true;
        }
        // "would have preferred", "will have met": a modal perfect is a counterfactual or a guess, not a plan.
        if (result == Modality.Future && perfect) return Modality.Possible;
        if (result == Modality.None && IsImminent(g, t)) result = Modality.Future;
        if (result == Modality.None && g.RelOf(t) == Rel.Root && HasToMark(g, t) && SubjectOwn(g, t) >= 0) result = Modality.Future;
        return result;
    }

    /// <summary>"Arnor is about to restore ties", "X is set to meet Y": the infinitive under a copular adjective of
    /// imminence or plan.</summary>
    public bool IsImminent(in SentenceGraph g, int t)
    {
        if (g.RelOf(t) != Rel.Xcomp) return false;
        int h = g.Head(t);
        return h >= 0 && g.Upos(h) is UPos.ADJ or UPos.ADV or UPos.ADP or UPos.VERB
            && (_w.ImminentAdjectives.Contains(g.Lemma(h)) || _w.ForecastAdjectives.Contains(g.Lemma(h)))
            && (g.Child(h, Rel.Cop) >= 0 || g.Child(h, Rel.Aux) >= 0 || g.Child(h, Rel.AuxPass) >= 0 || g.Upos(h) != UPos.VERB);
    }

    /// <summary>"the leaders are expected to discuss", "is likely to meet": the infinitive under an adjective of others'
    /// forecast (<see cref="IsImminent"/>), no intention of its actor.</summary>
    public bool IsForecast(in SentenceGraph g, int t) => IsImminent(g, t) && _w.ForecastAdjectives.Contains(g.Lemma(g.Head(t)));

    /// <summary>"not", "never", "n't" on the predicate, or "neither", "no" before its subject.</summary>
    public bool IsNegated(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            // "nor does she kill": the coordinator negates its clause.
            if (g.RelOf(c) == Rel.Cc && _w.Negation.Contains(g.Lemma(c))) return true;
            if (g.RelOf(c) is not (Rel.Advmod or Rel.Neg or Rel.Aux or Rel.Other or Rel.Det)) continue;
            if (_w.Negation.Contains(g.Lemma(c)) && (g.RelOf(c) != Rel.Det || c < t)) return true;
        }
        // "neither Congress nor the administration wants to undermine ...", "no country has agreed": a negation before the
        // subject denies the predicate.
        // The subject nearest the predicate: a first one of two is a parser slip ("No date has been set but Straw has
        // suggested ..." with "date" a second subject of "suggested").
        int subject = -1;
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Nsubj) subject = c;
        if (subject >= 0)
            for (int c = g.FirstChild(subject); c >= 0 && c < subject; c = g.NextSibling(c))
                if (_w.Negation.Contains(g.Lemma(c)) && g.RelOf(c) is Rel.Det or Rel.Cc or Rel.Other or Rel.Advmod) return true;
        return false;
    }

    /// <summary>A negating determiner on the predicate's object ("gave no details", "reached no agreement"): the act is
    /// denied as surely as by "not"; -1 when there is none.</summary>
    public int NegatedObject(in SentenceGraph g, int t)
    {
        int o = g.Child(t, Rel.Obj);
        if (o < 0) return -1;
        for (int c = g.FirstChild(o); c >= 0 && c < o; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Det && _w.Negation.Contains(g.Lemma(c))) return c;
        return -1;
    }

    /// <summary>An adverb of habit on the predicate ("normally meet", "usually sells"), or -1.</summary>
    public int HabitualAdverb(in SentenceGraph g, int t) => g.ChildWithLemma(t, Rel.Advmod, _w.HabitualAdverbs);

    /// <summary><paramref name="x"/> lies in an if/unless/whether clause below <paramref name="top"/> (or is one): "said
    /// Greece and Turkey might end up in court if talks would fail" judges no one by "fail". A cause clause on the way
    /// ("because he was borrowing too much") is asserted wherever the parser hangs it.</summary>
    public bool InHypotheticalClause(in SentenceGraph g, int x, int top)
    {
        for (int h = x, hops = 0; h >= 0 && h != top && hops < 16; h = g.Head(h), hops++)
        {
            if (HasHypotheticalMark(g, h)) return true;
            if (HasMark(g, h, _w.CauseMarks)) return false;
        }
        return false;
    }

    private static bool HasMark(in SentenceGraph g, int t, HashSet<int> marks) => g.ChildWithLemma(t, Rel.Mark, marks) >= 0;

    private bool HasHypotheticalMark(in SentenceGraph g, int t) => HasMark(g, t, _w.HypotheticalMarks);

    /// <summary>"rather than for the Bundesbank to ease", "instead of raising rates": the predicate is opened by a word of
    /// alternative with its preposition fixed to it (the next word hangs on it: "rather than", "instead of"), what is set aside in favour of another.</summary>
    private bool IsAlternative(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) is Rel.Cc or Rel.Mark or Rel.Case or Rel.Advmod && _w.AlternativeMarks.Contains(g.Lemma(c))
                && c + 1 < g.End && g.Head(c + 1) == c && g.Upos(c + 1) is UPos.ADP or UPos.SCONJ)
                return true;
        return false;
    }

    private static readonly int BaseForm = StringStore.Intern("VB");

    /// <summary>A base-form verb with no subject, auxiliary or "to" of its own ("... and then visit their polling places").</summary>
    private static bool IsBareInfinitive(in SentenceGraph g, int t)
    {
        if (g[t].Xpos != BaseForm) return false;
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) is Rel.Nsubj or Rel.NsubjPass or Rel.Aux or Rel.AuxPass or Rel.Mark) return false;
        return true;
    }

    /// <summary>An adverbial clause of <paramref name="h"/> other than <paramref name="except"/> opened by if/unless/whether,
    /// or led by one ("If it wins a third term in the election expected this year, ..." with "wins" hung on "expected").</summary>
    public bool HasHypotheticalAdverbial(in SentenceGraph g, int h, int except)
    {
        for (int c = g.FirstChild(h); c >= 0; c = g.NextSibling(c))
        {
            if (c == except || g.RelOf(c) != Rel.Advcl) continue;
            if (HasHypotheticalMark(g, c)) return true;
            for (int d = g.FirstChild(c); d >= 0 && d < c; d = g.NextSibling(d))
                if (g.RelOf(d) == Rel.Advcl && HasHypotheticalMark(g, d)) return true;
        }
        return false;
    }

    /// <summary>The clauses of <paramref name="h"/> opened by if/unless/whether ("would retaliate if Belmaria ..."): adverbial,
    /// or a complement where the parser made one of it.</summary>
    public IEnumerable<int> HypotheticalAdverbials(SentenceGraph g, int h)
    {
        var found = new List<int>(2);
        for (int c = g.FirstChild(h); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) is Rel.Advcl or Rel.Ccomp && c > h && HasHypotheticalMark(g, c)) found.Add(c);
        return found;
    }

    /// <summary>The modality of <paramref name="t"/>'s clause: its own, else, for a participle with no subject or auxiliary of
    /// its own hanging on another predicate ("he will argue, while suggesting that ..."), that predicate's (issue 11).</summary>
    public Modality ClauseModality(in SentenceGraph g, int t)
    {
        var own = ModalityOf(g, t);
        if (own != Modality.None || g.RelOf(t) is not (Rel.Advcl or Rel.Conj) || g[t].Xpos != _w.PresentParticiple || g.Head(t) is not (int h and >= 0)) return own;
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) is Rel.Nsubj or Rel.NsubjPass or Rel.Aux or Rel.AuxPass) return own;
        return ModalityOf(g, h);
    }

    private bool HasFirstPersonSubject(in SentenceGraph g, int verb)
    {
        int s = g.Child(verb, Rel.Nsubj);
        return s >= 0 && _w.PronounsFirst.Contains(g.Lemma(s));
    }

    /// <summary>"He will remain on the job until Greenspan's nomination is approved by the Senate": in English a clause of time
    /// (until/when/once/before/after) speaks of the future in the present tense, so below a predicate of the future or of
    /// possibility it is what is expected to happen, no event (issue 11, Reuters round 28). A headline's present ("Shares
    /// fall after X cuts rates") has no future above it and is left alone.</summary>
    private bool IsExpectedAfterFuture(in SentenceGraph g, int clause, int head) =>
        HasMark(g, clause, _w.PresupposingMarks) && IsPresentTense(g, clause) && ModalityOf(g, head) != Modality.None;

    private static readonly int PresentThird = StringStore.Intern("VBZ"), PresentOther = StringStore.Intern("VBP");

    /// <summary>The predicate or its auxiliary or copula is in the present tense ("approves", "is approved", "are ready").</summary>
    private static bool IsPresentTense(in SentenceGraph g, int t)
    {
        if (g[t].Xpos == PresentThird || g[t].Xpos == PresentOther) return true;
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) is Rel.Aux or Rel.AuxPass or Rel.Cop && (g[c].Xpos == PresentThird || g[c].Xpos == PresentOther)) return true;
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
    public string? Unasserted(in SentenceGraph g, int t)
    {
        int x = t;
        for (int hops = 0; hops < 8; hops++)
        {
            if (HasHypotheticalMark(g, x)) return "hypothetical (if/unless/whether clause)";
            if (IsAlternative(g, x)) return "an alternative set aside ('rather than ...', 'instead of ...'): not asserted";
            var r = g.RelOf(x);
            int h = g.Head(x);
            if (h < 0) break;
            if (r == Rel.Advcl && IsExpectedAfterFuture(g, x, h)) return "present tense after '" + StringStore.Get(g.Lemma(g.ChildWithLemma(x, Rel.Mark, _w.PresupposingMarks))) + "' below a future: expected, not asserted";
            if (r == Rel.Advcl && IsPresupposed(g, x)) break;
            // "No group claimed the attack, but militias had made threats": a clause opened by "but"/"and" that the parser
            // hung as an adverbial is a coordinate clause of its own, not what the verb above states. An infinitive so opened
            // ("And, more specifically, to demonstrate the central role Mr Brown will play") is still a purpose (issue 11).
            if (r == Rel.Advcl && g.Child(x, Rel.Cc) >= 0 && !HasToMark(g, x)) break;
            // "troops remained in Iraq to prevent ISIS from gaining ground": an infinitive of purpose says what was meant, not
            // what happened.
            // Meetings are the exception: "arrived in Kabul to meet officials" reports a meeting news takes as held.
            if (r == Rel.Advcl && HasToMark(g, x) && !_w.PurposeContact.Contains(g.Lemma(x)))
                return "purpose clause ('... to prevent X'): not asserted";
            // "We have to stop attacking each other": what someone has to do is an obligation, not an event.
            if (r == Rel.Xcomp && g.Lemma(h) == _w.Have && HasToMark(g, x)) return "obligation ('has to ...'): not asserted";
            if (r is Rel.Ccomp or Rel.Advcl or Rel.Acl or Rel.Xcomp or Rel.Csubj && _w.NonFactive.Contains(g.Lemma(h)))
                return "embedded under '" + StringStore.Get(g.Lemma(h)) + "': not asserted";
            // "Eyskens believed the countries had agreed ranges": a third party's belief is an opinion, not a reported event;
            // "we believe ..." in the speaker's own words is a hedge on what they say and stays said.
            if (r == Rel.Ccomp && _w.Belief.Contains(g.Lemma(h)) && !HasFirstPersonSubject(g, h))
                return "believed by the subject of '" + StringStore.Get(g.Lemma(h)) + "': an opinion, not asserted";
            // "dismissed reports he told Gordon Brown he would quit": the content of a claim that a verb disputes is not
            // asserted, whether the parser hangs it as a content or a relative clause of the claim noun (issue 11).
            if (r is Rel.Acl or Rel.Relcl && _w.ClaimNouns.Contains(g.Lemma(h)) && g.RelOf(h) == Rel.Obj && g.Head(h) is int dv and >= 0
                && _w.ClaimDisputing.Contains(g.Lemma(dv)))
                return "claim disputed by '" + StringStore.Get(g.Lemma(dv)) + "': not asserted";
            // "promised to abide by a ceasefire to facilitate X": the promise is coded with its complement; what hangs below
            // the complement is part of the intention, not an event of its own.
            if (r == Rel.Xcomp && x != t && _w.Intent.Contains(g.Lemma(h)))
                return "inside what '" + StringStore.Get(g.Lemma(h)) + "' states as an intention: not asserted";
            // "He suggested supporters fill out absentee ballots, and then visit their polling places": a bare infinitive
            // with no subject or auxiliary of its own that the parser coordinated with a finite verb is a second complement
            // of that verb's infinitive (its xcomp), read from there (issue 11).
            if (r == Rel.Conj && IsBareInfinitive(g, x) && g[h].Xpos != BaseForm && ChildVerb(g, h, Rel.Xcomp) is int sibling and >= 0 && sibling < x)
            {
                x = sibling;
                continue;
            }
            if (r is not (Rel.Conj or Rel.Ccomp or Rel.Advcl or Rel.Xcomp or Rel.Parataxis)) break;
            // "If it wins a third term, Labour is committed to giving parents more choice ...; allowing schools to ...": a
            // clause below a present or future predicate with an if/unless clause is conditional on it, as that predicate is.
            // A past one stays asserted ("If elected, he pledged to ...": the pledge was made).
            if (g[h].Xpos != _w.PastTense && HasHypotheticalAdverbial(g, h, x)) return "conditional (below a predicate with an if/unless clause)";
            x = h;
        }
        if (ModalityOf(g, t) != Modality.None)
        {
            for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
                if (g.RelOf(c) == Rel.Advcl && HasHypotheticalMark(g, c)) return "conditional (modal with an if/unless clause)";
        }
        return null;
    }

    /// <summary>A sentence ending in a question mark (inside closing quotes and brackets too).</summary>
    public static bool IsQuestion(Document doc, in SentenceData sd)
    {
        var text = doc.Text.AsSpan(sd.Start, sd.End - sd.Start).TrimEnd();
        while (text.Length > 0 && text[^1] is '"' or '\'' or '\u201D' or '\u2019' or ')') text = text[..^1].TrimEnd();
        return text.Length > 0 && text[^1] == '?';
    }

    // ---- arguments ----

    public static bool IsPassive(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            if (r is Rel.NsubjPass or Rel.AuxPass) return true;
            if (r is Rel.Nsubj) return false;
        }
        return g.RelOf(t) == Rel.Conj && g.Head(t) >= 0 && IsPassive(g, g.Head(t));
    }

    public int PassiveAgent(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            if (r == Rel.OblAgent) return c;
            if (r == Rel.Obl && g.HasChildWithLemma(c, Rel.Case, _w.By)) return c;
        }
        return -1;
    }

    public static int PassiveSubject(in SentenceGraph g, int t)
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

    /// <summary>The predicate's own nsubj, or -1.</summary>
    private static int SubjectOwn(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c)) if (g.RelOf(c) is Rel.Nsubj or Rel.Csubj) return c;
        return -1;
    }

    /// <summary>The subject of <paramref name="t"/>: its own, a relative clause's antecedent, or inherited from the clause it is
    /// coordinated with or a complement of (object control, raising from a passive or a copular adjective: "Arnor is about to
    /// restore ties").</summary>
    /// <summary>
    /// A participle after a comma that the parser hung on the nearest noun ("emphasized the requirement of approval,
    /// saying ..."): an adverbial clause of the verb above, whose subject it shares. Returns that verb, or -1.
    /// </summary>
    public static int DetachedParticipleVerb(in SentenceGraph g, int t)
    {
        if (g.RelOf(t) != Rel.Acl || g.Upos(t) != UPos.VERB || t - 1 < g.First || StringStore.Get(g[t].Xpos) != "VBG") return -1;
        if (g.Upos(t - 1) != UPos.PUNCT || g.Child(t, Rel.Nsubj) >= 0) return -1;
        for (int x = g.Head(t), hops = 0; x >= 0 && hops < 4; x = g.Head(x), hops++)
            if (g.Upos(x) == UPos.VERB) return x;
        return -1;
    }

    public int SubjectOf(in SentenceGraph g, int t)
    {
        for (int x = t, hops = 0; x >= 0 && hops < 5; hops++)
        {
            if (DetachedParticipleVerb(g, x) is int main and >= 0) { x = main; continue; }
            for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
            {
                if (g.RelOf(c) is Rel.Nsubj or Rel.Csubj)
                    return g.RelOf(x) == Rel.Relcl && g.Upos(c) == UPos.PRON && _w.RelativePronouns.Contains(g.Lemma(c)) ? g.Head(x) : c;
            }
            var r = g.RelOf(x);
            if (r == Rel.Relcl) return g.Head(x);
            if (r == Rel.Xcomp && g.Head(x) >= 0)
            {
                int h = g.Head(x);
                // Object control: "urged the Taliban to negotiate" -> the Taliban.
                int o = g.Child(h, Rel.Obj);
                if (o >= 0 && g.Upos(h) == UPos.VERB) return o;
                // Raising from a passive: "he is scheduled / expected to meet" -> he.
                int sp = g.Child(h, Rel.NsubjPass);
                if (sp >= 0) return g.RelOf(h) == Rel.Relcl && g.Upos(sp) == UPos.PRON && _w.RelativePronouns.Contains(g.Lemma(sp)) ? g.Head(h) : sp;
            }
            if (r is Rel.Conj or Rel.Xcomp or Rel.Advcl) { x = g.Head(x); continue; }
            break;
        }
        return -1;
    }

    /// <summary>Direct object, else indirect object, of the clause headed by <paramref name="x"/>; -1 if none.</summary>
    public static int DirectObject(in SentenceGraph g, int x)
    {
        int io = -1;
        for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            if (r == Rel.Obj) return c;
            if (r == Rel.Iobj && io < 0) io = c;
        }
        if (io >= 0) return io;
        int stranded = StrandedObject(g, x);
        if (stranded >= 0) return stranded;
        int addressee = RepairedAddressee(g, x);
        return addressee >= 0 ? addressee : DisplacedObject(g, x);
    }

    /// <summary>An infinitive: "(is scheduled) to meet".</summary>
    public static bool HasToMark(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Mark && g.Upos(c) == UPos.PART) return true;
        return false;
    }

    public static int ChildVerb(in SentenceGraph g, int t, Rel rel)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == rel && g.Upos(c) == UPos.VERB) return c;
        return -1;
    }

    /// <summary>The case marker's lemma of a nominal is one of <paramref name="preps"/>.</summary>
    public static bool HasCase(in SentenceGraph g, int x, HashSet<int> preps)
    {
        int cs = g.CaseOf(x);
        return cs >= 0 && preps.Contains(g.Lemma(cs));
    }

    /// <summary>A prepositional phrase that can hold a target: a target preposition, "including", or "from".</summary>
    public bool IsTargetPrep(in SentenceGraph g, int x)
    {
        int cs = g.CaseOf(x);
        if (cs < 0) return false;
        int l = g.Lemma(cs);
        return _w.TargetPreps.Contains(l) || _w.Including.Contains(l) || l == _w.From;
    }

    /// <summary>
    /// "Turkish troops attacked Kurdish fighters": a parser slip makes the subject noun the root and the finite verb its
    /// modifier (acl), often tagging the verb as a participle. Read as subject and verb when the verb is past tense or
    /// participle with a direct object ("the sanctions imposed by the EU" has none and stays a modifier), no "to" and no
    /// subject of its own, and the noun is the sentence's root (the sentence has no other predicate).
    /// </summary>
    public bool IsRootNounSlip(in SentenceGraph g, int t)
    {
        if (g.RelOf(t) != Rel.Acl || (g[t].Xpos != _w.PastTense && g[t].Xpos != _w.PastParticiple)) return false;
        int head = g.Head(t);
        if (head < 0 || g.RelOf(head) != Rel.Root || g.Upos(head) is not (UPos.NOUN or UPos.PROPN)) return false;
        if (g.Child(t, Rel.Obj) < 0 || HasToMark(g, t) || g.Child(t, Rel.Nsubj) >= 0 || g.Child(t, Rel.NsubjPass) >= 0) return false;
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Cop) return false;
        return true;
    }

    /// <summary>Is <paramref name="t"/> past tense, or a perfect ("has attacked")?</summary>
    public bool IsPast(in SentenceGraph g, int t)
    {
        if (g[t].Xpos == _w.PastTense) return true;
        if (g[t].Xpos != _w.PastParticiple) return false;
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) is Rel.Aux or Rel.AuxPass && !_w.FutureModals.Contains(g.Lemma(c)) && !_w.PossibilityModals.Contains(g.Lemma(c))) return true;
        return false;
    }
}
