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
        public readonly int By = Id("by"), From = Id("from");
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
        /// <summary>Verbs that only say an event took place ("the visit lasted two days", "the talks took place in Doha").</summary>
        public readonly HashSet<int> OccurrenceVerbs = Ids("last", "take", "occur", "happen", "begin", "start", "end", "conclude", "continue", "open");
        public readonly int Take = Id("take"), Place = Id("place");
        public readonly HashSet<int> Demonstratives = Ids("this", "that");
        public readonly HashSet<int> RelativePronouns = Ids("who", "which", "that", "whom");
        /// <summary>Prepositions that introduce a target when the verb has no object.</summary>
        public readonly HashSet<int> TargetPreps = Ids("with", "against", "on", "to", "toward", "towards", "into", "upon", "at", "onto");
        /// <summary>Prepositions that introduce the place of the action.</summary>
        public readonly HashSet<int> PlacePreps = Ids("in", "at", "near", "outside", "inside", "across", "throughout", "around", "on", "into");

        /// <summary>Nouns of time that a parser wrongly makes the subject in "three months after X suspended the talks".</summary>
        public readonly HashSet<int> TimeNouns = Ids("second", "minute", "hour", "day", "week", "month", "year", "decade", "moment", "time");
        /// <summary>Prepositions that, on a time noun, introduce the clause the parser flattened ("months after Trump ...").</summary>
        public readonly HashSet<int> TemporalPreps = Ids("after", "before", "since", "until");
        /// <summary>Subordinators whose past-tense clause is presupposed, whatever governs it: "intends to resume talks
        /// three months after Trump suspended them" asserts the suspension.</summary>
        public readonly HashSet<int> PresupposingMarks = Ids("after", "before", "since", "until", "when", "once");
        public readonly int PastTense = Id("VBD");
        /// <summary>"killed several people, including a US soldier": the named member is the target.</summary>
        public readonly HashSet<int> Including = Ids("including", "include");
        public readonly int Of = Id("of"), With = Id("with");
        /// <summary>Verbs that take their meaning from an event-noun object ("held talks with X", "led rounds of talks with X").</summary>
        public readonly HashSet<int> LightVerbs = Ids("hold", "lead", "conduct", "have", "attend", "host", "open", "begin", "start", "launch", "stage", "carry");
        /// <summary>Nouns for negotiations: a bare "the talks" refers back to the last "talks with X".</summary>
        public readonly HashSet<int> NegotiationNouns = Ids("talk", "talks", "negotiation", "negotiations", "dialogue", "discussion");
        /// <summary>Prepositions under which an event noun is a circumstance of the clause ("said during a meeting with X").</summary>
        public readonly HashSet<int> CircumstancePreps = Ids("during", "at", "in", "after", "before", "since", "following", "amid", "on", "ahead", "throughout");

        /// <summary>
        /// Event nouns and the CAMEO code of the event they name when coded as a nominal ("during a meeting with X",
        /// "Trump's visit to Afghanistan", "held talks with X"): the code of the corresponding verb in the CAMEO codebook
        /// (meet 040, make a visit 042, negotiate 046, conventional military force 190, bombing 183, shelling 194, air strike 195).
        /// </summary>
        private readonly Dictionary<int, string> _eventNouns = Table(
            "meeting", "040", "consultation", "040", "visit", "042", "trip", "042", "talk", "046", "talks", "046",
            "negotiation", "046", "negotiations", "046", "attack", "190", "assault", "190", "offensive", "190", "raid", "190",
            "ambush", "190", "bombing", "183", "shelling", "194", "airstrike", "195");

        public bool IsEventNoun(int lemma) => _eventNouns.ContainsKey(lemma);
        public string? EventNounCode(int lemma) => _eventNouns.TryGetValue(lemma, out var c) ? c : null;

        private static Dictionary<int, string> Table(params string[] pairs)
        {
            var d = new Dictionary<int, string>();
            for (int i = 0; i + 1 < pairs.Length; i += 2) d[StringStore.Intern(pairs[i])] = pairs[i + 1];
            return d;
        }

        /// <summary>Modifiers of an event noun saying it has not happened ("a planned trip", "talks that were cancelled").</summary>
        public readonly HashSet<int> Unrealised = Ids("plan", "planned", "propose", "proposed", "possible", "potential", "expect",
            "expected", "future", "upcoming", "schedule", "scheduled", "cancel", "cancelled", "canceled", "postpone", "postponed",
            "call", "hypothetical", "prospective", "intend", "intended", "suggest", "suggested");

        private static int Id(string s) => StringStore.Intern(s);
        private static HashSet<int> Ids(params string[] words)
        {
            var set = new HashSet<int>();
            foreach (var w in words) set.Add(StringStore.Intern(w));
            return set;
        }
    }
}
