using Parley.Core;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Text;
using Parley.Core.Text;

namespace Parley.Knowledge.Linking;

/// <summary>
/// Links entity mentions to the knowledge base: each gets a canonical <see cref="EntityMention.Name"/>, a
/// <see cref="EntityMention.Kb"/> id ("actor:TALIBAN", "country:AFG", places get "geonames:ID" from the geocoder)
/// and the CAMEO <see cref="EntityMention.Actor"/> code for the document's publication date.
/// Runs after NER (and also without it): names NER missed are added from the dictionary (Via "kb"), and
/// country + agent phrases ("Afghan officials" -> AFGGOV) are added as mentions with Via "kb:agent".
/// Quotes around a name and a leading "the" do not matter ("Taliban", "The Taliban", the Taliban).
/// </summary>
public sealed class EntityLinker : IPipelineComponent
{
    public const string FileName = "linker-words.tsv";

    private readonly KnowledgeBase _kb;
    private readonly KbMatcher _matcher;
    private readonly System.Collections.Frozen.FrozenSet<string> _prepositions, _actingVerbs, _titleWords, _courtesyTitles, _notPlaces, _notCountryPhrases, _sharedPartyNames;
    private readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _capitalisedFunctionWords;
    private readonly string _official, _governmentOf, _of;

    /// <summary>Person actors by the last word of their names ("blair" -> Tony Blair, Dennis C. Blair), for "Mr Blair".</summary>
    private readonly Dictionary<string, int[]> _personsBySurname;

    /// <summary>A linker over <paramref name="kb"/> with the word lists of <paramref name="language"/> (its linker-words.tsv).</summary>
    public EntityLinker(KnowledgeBase kb, LanguageData language)
    {
        ArgumentNullException.ThrowIfNull(language);
        _kb = kb;
        _matcher = new KbMatcher(kb);
        var w = language.Lists(FileName);
        _prepositions = w.Set("prepositions");
        _actingVerbs = w.Set("acting_verbs");
        _titleWords = w.Set("title_words");
        _courtesyTitles = w.Set("courtesy_titles");
        _notPlaces = w.Set("not_places");
        _notCountryPhrases = w.Set("not_country_phrases");
        _sharedPartyNames = w.Set("shared_party_names");
        _capitalisedFunctionWords = w.Set("capitalised_function_words", StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _official = w.One("official");
        _governmentOf = w.One("government_of");
        _of = w.One("of");
        var bySurname = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < kb.Actors.Count; i++)
        {
            if (kb.Actors[i].Kind != ActorKind.Person) continue;
            foreach (var name in kb.Actors[i].Names)
            {
                string key = NameKey.FromPhrase(name);
                int space = key.LastIndexOf(' ');
                if (space < 0) continue;
                string surname = key[(space + 1)..];
                if (surname.Length < 3) continue;
                if (!bySurname.TryGetValue(surname, out var ids)) bySurname[surname] = ids = [];
                if (!ids.Contains(i)) ids.Add(i);
            }
        }
        _personsBySurname = new Dictionary<string, int[]>(bySurname.Count, StringComparer.Ordinal);
        foreach (var (k, v) in bySurname) _personsBySurname[k] = [.. v];
    }

    /// <summary>Reads NER's mentions and rewrites them (links, types) and adds the dictionary's and the agent phrases'; reads
    /// tags to tell a name acting as subject.</summary>
    public static readonly ComponentDescriptor Descriptor = new("linker", Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Entities, Layers.Entities)
    {
        Summary = "entities linked to the knowledge base (names, ids, CAMEO actor codes), dictionary names and agent phrases added",
    };

    public string Name => Descriptor.Name;

    /// <summary>A linker for English text.</summary>
    public EntityLinker(KnowledgeBase kb) : this(kb, LanguageData.Default) { }

    public void Process(Document doc, CancellationToken cancellationToken = default)
    {
        // Idempotent: what an earlier run (of this or the coreference stage) added is recomputed.
        doc.Entities.RemoveAll(static e => e.Via is MentionKinds.Agent or MentionKinds.Dictionary || MentionKinds.IsCoreferent(e));
        // With NER mentions present, places come from NER only (the gazetteer's names are too noisy as a detector).
        bool nerRan = doc.Entities.Count > 0;
        Span<char> buffer = stackalloc char[256];
        var matches = FindNames(doc, buffer);
        var countries = DocumentCountries(doc, matches);
        DateOnly? date = doc.Published;

        JoinHyphenatedNames(doc);
        var fullNames = FullNamesBySurname(doc);
        var officeSurnames = OfficeTitledSurnames(doc);
        foreach (var e in doc.Entities)
        {
            if (e.Via is not (null or "ner")) continue;
            LinkNamed(doc, e, countries, date, fullNames, officeSurnames);
        }

        // Dictionary names NER did not mark (or all of them, without NER).
        var entities = doc.Entities;
        int nerCount = entities.Count;
        MentionKinds.SortByPosition(entities);
        var tokens = doc.Tokens;
        foreach (var m in matches)
        {
            int start = tokens[m.StartToken].Start, end = tokens[m.EndToken - 1].End;
            // "the Islamic State of Iraq and the Levant", NER's 'Islamic' MISC, 'Iraq' LOC, 'Levant' PER: a long actor name
            // that holds several NER mentions whole is one name, and its fragments give way to it.
            if (Overlaps(entities, nerCount, start, end) && !(IsActorName(m) && TakeFragments(entities, start, end, ref nerCount))) continue;
            if (NotCountryPhrase(doc, m.StartToken, m.EndToken)) continue;
            var hit = Choose(WithNamesakes(TokenKey(doc, m.StartToken, m.EndToken), m.Hits)!, null, countries, date);
            if (hit.Kind is NameKind.Place or NameKind.PlaceAlias && (nerRan || !PlausiblePlace(doc, m, hit))) continue;
            var e = new EntityMention { Start = start, End = end, Text = doc.Text[start..end], Type = TypeOf(hit), Via = MentionKinds.Dictionary };
            Apply(e, hit, date);
            entities.Add(e);
        }
        MentionKinds.SortByPosition(entities);
        PartyOfArticleCountry(doc, countries, date);
        AddCapitalGovernments(doc, buffer);
        AddAgentPhrases(doc, buffer);
        MentionKinds.SortByPosition(entities);
        ApplyDefinedAbbreviations(doc);
    }

