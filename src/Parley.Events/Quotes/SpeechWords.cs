using System.Collections.Frozen;

namespace Parley.Events.Quotes;

/// <summary>Word lists of quotation attribution, looked up by span.</summary>
internal static class SpeechWords
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Verbs = Set(
        "said", "says", "say", "told", "tells", "tell", "added", "adds", "add", "stated", "states", "noted", "notes",
        "warned", "warns", "announced", "announces", "insisted", "insists", "insist", "claimed", "claims", "claim",
        "declared", "declares", "stressed", "stresses", "explained", "explains", "asked", "asks", "replied", "replies",
        "wrote", "writes", "tweeted", "tweets", "argued", "argues", "argue", "acknowledged", "admitted", "confirmed",
        "denied", "recalled", "remarked", "responded", "suggested", "urged", "vowed", "promised", "predicted",
        "emphasized", "emphasised", "cautioned", "complained", "conceded", "countered", "observed", "commented",
        "posted", "quipped", "concluded", "threatened", "maintained", "maintains", "contended", "alleged", "alleges",
        "reiterated", "assured", "boasted", "charged", "conceded", "disclosed", "revealed", "shouted", "whispered");

    /// <summary>Verbs that take the hearer as object ("told reporters"): never followed by the speaker.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ObjectVerbs = Set("told", "tells", "tell", "assured", "urged", "warned");

    /// <summary>Verbs that may report a clause without "that": "Trump said the talks were dead."</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BareClauseVerbs = Set(
        "said", "says", "say", "added", "adds", "add", "stated", "warned", "announced", "claimed", "claims", "insisted",
        "insists", "noted", "argued", "stressed", "declared", "wrote", "tweeted");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns = Set(
        "he", "she", "they", "it", "we", "i");

    /// <summary>Words that end a speaker phrase read leftwards from its verb.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectStops = Set(
        "that", "which", "who", "and", "but", "while", "when", "as", "because", "if", "where", "so", "then", "although",
        "though", "whereas", "after", "before", "since", "until", "or", "nor", "yet");

    /// <summary>Adverbs and auxiliaries between a speaker and its verb: "Trump also said", "he had told".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BetweenSubjectAndVerb = Set(
        "also", "later", "then", "again", "further", "previously", "once", "has", "had", "have", "would", "will", "did",
        "does", "do", "just", "repeatedly", "recently", "earlier", "separately", "already", "often", "still", "not", "never");

    /// <summary>Words that end a speaker phrase read rightwards from its verb: "said Trump on Wednesday".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ObjectStops = Set(
        "in", "on", "at", "during", "last", "this", "next", "after", "before", "when", "while", "who", "which", "that",
        "to", "told", "adding", "according", "yesterday", "today", "tonight", "as", "because", "and", "but", "via",
        "late", "early", "earlier", "later", "from", "with", "about", "of");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Prepositions = Set(
        "in", "on", "at", "during", "after", "before", "since", "by", "for", "with", "from", "about", "to", "last", "this",
        "next", "early", "late", "earlier", "later", "yesterday", "today", "tonight", "also", "then", "however", "meanwhile");

    /// <summary>Verbs and auxiliaries that make a short quotation a statement rather than a scare quote or a name.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonVerbs = Set(
        "is", "are", "was", "were", "be", "been", "am", "will", "would", "can", "could", "shall", "should", "must", "may",
        "might", "do", "does", "did", "have", "has", "had", "go", "come", "want", "need", "know", "think", "get", "got",
        "make", "let", "stop", "win", "won", "lost", "lose", "fight", "leave", "see", "believe", "agree", "help", "i'm",
        "it's", "we're", "don't", "can't", "won't", "isn't", "didn't", "doesn't");

    public static bool IsSpeechVerb(ReadOnlySpan<char> w) => Verbs.Contains(w);
    public static bool TakesObject(ReadOnlySpan<char> w) => ObjectVerbs.Contains(w);
    public static bool ReportsBareClause(ReadOnlySpan<char> w) => BareClauseVerbs.Contains(w);
    public static bool IsPronoun(ReadOnlySpan<char> w) => Pronouns.Contains(w);
    public static bool StopsSubject(ReadOnlySpan<char> w) => SubjectStops.Contains(w);
    public static bool SitsBeforeVerb(ReadOnlySpan<char> w) =>
        BetweenSubjectAndVerb.Contains(w)
        || w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(w[0]) && !LyNouns.Contains(w);

    /// <summary>Nouns ending in -ly that can be a speaker ("the family said").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LyNouns = Set(
        "family", "assembly", "supply", "rally", "ally", "anomaly", "monopoly", "reply", "elderly", "homily", "belly",
        "bully", "gully", "folly", "jelly");
    public static bool StopsObject(ReadOnlySpan<char> w) => ObjectStops.Contains(w);
    public static bool IsPrepositionOrAdverb(ReadOnlySpan<char> w) => Prepositions.Contains(w);
    public static bool IsCommonVerb(ReadOnlySpan<char> w) =>
        CommonVerbs.Contains(w) || w.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || w.EndsWith("n’t", StringComparison.OrdinalIgnoreCase);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(params string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
