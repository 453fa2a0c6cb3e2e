using Parley.Core;

namespace Parley.Events;

public sealed partial class EventCoder
{
    private readonly Words _w;

    /// <summary>Interned lemma ids of the function words and verb classes the coder's rules test.</summary>
    private sealed class Words
    {
        public readonly int Not = Id("not"), Never = Id("never"), Nt = Id("n't"), No = Id("no");
        public readonly int If = Id("if"), Unless = Id("unless"), Whether = Id("whether");
        public readonly int By = Id("by"), Be = Id("be"), Go = Id("go");
        public readonly HashSet<int> Will = Ids("will", "shall", "'ll", "wo");
        public readonly HashSet<int> Maybe = Ids("may", "might", "could", "would", "should", "can", "must", "'d", "ca");
        /// <summary>Governors whose complement is an intention (-> 03x, 138 for force).</summary>
        public readonly HashSet<int> Intent = Ids("intend", "plan", "want", "hope", "vow", "pledge", "promise", "aim", "seek", "expect",
            "agree", "decide", "offer", "prepare", "propose", "wish", "consent", "commit", "undertake", "resolve", "threaten", "mean");
        /// <summary>Governors whose complement is refused (-> 12x).</summary>
        public readonly HashSet<int> Refuse = Ids("refuse", "decline", "reject", "rule", "resist", "balk", "spurn");
        /// <summary>Governors under which an embedded clause is not asserted as fact.</summary>
        public readonly HashSet<int> NonFactive = Ids("deny", "accuse", "allege", "blame", "suspect", "doubt", "fear", "rumor", "rumour",
            "question", "wonder", "ask", "dispute", "reject", "refuse", "plan", "intend", "want", "hope", "threaten", "try", "attempt",
            "urge", "call", "demand", "warn", "fail", "consider", "propose", "suggest", "prevent", "stop", "avoid");
        public readonly HashSet<int> RelativePronouns = Ids("who", "which", "that", "whom");
        /// <summary>Prepositions that introduce a target when the verb has no object.</summary>
        public readonly HashSet<int> TargetPreps = Ids("with", "against", "on", "to", "toward", "towards", "into", "upon", "at", "onto");
        /// <summary>Prepositions that introduce the place of the action.</summary>
        public readonly HashSet<int> PlacePreps = Ids("in", "at", "near", "outside", "inside", "across", "throughout", "around", "on", "into");

        private static int Id(string s) => StringStore.Intern(s);
        private static HashSet<int> Ids(params string[] words)
        {
            var set = new HashSet<int>();
            foreach (var w in words) set.Add(StringStore.Intern(w));
            return set;
        }
    }
}