    /// <summary>
    /// "the Economic Planning Agency (EPA) said": an abbreviation the article defines in brackets after a name, of that
    /// name's initials, names what the name names throughout the article, not the knowledge base's namesake (Japan's EPA is
    /// no US Environmental Protection Agency). Its mentions take the name's link, or none when the name has none.
    /// </summary>
    private static void ApplyDefinedAbbreviations(Document doc)
    {
        Dictionary<string, EntityMention>? defined = null;
        string text = doc.Text;
        foreach (var e in doc.Entities)
        {
            if (!MentionKinds.IsNamed(e) || e.Type == "PER") continue;
            int open = e.End;
            while (open < text.Length && text[open] == ' ') open++;
            if (open >= text.Length || text[open] != '(') continue;
            int close = text.IndexOf(')', open + 1);
            if (close < 0 || close - open - 1 is < 2 or > 6) continue;
            string abbreviation = text[(open + 1)..close];
            if (!abbreviation.All(char.IsUpper) || !AreInitials(abbreviation, StripName(e.Text))) continue;
            (defined ??= new Dictionary<string, EntityMention>(StringComparer.Ordinal)).TryAdd(abbreviation, e);
        }
        if (defined is null) return;
        foreach (var m in doc.Entities)
        {
            if (!MentionKinds.IsNamed(m) || !defined.TryGetValue(StripName(m.Text), out var name) || m == name) continue;
            // A name the knowledge base does not know ("the Organisation of Islamic Cooperation (OIC)", "The Environmental
            // Protection Agency (EPA)", an agent phrase) leaves its abbreviation's link alone, unless that link is a namesake:
            // another name of the same initials ("Environmental Protection Agency" for Japan's "Economic Planning Agency").
            if (name.Kb is null && !(m.Name is { } linked && StripName(linked) is var known
                && !string.Equals(known, StripName(name.Text), StringComparison.OrdinalIgnoreCase) && AreInitials(StripName(m.Text), known))) continue;
            m.Kb = name.Kb;
            m.Actor = name.Actor;
            m.RoleUnknown = name.RoleUnknown;
            m.Name = name.Name ?? StripName(name.Text);
            if (name.Type is "ORG" or "LOC") m.Type = name.Type;
        }
    }

