using System.Collections.Frozen;
using Parley.Core;

namespace Parley.Events.Quotes;

/// <summary>
/// The word lists of quotation attribution (data/lang/CODE/quote-words.tsv), looked up by span without allocating.
/// Immutable and thread-safe; one per language.
/// </summary>
internal sealed class SpeechWords
{
    public const string FileName = "quote-words.tsv";

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _verbs, _objectVerbs, _bareClauseVerbs, _pronouns, _personPronouns,
        _subjectStops, _betweenSubjectAndVerb, _lyNouns, _objectStops, _prepositions, _commonVerbs, _governors, _beForms, _determiners,
        _complementizers, _infinitiveMarkers, _and;
    private readonly string[] _accordingTo, _negationSuffixes;

    public SpeechWords(LanguageData language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var lists = language.Lists(FileName);
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string name) => lists.Set(name).GetAlternateLookup<ReadOnlySpan<char>>();
        _verbs = Set("speech_verbs");
        _objectVerbs = Set("object_verbs");
        _bareClauseVerbs = Set("bare_clause_verbs");
        _pronouns = Set("pronouns");
        _personPronouns = Set("person_pronouns");
        _subjectStops = Set("subject_stops");
        _betweenSubjectAndVerb = Set("between_subject_and_verb");
        _lyNouns = Set("ly_nouns");
        _objectStops = Set("object_stops");
        _prepositions = Set("prepositions_and_adverbs");
        _commonVerbs = Set("common_verbs");
        _governors = Set("infinitive_governors");
        _beForms = Set("be_forms");
        _determiners = Set("determiners");
        _complementizers = Set("complementizers");
        _infinitiveMarkers = Set("infinitive_markers");
        _and = Set("and");
        _accordingTo = lists.One("according_to").Split(' ');
        _negationSuffixes = [.. lists.Words("negation_suffixes")];
    }

    public bool IsSpeechVerb(ReadOnlySpan<char> w) => _verbs.Contains(w);
    /// <summary>Verbs that take the hearer as object ("told reporters"): never followed by the speaker.</summary>
    public bool TakesObject(ReadOnlySpan<char> w) => _objectVerbs.Contains(w);
    /// <summary>Verbs that may report a clause without "that": "Trump said the talks were dead."</summary>
    public bool ReportsBareClause(ReadOnlySpan<char> w) => _bareClauseVerbs.Contains(w);
    public bool IsPronoun(ReadOnlySpan<char> w) => _pronouns.Contains(w);
    /// <summary>A pronoun that stands for a person ("he", "she", "I").</summary>
    public bool IsPersonPronoun(ReadOnlySpan<char> w) => _personPronouns.Contains(w);
    /// <summary>A word that ends a speaker phrase read leftwards from its verb.</summary>
    public bool StopsSubject(ReadOnlySpan<char> w) => _subjectStops.Contains(w);

    /// <summary>Adverbs and auxiliaries between a speaker and its verb: "Trump also said", "he had told".</summary>
    public bool SitsBeforeVerb(ReadOnlySpan<char> w) =>
        _betweenSubjectAndVerb.Contains(w)
        || w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(w[0]) && !_lyNouns.Contains(w);

    /// <summary>Verbs that take a speech verb as infinitive: "went on to add", "continued to say".</summary>
    public bool GovernsInfinitive(ReadOnlySpan<char> w) => _governors.Contains(w);
    /// <summary>A word that ends a speaker phrase read rightwards from its verb: "said Trump on Wednesday".</summary>
    public bool StopsObject(ReadOnlySpan<char> w) => _objectStops.Contains(w);
    public bool IsPrepositionOrAdverb(ReadOnlySpan<char> w) => _prepositions.Contains(w);

    /// <summary>Verbs and auxiliaries that make a short quotation a statement rather than a scare quote or a name.</summary>
    public bool IsCommonVerb(ReadOnlySpan<char> w)
    {
        if (_commonVerbs.Contains(w)) return true;
        foreach (var suffix in _negationSuffixes) if (w.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public bool IsBeForm(ReadOnlySpan<char> w) => _beForms.Contains(w);
    public bool IsDeterminer(ReadOnlySpan<char> w) => _determiners.Contains(w);
    public bool IsComplementizer(ReadOnlySpan<char> w) => _complementizers.Contains(w);
    public bool IsInfinitiveMarker(ReadOnlySpan<char> w) => _infinitiveMarkers.Contains(w);
    public bool IsAnd(ReadOnlySpan<char> w) => _and.Contains(w);

    /// <summary>The words of "according to" in order.</summary>
    public IReadOnlyList<string> AccordingTo => _accordingTo;
}
