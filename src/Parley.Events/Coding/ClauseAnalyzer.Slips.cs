using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

internal sealed partial class ClauseAnalyzer
{
    /// <summary>A passive participle the tagger took for an adjective while the parser reads the passive: "Eriador was
    /// opposed by Osgiliath" with "opposed" ADJ, its subject nsubj:pass and "was" aux:pass. It is a predicate like any
    /// passive verb (its lemma is then found from its form).</summary>
    public static bool IsPassiveAdjective(in SentenceGraph g, int t) =>
        g.Upos(t) == UPos.ADJ && g.Child(t, Rel.AuxPass) >= 0 && g.Child(t, Rel.NsubjPass) >= 0;

    /// <summary>The object of an infinitive that the parser hung on the adjective governing it: "is about to restore
    /// complete, full diplomatic ties with Gondor" with "ties" a plain obl of "about" (the comma between the adjectives
    /// misleads it). A caseless noun after the infinitive, under its adjective or adverb governor, with no object of the
    /// infinitive's own; -1 otherwise. Only a bare obl: obl:tmod and obl:npmod ("ready to talk today") are no objects.</summary>
    private static int StrandedObject(in SentenceGraph g, int x)
    {
        if (g.RelOf(x) != Rel.Xcomp || g.Head(x) is not (int gov and >= 0) || g.Upos(gov) is not (UPos.ADJ or UPos.ADV) || !HasToMark(g, x))
            return -1;
        for (int c = g.FirstChild(gov); c >= 0; c = g.NextSibling(c))
            if (c > x && g.RelOf(c) == Rel.Obl && g.Upos(c) == UPos.NOUN && g.CaseOf(c) < 0 && g[c].Deprel == BareObl) return c;
        return -1;
    }

    private static readonly int BareObl = StringStore.Intern("obl"), That = StringStore.Intern("that");

