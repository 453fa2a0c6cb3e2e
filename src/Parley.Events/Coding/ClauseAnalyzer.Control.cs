using Parley.Events.Cameo;

namespace Parley.Events;

internal sealed partial class ClauseAnalyzer
{
    /// <summary>Object control: <paramref name="clause"/> is the infinitive complement of <paramref name="governor"/>,
    /// which has an object of its own ("urged Eriador to respond", "asked the rebels to lay down arms"): that object is
    /// whom the governor acts on, whatever the complement's own phrases name.</summary>
    public static bool IsObjectControlled(in SentenceGraph g, int clause, int governor) =>
        clause != governor && g.RelOf(clause) == Rel.Xcomp && g.Head(clause) == governor && DirectObject(g, governor) is >= 0 and var o
        && o < clause;
}