    /// <summary>The letters of <paramref name="abbreviation"/> are, in order, initials of the name's capitalised words, the
    /// first the first word's ("EPA" of "Economic Planning Agency", "MHI" of "Mitsubishi Heavy Industries Ltd").</summary>
    private static bool AreInitials(string abbreviation, string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < abbreviation.Length || words[0][0] != abbreviation[0]) return false;
        int k = 0;
        foreach (var w in words)
            if (k < abbreviation.Length && char.IsUpper(w[0]) && w[0] == abbreviation[k]) k++;
        return k == abbreviation.Length;
    }

    // ---- names ----

    private List<KbMatch> FindNames(Document doc, Span<char> buffer)
    {
        var result = new List<KbMatch>();
        int n = doc.TokenCount;
        for (int i = 0; i < n;)
        {
            var m = _matcher.LongestName(doc, i, n, buffer);
            if (m.Hits is null) { i++; continue; }
            // "The Islamic State of Iraq and the Levant": a shorter name at the first word ("The Islamic State") gives way to a
            // longer one starting at the next word (the leftmost match must not hide the longest).
            if (m.EndToken - i > 1 && _matcher.LongestName(doc, i + 1, n, buffer) is { Hits: not null } next && next.EndToken > m.EndToken)
                m = next;
            result.Add(TrimTitle(doc, m, buffer));
            i = m.EndToken;
        }
        return result;
    }

    /// <summary>
    /// Without NER, a gazetteer name is taken as a place only when it looks like one: not a common word, not an
    /// alternate-language spelling, not glued to other capitalised words ("Marco Rubio", "Lion Air"), and not
    /// the first word of a sentence unless the place is large.
    /// </summary>
    private bool PlausiblePlace(Document doc, KbMatch m, NameHit hit)
    {
        var tokens = doc.Tokens;
        if (hit.Kind == NameKind.PlaceAlias && m.EndToken - m.StartToken < 2) return false;
        if (m.EndToken - m.StartToken == 1 && _notPlaces.Contains(TokenText(doc, m.StartToken))) return false;
        bool sentenceStart = m.StartToken == 0 || tokens[m.StartToken - 1].Sentence != tokens[m.StartToken].Sentence;
        if (!sentenceStart && IsCapitalizedWord(doc, m.StartToken - 1)) return false;
        if (m.EndToken < tokens.Length && tokens[m.EndToken].Sentence == tokens[m.StartToken].Sentence && IsCapitalizedWord(doc, m.EndToken)) return false;
        if (sentenceStart && _kb.Places[hit.Index].Population < 100_000) return false;
        return true;
    }

    private bool IsCapitalizedWord(Document doc, int t)
    {
        var s = doc.Text.AsSpan(doc.Tokens[t].Start, doc.Tokens[t].End - doc.Tokens[t].Start);
        return s.Length > 0 && char.IsUpper(s[0]) && char.IsLetter(s[^1]) && !_capitalisedFunctionWords.Contains(s);
    }

    /// <summary>
    /// "President Donald Trump" is a dictionary name of Donald Trump, but the person's mention is "Donald Trump":
    /// leading words are dropped while the rest still names the same person.
    /// </summary>
    private KbMatch TrimTitle(Document doc, KbMatch m, Span<char> buffer)
    {
        if (m.EndToken - m.StartToken < 2) return m;
        int actor = -1;
        foreach (var h in m.Hits!) if (h.Kind == NameKind.Actor && _kb.Actors[h.Index].Kind == ActorKind.Person) { actor = h.Index; break; }
        if (actor < 0) return m;
        KbMatch best = m;
        for (int k = m.StartToken + 1; k < m.EndToken; k++)
        {
            if (!_titleWords.Contains(TokenText(doc, k - 1))) break;
            var sub = _matcher.LongestName(doc, k, m.EndToken, buffer);
            if (sub.Hits is null || sub.EndToken != m.EndToken) continue;
            foreach (var h in sub.Hits)
                if (h.Kind == NameKind.Actor && h.Index == actor) { best = sub; break; }
            if (best.StartToken == k) break;
        }
        return best;
    }

    /// <summary>How often each country is named in the document (countries, demonyms, unambiguous places).</summary>
    private Dictionary<string, int> DocumentCountries(Document doc, List<KbMatch> matches)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            foreach (var h in m.Hits!)
            {
                if (h.Kind is NameKind.Country or NameKind.Demonym)
                {
                    string iso3 = _kb.Countries[h.Index].Iso3;
                    counts[iso3] = counts.GetValueOrDefault(iso3) + 1;
                    break;
                }
            }
        }
        foreach (var e in doc.Entities)
        {
            if (e.Via is not (null or "ner")) continue;
            var hits = _kb.LookupArray(NameKey.FromPhrase(StripName(e.Text)));
            if (hits is null) continue;
            foreach (var h in hits)
                if (h.Kind is NameKind.Country or NameKind.Demonym) { string iso3 = _kb.Countries[h.Index].Iso3; counts[iso3] = counts.GetValueOrDefault(iso3) + 1; break; }
        }
        return counts;
    }

    /// <summary>
    /// The full names of persons in the document by their last word ("howard" -> "michael howard"), the first the article
    /// names: a later "Mr Howard" is that person, whoever else of that surname the knowledge base holds.
    /// </summary>
    private Dictionary<string, string> FullNamesBySurname(Document doc)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in doc.Entities)
        {
            if (e.Type != "PER" || e.Via is not (null or "ner")) continue;
            string key = NameKey.FromPhrase(StripName(e.Text));
            int space = key.LastIndexOf(' ');
            if (space <= 0 || Surname(key) is not null) continue; // one word, or titles and one word
            string surname = key[(space + 1)..];
            // Two full names with one surname ("Michael Howard ... Australia's PM, John Howard"; "Robert Mugabe ... Grace
            // Mugabe"): the surname alone is the one the article introduced first, its subject.
            result.TryAdd(surname, key);
        }
        return result;
    }

    private void LinkNamed(Document doc, EntityMention e, Dictionary<string, int> countries, DateOnly? date, Dictionary<string, string> fullNames,
        HashSet<string> officeSurnames)
    {
        string name = StripName(e.Text);
        string key = NameKey.FromPhrase(name);
        if (NotCountryPhrase(doc, e)) { e.Name ??= name; return; }
        if (e.Type == "PER" && Surname(key) is { } alone && fullNames.TryGetValue(alone, out var full))
        {
            // "Michael Howard ... Mr Howard said": the article's own Howard, linked as the full name is (or not at all); a
            // full name with its titles ("Euro MP Robert Kilroy-Silk") by the person inside it.
            if ((_kb.LookupArray(full) ?? ActorInside(full, true)) is { } fullHits)
                Apply(e, Choose(fullHits, e.Type, countries, date), date);
            else e.Name ??= name;
            return;
        }
        // Dictionaries that keep the article in a name ("THE_HERMIT_KINGDOM") are found without it too.
        var hits = WithNamesakes(key, _kb.LookupArray(key) ?? _kb.LookupArray("the " + key));
        if (e.Type == "PER" && Surname(key) is { } surname
            && (hits is null ? PersonBySurname(surname, countries, date)
                : OnlyPlaces(hits) && officeSurnames.Contains(surname) ? PersonBySurname(surname, countries, date, datedOnly: true) : null) is int person)
        {
            // "Mr Blair": the one person of the knowledge base with this surname who held a role on the article's date, or
            // whose country the article names. A guess, so with less confidence. A surname that also names places ("Reagan" a
            // county) is a person only when the article gives it an office title ("President Reagan", and so "Reagan said"
            // after it) and the person held a role on the date: a surname given no title or only a courtesy title ("Miller
            // said", "Sir Howard") is as often someone the knowledge base lacks.
            Apply(e, new NameHit(NameKind.Actor, person), date);
            e.Confidence = Math.Min(e.Confidence, 0.7);
            return;
        }
        if (hits is null && e.Type != "PER" && NamedAgent(doc, e, countries, date)) return;
        if (hits is null && WiderName(doc, e) is { } wider)
        {
            Apply(e, Choose(wider, e.Type, countries, date), date);
            return;
        }
        if (hits is null)
        {
            hits = ActorInside(key, e.Type == "PER");
            if (hits is null)
            {
                e.Name ??= name;
                return;
            }
        }
        var hit = Choose(hits, e.Type, countries, date);
        Apply(e, hit, date);
    }

    /// <summary>
    /// A party named by a short name many countries' parties share ("Labour", "the Conservative", "Liberals": the list
    /// shared_party_names) in an article about another country: the party of that name of the article's country, else
    /// none (an Australian article's "the Conservative" is no British party). The article's country is the country named most (places, countries, demonyms),
    /// more than any other, with one of its own parties named ("the Australian Liberal Party"); the party's own country
    /// must be named at most a fifth as often. British news naming Iraq more than Britain keeps its Labour and Tories (no
    /// Iraqi party is named; an article's country by its places alone took them from a Labour MP in a story on Iraq).
    /// </summary>
    private void PartyOfArticleCountry(Document doc, Dictionary<string, int> countries, DateOnly? date)
    {
        string? home = null;
        int top = 0, second = 0;
        foreach (var (c, n) in countries)
        {
            if (n > top) { second = top; top = n; home = c; }
            else if (n > second) second = n;
        }
        if (top < 2 || top == second) return;
        bool homeParty = false, otherParty = false;
        foreach (var e in doc.Entities)
        {
            if (!IsParty(e.Actor)) continue;
            if (e.Actor!.StartsWith(home!, StringComparison.Ordinal)) homeParty = true;
            else otherParty = true;
        }
        if (!otherParty || !homeParty) return;
        foreach (var e in doc.Entities)
        {
            if (!IsParty(e.Actor) || e.Actor!.StartsWith(home!, StringComparison.Ordinal) || 5 * countries.GetValueOrDefault(e.Actor[..3]) > top) continue;
            string name = StripName(e.Text), key = NameKey.FromPhrase(name);
            if (!_sharedPartyNames.Contains(BarePartyName(key))) continue;
            NameHit? own = null;
            foreach (var h in _kb.LookupArray(key) ?? _kb.LookupArray("the " + key) ?? [])
                if (h.Kind == NameKind.Actor && KnowledgeBase.ActorCode(_kb.Actors[h.Index], date) is { } c && IsParty(c) && c.StartsWith(home!, StringComparison.Ordinal))
                    own = h;
            if (own is { } party) Apply(e, party, date);
            else { e.Kb = null; e.Actor = null; e.RoleUnknown = false; e.Name = name; }
        }
    }

    private static bool IsParty(string? code) => code is { Length: 6 } && code.EndsWith("PTY", StringComparison.Ordinal);

    /// <summary>A party's name without a leading "the" and a trailing "party" ("the Conservative Party" -> "conservative").</summary>
    private static string BarePartyName(string key)
    {
        if (key.StartsWith("the ", StringComparison.Ordinal)) key = key[4..];
        return key.EndsWith(" party", StringComparison.Ordinal) ? key[..^6] : key;
    }

    /// <summary>
    /// A person's name that starts with a title ("Queen Elizabeth II") names whoever the name without it names too: the
    /// dictionaries list a person under each country where they held an office, each entry spelt its own way (the Queen as
    /// head of state of Saint Kitts and Nevis "QUEEN_ELIZABETH_II", of the United Kingdom "ELIZABETH_II"), so the titled
    /// spelling alone would always pick the one country. All of them are candidates; <see cref="Choose"/> prefers the one
    /// of the countries the article names, then the largest country.
    /// </summary>
    private NameHit[]? WithNamesakes(string key, NameHit[]? hits)
    {
        if (hits is null) return null;
        int space = key.IndexOf(' ');
        if (space <= 0 || !_titleWords.Contains(key[..space])) return hits;
        bool person = false;
        foreach (var h in hits) if (h.Kind == NameKind.Actor && _kb.Actors[h.Index].Kind == ActorKind.Person) { person = true; break; }
        if (!person || _kb.LookupArray(key.Substring(space + 1)) is not { } untitled) return hits;
        List<NameHit>? more = null;
        foreach (var h in untitled)
            if (h.Kind == NameKind.Actor && _kb.Actors[h.Index].Kind == ActorKind.Person && Array.IndexOf(hits, h) < 0) (more ??= [.. hits]).Add(h);
        return more is null ? hits : [.. more];
    }

    /// <summary>The mention and the word after it name a people or a thing apart from the country ("Indian tribes").</summary>
    private bool NotCountryPhrase(Document doc, EntityMention e) =>
        NotCountryPhrase(doc, doc.TokenAt(e.Start), doc.TokenAt(Math.Max(e.Start, e.End - 1)) + 1);

    private bool NotCountryPhrase(Document doc, int start, int end)
    {
        if (start < 0 || end <= start || end >= doc.Tokens.Length || doc.Tokens[end].Sentence != doc.Tokens[end - 1].Sentence) return false;
        return _notCountryPhrases.Contains(TokenKey(doc, start, end + 1));
    }

    private static string TokenKey(Document doc, int start, int end) =>
        NameKey.FromPhrase(doc.Text.AsSpan(doc.Tokens[start].Start, doc.Tokens[end - 1].End - doc.Tokens[start].Start).ToString());

    /// <summary>The surnames (lower case) of the article's persons named with an office title (<see cref="OfficeTitled"/>).</summary>
    private HashSet<string> OfficeTitledSurnames(Document doc)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in doc.Entities)
        {
            if (e.Type != "PER" || e.Via is not (null or "ner")) continue;
            string key = NameKey.FromPhrase(StripName(e.Text));
            if (Surname(key) is { } surname && OfficeTitled(doc, e, key)) result.Add(surname);
        }
        return result;
    }

    /// <summary>Whether a person's mention carries an office title before the surname, inside it or right before it
    /// ("President Reagan", whichever NER took), not only a courtesy title ("Sir Howard").</summary>
    private bool OfficeTitled(Document doc, EntityMention e, string key)
    {
        var words = key.Split(' ');
        for (int i = 0; i < words.Length - 1; i++)
            if (IsOfficeTitle(words[i])) return true;
        for (int t = doc.TokenAt(e.Start) - 1; t >= 0; t--)
        {
            string word = doc.Text[doc.Tokens[t].Start..doc.Tokens[t].End].ToLowerInvariant();
            if (IsOfficeTitle(word)) return true;
            if (!_titleWords.Contains(word)) return false;
        }
        return false;
    }

    private bool IsOfficeTitle(string word) => _titleWords.Contains(word) && !_courtesyTitles.Contains(word);

    /// <summary>Whether every hit of a name is a place (or a place's alias).</summary>
    private static bool OnlyPlaces(NameHit[] hits) => Array.TrueForAll(hits, h => h.Kind is NameKind.Place or NameKind.PlaceAlias);

    /// <summary>The one word left of a person's mention without its titles ("mr blair" -> blair), or null.</summary>
    private string? Surname(string key)
    {
        var words = key.Split(' ');
        int i = 0;
        while (i < words.Length - 1 && (_titleWords.Contains(words[i]) || _titleWords.Contains(words[i] + "."))) i++;
        return i == words.Length - 1 ? words[i] : null;
    }

    /// <summary>The one person with this surname whose country the article names, preferring among several the one who
    /// held a role on its date; null when none or more than one fit ("Mr Howard" in a British article is not John Howard).</summary>
    /// <param name="datedOnly">Only the one who held a role on the date, however few the article's countries hold.</param>
    private int? PersonBySurname(string surname, Dictionary<string, int> countries, DateOnly? date, bool datedOnly = false)
    {
        if (!_personsBySurname.TryGetValue(surname, out var ids)) return null;
        int? found = null, dated = null;
        int inCountry = 0, datedCount = 0;
        foreach (int id in ids)
        {
            if (KnowledgeBase.ActorCountry(_kb.Actors[id]) is not { } country || !countries.ContainsKey(country)) continue;
            inCountry++;
            found = id;
            if (date is not { } d) continue;
            foreach (var c in _kb.Actors[id].Codes)
                if (c.IsDated && c.Covers(d)) { datedCount++; dated = id; break; }
        }
        if (inCountry == 1 && !datedOnly) return found;
        return datedCount == 1 ? dated : null;
    }

    /// <summary>
    /// A name NER joined with the agent phrase after it ("the Calenardhon Ministry of Silly Walks", "the Afghan Ministry of
    /// Interior"): its leading words name a country or an actor and all the rest is one agent phrase, so it is that actor
    /// with the agent's role (CAL + GOV), as <see cref="AddAgentPhrases"/> codes the two when NER keeps them apart. A name
    /// whose rest is not wholly an agent ("New York Times") stays unlinked.
    /// </summary>
    private bool NamedAgent(Document doc, EntityMention e, Dictionary<string, int> countries, DateOnly? date)
    {
        int first = doc.TokenAt(e.Start), last = doc.TokenAt(Math.Max(e.Start, e.End - 1));
        if (first < 0 || last <= first) return false;
        if (doc.Tokens[first].Upos == UPos.DET) first++;
        Span<char> buffer = stackalloc char[256];
        for (int len = 1; first + len <= last; len++)
        {
            var hits = _kb.LookupArray(TokenKey(doc, first, first + len));
            if (hits is null) continue;
            hits = Array.FindAll(hits, h => h.Kind is NameKind.Country or NameKind.Demonym or NameKind.Actor);
            if (hits.Length == 0) continue;
            // "Labour Ministry", "Justice Ministry": a name the agents dictionary reads whole as one agent phrase is the ministry
            // of a portfolio, not the actor its first word names (the British Labour party): no actor of its own.
            if (_matcher.LongestAgent(doc, first, last + 1, buffer) is { AgentCode: not null } whole && whole.EndToken == last + 1)
            {
                // A phrase that spells its country ("U.S. Attorney", a federal prosecutor) is that country's agent.
                var own = Array.FindAll(hits, h => h.Kind is NameKind.Country or NameKind.Demonym);
                if (own.Length > 0)
                {
                    Apply(e, Choose(own, null, countries, date), date);
                    if (e.Actor is { Length: > 0 } iso)
                    {
                        e.Actor = whole.AgentCode.StartsWith(iso, StringComparison.Ordinal) ? whole.AgentCode : iso + whole.AgentCode;
                        e.Type = "ORG";
                        e.Kb = null;
                        e.Name = StripName(e.Text);
                    }
                }
                e.Name ??= StripName(e.Text);
                return true;
            }
            int j = first + len;
            if (IsPossessive(doc, j)) j++;
            var agent = j <= last ? _matcher.LongestAgent(doc, j, last + 1, buffer) : default;
            if (agent.AgentCode is null || agent.EndToken != last + 1) continue;
            var hit = Choose(hits, null, countries, date);
            Apply(e, hit, date);
            if (e.Actor is not { Length: > 0 } code) return false;
            e.Actor = agent.AgentCode.StartsWith(code, StringComparison.Ordinal) ? agent.AgentCode : code + agent.AgentCode;
            e.Name = StripName(e.Text);
            e.Type = "ORG";
            // Not the country itself: a later "the country" is not "the U.S. Congress".
            if (hit.Kind is NameKind.Country or NameKind.Demonym) e.Kb = null;
            return true;
        }
        return false;
    }

    /// <summary>
    /// A name NER cut short: of a capitalised word before it ("West German" marked as "German"), or of the words it is
    /// hyphenated with ("Barad-dur" marked as "Barad", "Guinea-Bissau" as "Guinea"). When the mention has no entry and the
    /// wider name names a country or an actor, the mention takes the words in. Null when not.
    /// </summary>
    private NameHit[]? WiderName(Document doc, EntityMention e)
    {
        int first = doc.TokenAt(e.Start), last = doc.TokenAt(Math.Max(e.Start, e.End - 1));
        if (first < 0 || last < first) return null;
        int prev = first - 1;
        if (prev >= 0 && doc.Tokens[prev].Sentence == doc.Tokens[first].Sentence && TokenText(doc, prev) is { Length: >= 2 } word
            && char.IsUpper(word[0]) && CountryOrActor(_kb.LookupArray(TokenKey(doc, prev, last + 1))) is { } before)
            return Widen(doc, e, prev, last, before);
        // Hyphenated on, without spaces: "Barad" "-" "dur" as tokens, or the mention ending inside "Hezb-e-Islami".
        int end = last;
        while (end + 2 < doc.Tokens.Length && Touching(doc, end, end + 1) && Touching(doc, end + 1, end + 2) && TokenText(doc, end + 1) == "-") end += 2;
        bool inside = doc.Tokens[last].End > e.End && doc.Text[e.End] == '-';
        if ((end > last || inside) && !OtherEntityWithin(doc, e, e.End, doc.Tokens[end].End)
            && CountryOrActor(_kb.LookupArray(TokenKey(doc, first, end + 1))) is { } after)
            return Widen(doc, e, first, end, after);
        return null;
    }

    /// <summary>
    /// A double-barrelled name NER cut at its hyphen into two mentions ("Mr Kilroy" "-" "Silk" for "Mr Kilroy-Silk"): one
    /// mention, the person's, when the joined name (without its titles, "kilroy-silk") names a person of the knowledge
    /// base. Only when the hyphen touches both halves and the second half is a person's name.
    /// </summary>
    private void JoinHyphenatedNames(Document doc)
    {
        var entities = doc.Entities;
        for (int i = 0; i < entities.Count; i++)
        {
            var a = entities[i];
            if (a.Via != "ner" || a.Type is not ("PER" or "MISC")) continue;
            int last = doc.TokenAt(Math.Max(a.Start, a.End - 1));
            if (last < 0 || last + 2 >= doc.Tokens.Length || doc.Tokens[last].End != a.End || !Touching(doc, last, last + 1)
                || !Touching(doc, last + 1, last + 2) || TokenText(doc, last + 1) != "-") continue;
            int bi = entities.FindIndex(x => x.Via == "ner" && x.Type == "PER" && x.Start == doc.Tokens[last + 2].Start);
            if (bi < 0) continue;
            var b = entities[bi];
            string joined = NameKey.FromPhrase(doc.Text[a.Start..b.End]);
            var words = joined.Split(' ');
            int w = 0;
            while (w < words.Length - 1 && !words[w].Contains('-')) w++;
            if (!IsPerson(_kb.LookupArray(words[w])) && !IsPerson(_kb.LookupArray(string.Join(' ', words, Math.Max(0, w - 1), Math.Min(2, w + 1))))) continue;
            a.End = b.End;
            a.Text = doc.Text[a.Start..a.End];
            a.Type = "PER";
            entities.RemoveAt(bi);
            if (bi < i) i--;
        }
    }

    private bool IsPerson(NameHit[]? hits)
    {
        if (hits is null) return false;
        foreach (var h in hits) if (h.Kind == NameKind.Actor && _kb.Actors[h.Index].Kind == ActorKind.Person) return true;
        return false;
    }

    private static bool OtherEntityWithin(Document doc, EntityMention e, int start, int end)
    {
        foreach (var x in doc.Entities) if (!ReferenceEquals(x, e) && x.Start < end && x.End > start) return true;
        return false;
    }

    private static bool Touching(Document doc, int a, int b) =>
        doc.Tokens[a].End == doc.Tokens[b].Start && doc.Tokens[a].Sentence == doc.Tokens[b].Sentence;

    private static NameHit[]? CountryOrActor(NameHit[]? hits) =>
        hits is null ? null : Array.FindAll(hits, h => h.Kind is NameKind.Country or NameKind.Demonym or NameKind.Actor) is { Length: > 0 } kept ? kept : null;

    private static NameHit[] Widen(Document doc, EntityMention e, int first, int last, NameHit[] hits)
    {
        e.Start = doc.Tokens[first].Start;
        e.End = Math.Max(e.End, doc.Tokens[last].End);
        e.Text = doc.Text[e.Start..e.End];
        return hits;
    }

    /// <summary>
    /// A recognised name wider than the dictionary's ("The Quibbler government" for the actor "Quibbler"): the longest run
    /// of its words, leftmost first, that names an actor. Only actors: a place or a country inside a name ("New York
    /// Times", "Afghan government") is not what the name stands for. In a person's name, one word that names a person is a
    /// surname: after another given name it is a relative, not that person ("Mary Trump" is not Donald Trump); before one
    /// surname it is a given name, someone else ("Albert Holderson" is not Monaco's Albert).
    /// </summary>
    private NameHit[]? ActorInside(string key, bool person)
    {
        var words = key.Split(' ');
        for (int len = words.Length - 1; len >= 1 && len * 2 >= words.Length; len--)
        {
            for (int i = 0; i + len <= words.Length; i++)
            {
                var hits = _kb.LookupArray(string.Join(' ', words, i, len));
                if (hits is null) continue;
                bool namesake = person && len == 1 && (i > 0 ? !_titleWords.Contains(words[i - 1]) : words.Length == 2);
                var actors = Array.FindAll(hits, h => h.Kind == NameKind.Actor && !(namesake && _kb.Actors[h.Index].Kind == ActorKind.Person));
                if (actors.Length > 0) return actors;
            }
        }
        return null;
    }

    /// <summary>Drops quotes, a leading article and a trailing possessive: "\"The Taliban's" -> "Taliban".</summary>
    internal static string StripName(string text)
    {
        var span = text.AsSpan().Trim();
        while (span.Length > 0 && (TextChars.IsQuote(span[0]) || span[0] is '(' or '[')) span = span[1..].TrimStart();
        while (span.Length > 0 && (TextChars.Fold(span[^1]) == '"' || span[^1] is ')' or ']' or ',' or '.' && span.Length > 1 && !char.IsUpper(span[^2]))) span = span[..^1].TrimEnd();
        if (span.Length > 2 && (span.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || span.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase))) span = span[..^2];
        if (span.Length > 4 && span.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) span = span[4..];
        while (span.Length > 0 && TextChars.IsQuote(span[0])) span = span[1..];
        return span.Trim().ToString();
    }

    /// <summary>
    /// Picks the referent of an ambiguous name. A country beats everything for a place-like or untyped mention
    /// (a country's name never means a town); a person or organisation mention prefers actors; an organisation or
    /// armed group of the dictionaries beats a place that only shares an alternate name with it or has under 100,000
    /// people, even when NER calls the name a location ("the White House" is the US government, not the Tennessee town
    /// or Casablanca's alias; "the Kremlin", "Downing Street" likewise); among actors, those of countries the document
    /// names and those with a role on its date come first; among places, the gazetteer choice is left to the geocoder
    /// (here: the most populous).
    /// </summary>
    private NameHit Choose(NameHit[] hits, string? type, Dictionary<string, int> countries, DateOnly? date)
    {
        NameHit best = hits[0];
        double bestScore = double.MinValue;
        foreach (var h in hits)
        {
            double s = h.Kind switch
            {
                NameKind.Country => type is "PER" or "ORG" ? 5 : 10,
                NameKind.Demonym => type == "MISC" ? 11 : type is null ? 9 : 4,
                NameKind.Actor => ActorScore(_kb.Actors[h.Index], type, countries, date) + CountrySize(_kb.Actors[h.Index]),
                _ => PlaceScore(_kb.Places[h.Index], type, countries) - (h.Kind == NameKind.PlaceAlias ? 2 : 0),
            };
            if (s > bestScore) { bestScore = s; best = h; }
        }
        return best;
    }

    private static double ActorScore(ActorEntry a, string? type, Dictionary<string, int> countries, DateOnly? date)
    {
        double s = type switch
        {
            "PER" => a.Kind == ActorKind.Person ? 8 : 6,
            "ORG" => a.Kind != ActorKind.Person ? 8 : 6,
            "LOC" => a.Kind != ActorKind.Person ? InstitutionAsLocation : 3,
            _ => 7,
        };
        string? country = KnowledgeBase.ActorCountry(a);
        if (country is not null && countries.ContainsKey(country)) s += 0.5;
        if (date is { } d)
            foreach (var c in a.Codes) if (c.IsDated && c.Covers(d)) { s += 0.3; break; }
        return s;
    }

    /// <summary>Among namesakes of equal standing, the actor of the more populous country (a tie-break below 0.01).</summary>
    private double CountrySize(ActorEntry a) =>
        KnowledgeBase.ActorCountry(a) is { } iso3 && _kb.CountryByIso3(iso3) is { } c ? Math.Log10(c.Population + 10) / 1000 : 0;

    /// <summary>An organisation's score for a location mention: above a small place (7 + 0.5) and any alias (at most 6.6), below a place of 100,000 (8).</summary>
    private const double InstitutionAsLocation = 7.6;

    private static double PlaceScore(PlaceEntry p, string? type, Dictionary<string, int> countries)
    {
        double s = type is "LOC" or null ? 7 : 2;
        if (p.Population >= 100_000 || p.FeatureCode is "ADM1" or "PPLC" or "CONT" or "RGN") s += 1;
        if (countries.ContainsKey(p.Iso3)) s += 0.5;
        return s + Math.Log10(p.Population + 10) / 100;
    }

    private void Apply(EntityMention e, NameHit hit, DateOnly? date)
    {
        switch (hit.Kind)
        {
            case NameKind.Country:
            case NameKind.Demonym:
                var c = _kb.Countries[hit.Index];
                e.Name = c.Name;
                e.Kb = MentionKinds.CountryPrefix + c.Iso3;
                e.Actor = c.Iso3;
                break;
            case NameKind.Actor:
                var a = _kb.Actors[hit.Index];
                e.Name = a.Name;
                e.Kb = MentionKinds.ActorPrefix + a.Id;
                e.Actor = KnowledgeBase.ActorCode(a, date, out bool roleUnknown);
                e.RoleUnknown = roleUnknown;
                // NER often calls a movement's name MISC ("the Taliban"); the knowledge base knows it is an organisation.
                if (e.Type == "MISC" && a.Kind is ActorKind.Organization or ActorKind.ArmedGroup) e.Type = "ORG";
                break;
            default:
                // Places: the geocoder picks the GeoNames entry and sets Kb; the actor is the place's country (as in Phoenix).
                var p = _kb.Places[hit.Index];
                e.Name ??= p.Name;
                break;
        }
    }

    private string TypeOf(NameHit hit) => hit.Kind switch
    {
        NameKind.Country or NameKind.Place or NameKind.PlaceAlias => "LOC",
        NameKind.Demonym => "MISC",
        _ => _kb.Actors[hit.Index].Kind == ActorKind.Person ? "PER" : "ORG",
    };

    /// <summary>A dictionary match of three or more words whose referents are all actors (not places).</summary>
    private static bool IsActorName(in KbMatch m) => m.EndToken - m.StartToken >= 3 && m.Hits is { Length: > 0 } hits
        && Array.TrueForAll(hits, h => h.Kind == NameKind.Actor);

    /// <summary>Removes the mentions inside [start, end) when there are at least two, each wholly inside it, and no other
    /// mention crosses its ends; false (nothing removed) otherwise.</summary>
    private static bool TakeFragments(List<EntityMention> sorted, int start, int end, ref int nerCount)
    {
        int inside = 0;
        foreach (var e in sorted)
        {
            if (e.End <= start || e.Start >= end) continue;
            if (e.Start < start || e.End > end) return false;
            inside++;
        }
        if (inside < 2) return false;
        int removed = sorted.RemoveAll(e => e.Start >= start && e.End <= end);
        nerCount -= removed;
        return true;
    }

    private static bool Overlaps(List<EntityMention> sorted, int count, int start, int end)
    {
        for (int i = 0; i < sorted.Count; i++)
        {
            var e = sorted[i];
            if (e.Start >= end) break;
            if (e.End > start) return true;
        }
        return false;
    }

    // ---- capitals and agents ----

    /// <summary>"official Kabul", "Washington said", "Moscow's decision": a capital standing for its government.</summary>
    private void AddCapitalGovernments(Document doc, Span<char> buffer)
    {
        var tokens = doc.Tokens;
        var added = new List<EntityMention>();
        foreach (var e in doc.Entities)
        {
            if (e.Type != "LOC" || e.Via == MentionKinds.Agent) continue;
            var country = _kb.CountryOfCapital(NameKey.FromPhrase(StripName(e.Text)));
            if (country is null) continue;
            int first = doc.TokenAt(e.Start), last = doc.TokenAt(Math.Max(e.Start, e.End - 1));
            if (first < 0 || last < 0) continue;
            string? before = first > 0 && tokens[first - 1].Sentence == tokens[first].Sentence ? TokenText(doc, first - 1) : null;
            int next = last + 1;
            while (next < tokens.Length && TextChars.IsQuote(doc.Text[tokens[next].Start])) next++;
            string? after = next < tokens.Length && tokens[next].Sentence == tokens[last].Sentence ? TokenText(doc, next) : null;
            bool official = string.Equals(before, _official, StringComparison.OrdinalIgnoreCase);
            bool acts = after is not null && (_actingVerbs.Contains(after) || tokens[next].Upos is UPos.VERB or UPos.AUX);
            bool afterPreposition = before is not null && _prepositions.Contains(before);
            if (official)
            {
                int start = tokens[first - 1].Start;
                added.Add(new EntityMention
                {
                    Start = start, End = e.End, Text = doc.Text[start..e.End], Type = "ORG", Name = GovernmentName(country.Name),
                    Kb = MentionKinds.CountryPrefix + country.Iso3, Actor = country.Iso3 + "GOV", Via = MentionKinds.Agent,
                });
                e.Actor ??= country.Iso3;
            }
            else if (acts && !afterPreposition) e.Actor = country.Iso3 + "GOV";
            else e.Actor ??= country.Iso3;
        }
        doc.Entities.AddRange(added);
    }

    /// <summary>
    /// Country + agent noun phrases: "Afghan officials", "the U.S. military", "Afghan security forces",
    /// "Afghanistan's government", "the government of Afghanistan". The agent's code is appended to the country's
    /// (AFG + GOV). A title directly before a person's name ("Afghan President Ashraf Ghani") is left to the person.
    /// </summary>
    private void AddAgentPhrases(Document doc, Span<char> buffer)
    {
        var tokens = doc.Tokens;
        var entities = doc.Entities;
        var added = new List<EntityMention>();
        for (int k = 0; k < entities.Count; k++)
        {
            var e = entities[k];
            if (e.Kb is null || !e.Kb.StartsWith(MentionKinds.CountryPrefix, StringComparison.Ordinal) || e.Via == MentionKinds.Agent) continue;
            string iso3 = e.Kb[MentionKinds.CountryPrefix.Length..];
            int last = doc.TokenAt(Math.Max(e.Start, e.End - 1));
            int first = doc.TokenAt(e.Start);
            if (last < 0 || first < 0) continue;
            int j = last + 1;
            if (j < tokens.Length && IsPossessive(doc, j)) j++;
            var agent = j < tokens.Length ? _matcher.LongestAgent(doc, j, tokens.Length, buffer) : default;
            // A dictionary phrase that spells the country's name in it is read whole when it is the longer: "U.S. attorney"
            // is a federal prosecutor (JUD), not an attorney (CVL) of the United States; "U.S. Attorney General" stays the
            // country's attorney general.
            if (first == last && _matcher.LongestAgent(doc, first, tokens.Length, buffer) is { AgentCode: not null } whole
                && whole.EndToken > last + 1 && (agent.AgentCode is null || whole.EndToken >= agent.EndToken))
                agent = whole;
            if (agent.AgentCode is null && j + 1 < tokens.Length && IsModifier(doc, j))
                agent = _matcher.LongestAgent(doc, j + 1, tokens.Length, buffer);
            if (agent.AgentCode is not null && tokens[agent.StartToken].Sentence == tokens[last].Sentence)
            {
                int endChar = tokens[agent.EndToken - 1].End;
                if (!StartsPerson(entities, endChar))
                {
                    added.Add(Composed(doc, e.Start, endChar, iso3, agent.AgentCode));
                    continue;
                }
            }
            // "the government of Afghanistan"
            if (first >= 2 && TokenText(doc, first - 1).Equals(_of, StringComparison.OrdinalIgnoreCase))
            {
                for (int s = Math.Max(0, first - 4); s < first - 1; s++)
                {
                    var before = _matcher.LongestAgent(doc, s, first - 1, buffer);
                    if (before.AgentCode is not null && before.EndToken == first - 1 && tokens[s].Sentence == tokens[first].Sentence)
                    {
                        added.Add(Composed(doc, tokens[s].Start, e.End, iso3, before.AgentCode));
                        break;
                    }
                }
            }
        }
        entities.AddRange(added);
    }

    /// <summary>The name of a country's government ("Government of Afghanistan").</summary>
    internal string GovernmentName(string country) => _governmentOf + " " + country;

    private EntityMention Composed(Document doc, int start, int end, string iso3, string agentCode)
    {
        var country = _kb.CountryByIso3(iso3);
        return new EntityMention
        {
            Start = start, End = end, Text = doc.Text[start..end], Type = "ORG",
            Name = doc.Text[start..end], Kb = MentionKinds.CountryPrefix + iso3,
            Actor = agentCode.StartsWith(iso3, StringComparison.Ordinal) ? agentCode : iso3 + agentCode,
            Via = MentionKinds.Agent, Confidence = country is null ? 0.5 : 0.9,
        };
    }

    private static bool StartsPerson(List<EntityMention> entities, int afterChar)
    {
        foreach (var e in entities)
            if (e.Type == "PER" && e.Start > afterChar && e.Start <= afterChar + 2) return true;
        return false;
    }

    private static bool IsPossessive(Document doc, int t)
    {
        var s = doc.Text.AsSpan(doc.Tokens[t].Start, doc.Tokens[t].End - doc.Tokens[t].Start);
        return s.Length == 2 && TextChars.Fold(s[0]) == '\'' && s[1] is 's' or 'S' || s.Length == 1 && TextChars.Fold(s[0]) == '\'';
    }

    /// <summary>One lowercase word between a country and its agent noun ("Afghan <i>peace</i> negotiators").</summary>
    private static bool IsModifier(Document doc, int t)
    {
        var s = doc.Text.AsSpan(doc.Tokens[t].Start, doc.Tokens[t].End - doc.Tokens[t].Start);
        if (s.Length < 3 || !char.IsLower(s[0])) return false;
        foreach (char c in s) if (!char.IsLetter(c) && c != '-') return false;
        var upos = doc.Tokens[t].Upos;
        return upos is UPos.None or UPos.ADJ or UPos.NOUN;
    }

    private static string TokenText(Document doc, int t) => doc.Text.Substring(doc.Tokens[t].Start, doc.Tokens[t].End - doc.Tokens[t].Start);
}