    /// <summary>The object of a reported verb that the parser made a second subject of the reporting verb after it: "Arnor
    /// and Gondor welcome a resumption of ties with Osgiliath, the news agency said", with "resumption" an nsubj of "said"
    /// beside "agency". A caseless noun right after the verb (only its own words between) that is one of two subjects of
    /// the verb's governor; -1 otherwise.</summary>
    private static int DisplacedObject(in SentenceGraph g, int x)
    {
        if (g.Upos(x) != UPos.VERB || g.RelOf(x) is not (Rel.Ccomp or Rel.Parataxis) || g.Head(x) is not (int gov and >= 0) || gov < x) return -1;
        int candidate = -1, subjects = 0;
        for (int c = g.FirstChild(gov); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Nsubj) continue;
            subjects++;
            if (candidate < 0 && c > x && g.Upos(c) == UPos.NOUN && g.CaseOf(c) < 0) candidate = c;
        }
        if (subjects < 2 || candidate < 0) return -1;
        for (int k = x + 1; k < candidate; k++) if (!g.Dominates(candidate, k)) return -1;
        return candidate;
    }

    /// <summary>"Baker told a Senate committee the takeover would be reviewed", "assured Kenyan President Moi it will continue
    /// ...": with no "that", the parser makes the addressee of a verb of telling (coder-words addressee_verbs) a first subject
    /// of the reported clause, beside the clause's own. Such a phrase, right after the verb (only its own words between),
    /// one of two subjects of the verb's clausal complement, while the verb has no object of its own, is relabelled
    /// <see cref="Rel.Dep"/>: no subject of the clause, and <see cref="DirectObject"/> reads it as the verb's object
    /// (<see cref="RepairedAddressee"/>).</summary>
    private void RepairDisplacedAddressees(in SentenceGraph g)
    {
        for (int t = g.First; t < g.End; t++)
        {
            if (g.Upos(t) != UPos.VERB || !_w.AddresseeVerbs.Contains(g.Lemma(t)) || IsPassive(g, t)) continue;
            if (g.Child(t, Rel.Obj) >= 0 || g.Child(t, Rel.Iobj) >= 0) continue;
            int clause = g.Child(t, Rel.Ccomp);
            if (clause <= t) continue;
            // "Stoltenberg told parliament the legislation must not be seen ...", "told parliament on Friday the rate is not
            // satisfactory": the parser makes the addressee a first clausal complement of its own, a bare noun right after the
            // verb, before the reported clause. It is the verb's indirect object (issue 11, Reuters). Not where a stop or a
            // quote follows the noun's phrase ("told reporters, "Farmers should ..."": the parser's reading there is no
            // evidence of the clause's start), nor where no predicate follows ("told the Supreme Soviet defence spending ...
            // would total 20.2 billion roubles" is one phrase that holds the addressee and the clause's subject).
            if (g.Upos(clause) is UPos.NOUN or UPos.PROPN && g.Child(clause, Rel.Cop) < 0 && g.PhraseFollows(t, clause) && LaterClause(g, t, clause)
                && PhraseEnd(g, clause) is int end && end < g.End && g.Upos(end) != UPos.PUNCT)
            {
                g.SetRel(clause, Rel.Iobj);
                continue;
            }
            int first = -1, subjects = 0;
            for (int c = g.FirstChild(clause); c >= 0; c = g.NextSibling(c))
            {
                if (g.RelOf(c) is not (Rel.Nsubj or Rel.NsubjPass)) continue;
                subjects++;
                if (first < 0 || c < first) first = c;
            }
            if (subjects < 2 || first < t || g.Upos(first) is not (UPos.NOUN or UPos.PROPN or UPos.PRON)) continue;
            if (g.PhraseFollows(t, first)) g.SetRel(first, Rel.Dep);
        }
    }

    /// <summary>The verb has a clausal complement after <paramref name="first"/> that is a predicate: a verb, or a word
    /// with a copula or a subject of its own.</summary>
    private static bool LaterClause(in SentenceGraph g, int verb, int first)
    {
        for (int c = g.FirstChild(verb); c >= 0; c = g.NextSibling(c))
            if (c > first && g.RelOf(c) == Rel.Ccomp
                && (g.Upos(c) == UPos.VERB || g.Child(c, Rel.Cop) >= 0 || g.Child(c, Rel.Nsubj) >= 0 || g.Child(c, Rel.NsubjPass) >= 0)) return true;
        return false;
    }

    /// <summary>The token right after the phrase of <paramref name="head"/> (the words it dominates, contiguous from it).</summary>
    private static int PhraseEnd(in SentenceGraph g, int head)
    {
        int k = head + 1;
        while (k < g.End && g.Dominates(head, k)) k++;
        return k;
    }

    /// <summary>"Thatcher told Parliament that the tax would raise prices", "told a meeting of the ruling Golkar party that he
    /// believed ...", "wrote to Speaker Wright that ...": the parser makes the clause of a speech verb a relative clause of
    /// its addressee (<see cref="SpokenTo"/>). A relative clause whose "that" is a subordinator, not its pronoun, and which
    /// has a subject of its own after it, is no relative clause but the verb's reported clause (a true one reads "the
    /// committee that oversees ...", "that" its subject or object pronoun; a "that" read as the object of a verb with an
    /// object of its own is the subordinator). Returns that clause, or -1.</summary>
    public int ClauseUnderAddressee(in SentenceGraph g, int t)
    {
        if (g.Upos(t) != UPos.VERB || IsPassive(g, t)) return -1;
        for (int x = g.FirstChild(t); x >= 0; x = g.NextSibling(x))
        {
            if (x < t || !IsAddressee(g, t, x)) continue;
            for (int r = g.FirstChild(x); r >= 0; r = g.NextSibling(r))
            {
                if (r < x || g.RelOf(r) != Rel.Relcl) continue;
                int that = -1, subject = -1;
                for (int c = g.FirstChild(r); c >= 0; c = g.NextSibling(c))
                {
                    if (c < r && g.Lemma(c) == That && (g.Upos(c) == UPos.SCONJ || g.RelOf(c) == Rel.Mark || g.RelOf(c) == Rel.Obj && HasOtherObject(g, r, c))) that = c;
                    else if (c < r && g.RelOf(c) is Rel.Nsubj or Rel.NsubjPass) subject = c;
                }
                if (that >= 0 && subject > that) return r;
            }
        }
        return -1;
    }

    /// <summary>The addressee of the speech verb <paramref name="t"/>: the object of a verb of telling (coder-words
    /// addressee_verbs: "told Parliament"), or the phrase of a verb of spoken_to_verbs under one of spoken_to_preps ("wrote
    /// to Speaker Wright", "testified before the committee"); -1 if none.</summary>
    public int SpokenTo(in SentenceGraph g, int t)
    {
        if (IsPassive(g, t)) return -1;
        for (int x = g.FirstChild(t); x >= 0; x = g.NextSibling(x))
            if (x > t && IsAddressee(g, t, x)) return x;
        return -1;
    }

    private bool IsAddressee(in SentenceGraph g, int t, int x) =>
        _w.AddresseeVerbs.Contains(g.Lemma(t)) ? g.RelOf(x) is Rel.Obj or Rel.Iobj
        : _w.SpokenToVerbs.Contains(g.Lemma(t)) && g.RelOf(x) == Rel.Obl && g.CaseOf(x) is int c and >= 0 && _w.SpokenToPreps.Contains(g.Lemma(c));

    private static bool HasOtherObject(in SentenceGraph g, int verb, int except)
    {
        for (int c = g.FirstChild(verb); c >= 0; c = g.NextSibling(c))
            if (c != except && g.RelOf(c) is Rel.Obj or Rel.Ccomp or Rel.Xcomp) return true;
        return false;
    }

    /// <summary>The addressee <see cref="RepairDisplacedAddressees"/> found for the verb <paramref name="x"/>: the
    /// <see cref="Rel.Dep"/> phrase of its clausal complement right after it; -1 if none.</summary>
    private static int RepairedAddressee(in SentenceGraph g, int x)
    {
        int clause = g.Child(x, Rel.Ccomp);
        if (clause <= x) return -1;
        for (int c = g.FirstChild(clause); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) == Rel.Dep && c < clause && g.PhraseFollows(x, c)) return c;
        }
        return -1;
    }

    /// <summary>"Eriador was opposed earlier by Osgiliath" read as a copula and an adjective: a past participle under "be"
    /// with a by-phrase is a passive, so its subject and copula are relabelled as the passive's (then
    /// <see cref="IsPassiveAdjective"/> makes it a predicate, and the by-phrase its source).</summary>
    private void RepairCopularPassives(in SentenceGraph g)
    {
        for (int t = g.First; t < g.End; t++)
        {
            if (g.Upos(t) != UPos.ADJ) continue;
            int cop = g.Child(t, Rel.Cop), subj = g.Child(t, Rel.Nsubj);
            if (cop < 0 || subj < 0 || cop > t || PassiveAgent(g, t) < 0) continue;
            var word = StringStore.Get(g.Lemma(t));
            if (!word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("en", StringComparison.Ordinal)) continue;
            g.SetRel(cop, Rel.AuxPass);
            g.SetRel(subj, Rel.NsubjPass);
        }
    }

    private static readonly int Vbd = StringStore.Intern("VBD");

    /// <summary>"Caras Galadhon's new mayor left yesterday for Minas Tirith" with "mayor" nsubj:pass of "left": a passive
    /// subject on a verb the tagger reads as a finite past (VBD) with no passive auxiliary is the verb's active subject
    /// (a passive participle is VBN; headline passives, "Minister arrested in Paris", come out as nsubj anyway). So is one
    /// beside an active subject of the same verb, whatever its tag ("Gollum centre of a row between Radagast the Brown
    /// called on Gondor" with "centre" nsubj:pass and "Brown" nsubj of "called"): a verb is not active and passive at once.</summary>
    private static void RepairBarePassiveSubjects(in SentenceGraph g)
    {
        for (int t = g.First; t < g.End; t++)
        {
            if (g.Upos(t) != UPos.VERB || g[t].Xpos != Vbd && g.Child(t, Rel.Nsubj) < 0 || g.Child(t, Rel.AuxPass) >= 0) continue;
            int subj = g.Child(t, Rel.NsubjPass);
            if (subj >= 0) g.SetRel(subj, Rel.Nsubj);
        }
    }
}
