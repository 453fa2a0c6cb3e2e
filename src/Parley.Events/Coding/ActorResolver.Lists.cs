using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

internal sealed partial class ActorResolver
{
    /// <summary>
    /// A list of subjects that the parser split into two subjects of one verb: "Mordor, the Shire, Fornost and Bree
    /// welcomed ..." read as nsubj(Mordor) and nsubj(Shire) with Fornost and Bree conjuncts of Shire, or "Arnor,
    /// Calenardhon and the evil Gondor welcomed" with "the evil Gondor" a second subject. A verb has one subject, so a
    /// later subject of the same verb whose phrase is introduced by the list's comma or conjunction is another member of
    /// the first subject's list; its own conjuncts follow it. Adds those members after the <paramref name="n"/> heads
    /// found so far and returns the new count.
    /// </summary>
    private static int AddSplitSubjectList(in SentenceGraph g, int head, Span<int> heads, int n)
    {
        Rel rel = g.RelOf(head);
        if (rel is not (Rel.Nsubj or Rel.NsubjPass) || g.Head(head) is not (int verb and >= 0)) return n;
        // Only the first subject heads the list: a later one is reached through it.
        for (int c = g.FirstChild(verb); c >= 0 && c < head; c = g.NextSibling(c))
            if (g.RelOf(c) == rel) return n;
        for (int c = g.FirstChild(verb); c >= 0 && n < heads.Length; c = g.NextSibling(c))
        {
            if (c <= head || c > verb || g.RelOf(c) != rel || g.Upos(c) is not (UPos.NOUN or UPos.PROPN)) continue;
            if (!IntroducedAsListMember(g, c)) continue;
            int from = n;
            heads[n++] = c;
            for (int i = from; i < n && n < heads.Length; i++)
                for (int d = g.FirstChild(heads[i]); d >= 0 && n < heads.Length; d = g.NextSibling(d))
                    if (g.RelOf(d) == Rel.Conj && g.Upos(d) is UPos.NOUN or UPos.PROPN) heads[n++] = d;
        }
        return n;
    }

    /// <summary>The phrase of <paramref name="t"/> is introduced by the list's conjunction ("and the evil Gondor"), or by a
    /// comma when the list goes on from it to its conjunction (", the Shire, Fornost and Bree"). A phrase after a comma
    /// with no conjunction to follow is an apposition the parser misread ("Romney, a sometime critic of X, said"), not
    /// a list member.</summary>
    private static bool IntroducedAsListMember(in SentenceGraph g, int t)
    {
        int left = Leftmost(g, t);
        int before = left - 1;
        if (g.Upos(left) == UPos.CCONJ || before >= g.First && g.Upos(before) == UPos.CCONJ) return true;
        return (IsComma(g, left) || before >= g.First && IsComma(g, before)) && HasCoordinatedConjunct(g, t);
    }

    /// <summary>A conjunct of <paramref name="t"/> carries a coordinating conjunction ("Fornost and Bree").</summary>
    private static bool HasCoordinatedConjunct(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Conj && g.Child(c, Rel.Cc) >= 0) return true;
        return false;
    }

    /// <summary>The first token of the phrase headed by <paramref name="t"/> (children are in sentence order).</summary>
    private static int Leftmost(in SentenceGraph g, int t)
    {
        int first = g.FirstChild(t);
        return first >= 0 && first < t ? Leftmost(g, first) : t;
    }

    private static bool IsComma(in SentenceGraph g, int t) => g.Upos(t) == UPos.PUNCT && g[t].Lemma == CommaLemma;

    private static readonly int CommaLemma = StringStore.Intern(",");

    /// <summary>One actor per part of a code that joins several with '/' ("FRO/BIL/SAM": one name standing for each of
    /// them, as a PETRARCH dictionary writes it).</summary>
    private static void AddJointActors(ActorRef actor, string prefix, string code, List<ActorRef> into)
    {
        foreach (var part in code.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (into.Count >= MaxActors) break;
            actor.Code = prefix + part;
            into.Add(actor);
        }
    }

    /// <summary>Two conjuncts coded from one name they share: "Danish media and government" (DNKMED, DNKGOV, both from
    /// "Danish"), or the members of one joint code. They act together; they are not each other's counterpart.</summary>
    public static bool SharedName(in ActorRef x, in ActorRef y) => x.Entity >= 0 && x.Entity == y.Entity && x.Code != y.Code;
}
