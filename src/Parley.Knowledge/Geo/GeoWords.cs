using System.Collections.Frozen;
using Parley.Core;
using Parley.Core.Text;

namespace Parley.Knowledge.Geo;

/// <summary>The geocoder's word lists (data/lang/CODE/geo-words.tsv). Immutable and thread-safe; one per language.</summary>
internal sealed class GeoWords
{
    public const string FileName = "geo-words.tsv";

    private readonly FrozenSet<string> _genericNames;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _locativePrepositions, _nameOpeners, _naturalFeatures, _facilityWords;
    private readonly string[] _adjectiveEndings;

    public GeoWords(LanguageData language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var w = language.Lists(FileName);
        Suffixes = [.. w.Pairs("kind_suffixes").Select(p => (" " + p.Word, Kind(w, "kind_suffixes", p)))];
        Prefixes = [.. w.Pairs("kind_prefixes").Select(p => (p.Word + " ", Kind(w, "kind_prefixes", p)))];
        _locativePrepositions = w.Set("locative_prepositions").GetAlternateLookup<ReadOnlySpan<char>>();
        _genericNames = w.Set("generic_division_names");
        Article = w.One("definite_article");
        TitleArticle = TextChars.Capitalised(Article) + " ";
        _nameOpeners = w.Set("name_openers", StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _naturalFeatures = w.Set("natural_feature_words").GetAlternateLookup<ReadOnlySpan<char>>();
        _adjectiveEndings = [.. w.Set("adjective_endings")];
        _facilityWords = w.Set("facility_words").GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Words after a name that say which kind of feature it is (" airport", " province"), with a leading space, in file order.</summary>
    public IReadOnlyList<(string Suffix, WantedKind Kind)> Suffixes { get; }

    /// <summary>Words before a name that say which kind of feature it is ("city of ", "northern "), with a trailing space, in file order.</summary>
    public IReadOnlyList<(string Prefix, WantedKind Kind)> Prefixes { get; }

    /// <summary>The definite article ("the").</summary>
    public string Article { get; }

    /// <summary>The article as a place's name starts with it, capitalised and followed by a space ("The ").</summary>
    public string TitleArticle { get; }

    /// <summary>A preposition after which a name is a place ("in", "near").</summary>
    public bool IsLocativePreposition(ReadOnlySpan<char> word) => _locativePrepositions.Contains(word);

    /// <summary>A common word that names divisions ("West", "Centre", "Gulf").</summary>
    public bool IsGenericName(string name) => _genericNames.Contains(name);

    /// <summary>A word after which a place's name may open a longer name ("of", "the").</summary>
    public bool OpensName(ReadOnlySpan<char> word) => _nameOpeners.Contains(word);

    /// <summary>The last word of a natural feature's name, which no town contains ("Ocean", "River", "Mountains").</summary>
    public bool IsNaturalFeature(ReadOnlySpan<char> word) => _naturalFeatures.Contains(word);

    /// <summary>The last word of a street's, a building's or a venue's name ("Street", "Hospital", "Center").</summary>
    public bool IsFacilityWord(ReadOnlySpan<char> word) => _facilityWords.Contains(word);

    /// <summary>True when a single word ends like a people's adjective ("Kurdish", "Korean", "Congolese").</summary>
    public bool IsAdjectiveEnding(ReadOnlySpan<char> word)
    {
        foreach (string ending in _adjectiveEndings)
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>True when <paramref name="text"/> starts with the article and a space ("the Atlantic").</summary>
    public bool StartsWithArticle(ReadOnlySpan<char> text) =>
        text.Length > Article.Length && text.StartsWith(Article, StringComparison.OrdinalIgnoreCase) && text[Article.Length] == ' ';

    /// <summary>True when <paramref name="word"/> is the article.</summary>
    public bool IsArticle(ReadOnlySpan<char> word) => word.Equals(Article, StringComparison.OrdinalIgnoreCase);

    private static WantedKind Kind(WordLists w, string list, (string Word, string? Value) p) =>
        Enum.TryParse<WantedKind>(p.Value, ignoreCase: true, out var kind)
            ? kind : throw new InvalidDataException($"{w.Source}: {list}: '{p.Word}' needs a kind (city, admin1, admin2, division, any)");
}
