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
}
