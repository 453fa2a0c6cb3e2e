using Parley.Core;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;
using Parley.Knowledge.Text;
using Parley.Core.Text;

namespace Parley.Knowledge.Geo;

/// <summary>
/// Finds the place mentions of an article and their candidate places: location entities and names linked to a country,
/// demonyms, place names inside organisation names, the dateline, and the qualifier after a town's name. Words around a
/// name say what kind of feature it is ("Helmand province", "Orange County", "the city of Basra", "northern Syria").
/// </summary>
internal sealed class MentionFinder
{
    private readonly KnowledgeBase _kb;
    private readonly PlaceScorer _scorer;
    private readonly GeoWords _words;

    public MentionFinder(KnowledgeBase kb, PlaceScorer scorer, GeoWords words)
    {
        _kb = kb;
        _scorer = scorer;
        _words = words;
    }

    public List<GeoMention> Find(Document doc)
    {
        var result = new List<GeoMention>();
        var locations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in doc.Entities)
            if (e.Type == "LOC" && MentionKinds.IsNamed(e)) locations.Add(NameKey.FromPhrase(EntityLinker.StripName(e.Text)));
        foreach (var e in doc.Entities)
        {
            if (!MentionKinds.IsNamed(e) || e.Via == MentionKinds.CorefSurname || e.End <= e.Start) continue;
            FromEntity(doc, e, result, locations);
        }
        result.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        AddDateline(doc, result);
        AddQualifiers(doc, result);
        result.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    // ---- entities ----

    private void FromEntity(Document doc, EntityMention e, List<GeoMention> result, HashSet<string> locations)
    {
        // Institutions and organisations the linker found ("the White House", "the Kremlin", "Downing Street") are actors;
        // a union of countries also stands for its region, as a country does for its land ("EU countries": Europe).
        if (e.Kb is { } kb && kb.StartsWith(MentionKinds.ActorPrefix, StringComparison.Ordinal))
        {
            int region = _kb.PlaceOfActor(kb[MentionKinds.ActorPrefix.Length..]);
            if (region >= 0 && e.Via != MentionKinds.CorefSurname)
            {
                var union = new GeoMention { Start = e.Start, End = e.End, Text = e.Text, Entity = e, Source = GeoSource.Union, Key = NameKey.FromPhrase(EntityLinker.StripName(e.Text)) };
                union.Add(region, alias: false);
                result.Add(union);
            }
            else if (e.Type is "ORG" or "MISC") FindInName(doc, e, result);
            return;
        }
        bool country = e.Kb is { } ck && ck.StartsWith(MentionKinds.CountryPrefix, StringComparison.Ordinal);
        string text = EntityLinker.StripName(e.Text);
        if (e.Type != "LOC" && e.Kb is null && MistypedLocation(doc, e, text, locations) is { } mistyped)
        {
            result.Add(mistyped);
            return;
        }
        if (e.Type == "PER") return;
        // "an offensive codenamed Karbala-5", "Soyuz-7": a name joined to a number by a hyphen is a code name, not the place.
        if (e.End + 1 < doc.Text.Length && doc.Text[e.End] == '-' && char.IsDigit(doc.Text[e.End + 1])) return;
        // "the GAO" (the General Accounting Office) is no Gao, Mali, and "CD-ROM's" no Rome ("Rom"): in a sentence written
        // in mixed case, capitals with no lower-case letter are an acronym, which names a place only as a country's code
        // ("USA") or, marked a location, a division's abbreviation ("WA"), never by a town's spelt name. In a headline in
        // capitals every word has an acronym's shape, so there it proves nothing (issue 11, Reuters round 28).
        if (!country && IsAcronymInMixedCase(doc, e.Start, text) && !IsDateline(doc.Text, e.Start, e.End))
        {
            var acronym = new GeoMention { Start = e.Start, End = e.End, Text = e.Text, Entity = e, Source = GeoSource.Entity, Key = NameKey.FromPhrase(text) };
            if (e.Type == "LOC" && AddAbbreviation(acronym, text) || AddNames(acronym, acronym.Key, countriesOnly: true)) result.Add(acronym);
            return;
        }
        if (e.Type == "ORG" && !country)
        {
            // An organisation no dictionary knows, named exactly like a notable place, stands for it ("Liverpool have
            // gained popularity": the club, named for its city); otherwise a place may be inside its name.
            var whole = new GeoMention { Start = e.Start, End = e.End, Text = e.Text, Entity = e, Source = GeoSource.Entity };
            if (e.Kb is null && AddNotableNames(whole, NameKey.FromPhrase(text)) && whole.Candidates.Exists(c => _kb.Places[c].Population >= 100_000 || _kb.IsCountryPlace(c)))
                result.Add(whole);
            else FindInName(doc, e, result);
            return;
        }
        var m = new GeoMention { Start = e.Start, End = e.End, Text = e.Text, Entity = e, Source = GeoSource.Entity, AfterThe = AfterThe(doc, e), AfterTitleThe = AfterTitleThe(doc, e) };
        if (e.Type == "MISC")
        {
            // A demonym ("Afghan", "European") names its country or region, and NER calls some regions MISC ("Latin
            // America"); other MISC names are not places themselves, but may hold one ("Syrian-Turkish").
            string key = NameKey.FromPhrase(text);
            if (AddDemonym(m, key) || country && AddNames(m, key) || AddNotableNames(m, key)) result.Add(m);
            else FindInName(doc, e, result);
            return;
        }
        int comma = text.IndexOf(',');
        if (comma > 0)
        {
            // "Kandahar, Afghanistan", "Washington, D.C.": the part after the comma contains the part before.
            AddContainers(m, text[(comma + 1)..].Trim());
            if (m.Containers.Count > 0) text = text[..comma];
        }
        string name = NameKey.FromPhrase(text);
        // A demonym is its country or region, never a town of that name ("Canadian", Texas; "English", Indiana), also when
        // NER calls it a location.
        if (m.Containers.Count > 0 || !AddDemonym(m, name))
        {
            m.Source = GeoSource.Entity;
            Candidates(m, name, m.Containers.Count > 0 ? text : Abbreviation(e.Text));
        }
        Filter(m);
        if (m.Containers.Count > 0 && !AnyInside(m)) m.Containers.Clear();
        if (m.Candidates.Count > 0) result.Add(m);
        // A location's name that is no place itself may hold one ("Western US", "South Waziristan Agency").
        else FindInName(doc, e, result);
    }

    /// <summary>
    /// A name NER typed as a person, organisation or other, that no dictionary knows as such, and that is a place's own
    /// name where the text treats it as a place: after a locative preposition ("a forum in Red Oak", "around Hinton"), or
    /// when the article names it as a location elsewhere (one sense per discourse).
    /// </summary>
    private GeoMention? MistypedLocation(Document doc, EntityMention e, string text, HashSet<string> locations)
    {
        string key = NameKey.FromPhrase(text);
        if (key.Length < 3) return null;
        bool located = locations.Contains(key);
        if (!located)
        {
            int first = doc.TokenAt(e.Start);
            if (first <= 0 || doc.Tokens[first - 1].Sentence != doc.Tokens[first].Sentence) return null;
            var prev = doc.Tokens[first - 1];
            if (!_words.IsLocativePreposition(doc.Text.AsSpan(prev.Start, prev.End - prev.Start))) return null;
        }
        var hits = _kb.LookupArray(key);
        if (hits is null) return null;
        var m = new GeoMention { Start = e.Start, End = e.End, Text = e.Text, Entity = e, Source = GeoSource.Entity, Key = key, AfterThe = AfterThe(doc, e), AfterTitleThe = AfterTitleThe(doc, e) };
        foreach (var h in hits)
        {
            if (h.Kind is NameKind.Actor or NameKind.Demonym) return null; // a known actor or people's name is not mistyped
            if (h.Kind == NameKind.Place && (_kb.Places[h.Index].Population >= 1_000 || !_kb.Places[h.Index].FeatureCode.StartsWith("PPL", StringComparison.Ordinal)))
                m.Add(h.Index, alias: false);
        }
        Filter(m);
        return m.Candidates.Count > 0 ? m : null;
    }

    /// <summary>The entity's text as written, for an abbreviation: surrounding quotes and a leading "the" off, a final dot kept ("Wash.").</summary>
    private string Abbreviation(string text)
    {
        var t = text.AsSpan().Trim();
        if (_words.StartsWithArticle(t)) t = t[(_words.Article.Length + 1)..];
        while (t.Length > 0 && TextChars.IsQuote(t[0])) t = t[1..];
        while (t.Length > 0 && (TextChars.IsQuote(t[^1]) || t[^1] == ',')) t = t[..^1];
        return t.ToString();
    }

    /// <summary>
    /// True when "the" goes with the name itself ("the Atlantic", "the Republic"), not with a noun it modifies ("the
    /// Parkland shooting", "the Beverly Hills hotel").
    /// </summary>
    private bool AfterThe(Document doc, EntityMention e)
    {
        int last = doc.TokenAt(Math.Max(e.Start, e.End - 1));
        if (last >= 0 && last + 1 < doc.TokenCount)
        {
            var next = doc.Tokens[last + 1];
            bool modifies = next.Upos is UPos.NOUN or UPos.PROPN or UPos.NUM
                || next.Upos == UPos.None && next.End > next.Start && char.IsLetter(doc.Text[next.Start]) && next.Sentence == doc.Tokens[last].Sentence;
            if (modifies) return false;
        }
        if (_words.StartsWithArticle(e.Text)) return true;
        int t = doc.TokenAt(e.Start);
        if (t <= 0) return false;
        var prev = doc.Tokens[t - 1];
        return _words.IsArticle(doc.Text.AsSpan(prev.Start, prev.End - prev.Start));
    }

    /// <summary>
    /// True when the name follows "The" capitalised in mid-sentence ("told The Atlantic", "reported in The Atlantic"): the
    /// title of a publication or an organisation, not an ocean or a town of that name.
    /// </summary>
    private bool AfterTitleThe(Document doc, EntityMention e)
    {
        int at = e.Start;
        if (!e.Text.StartsWith(_words.TitleArticle, StringComparison.Ordinal))
        {
            int t = doc.TokenAt(e.Start);
            if (t <= 0) return false;
            var prev = doc.Tokens[t - 1];
            if (!doc.Text.AsSpan(prev.Start, prev.End - prev.Start).SequenceEqual(_words.TitleArticle.AsSpan().TrimEnd())) return false;
            at = prev.Start;
        }
        int first = doc.TokenAt(at);
        return first > 0 && doc.Tokens[first - 1].Sentence == doc.Tokens[first].Sentence;
    }

    /// <summary>
    /// Drops candidates the words around the name rule out: a division called by a common word ("West", "Centre", "Gulf",
    /// "Capital": regions of Cameroon, France, Papua New Guinea...) as a word of a longer name, any place that has such a
    /// word only as an alternate name ("Western" for Cuba City), and after "the" a town
    /// (towns and counties are not written with "the": "the Atlantic" is not Atlantic, Iowa, nor Atlantic County; "the
    /// Republic" not Republic, Missouri), and after "The" capitalised in mid-sentence anything but a country or a place
    /// named with "The" ("told The Atlantic": the magazine, not the ocean nor a town; "in The Gambia", "in The Hague" stay).
    /// </summary>
    private void Filter(GeoMention m)
    {
        for (int i = m.Candidates.Count - 1; i >= 0; i--)
        {
            var p = _kb.Places[m.Candidates[i]];
            bool drop = p.FeatureCode is "ADM1" or "ADM2" && _words.IsGenericName(p.Name) && !string.Equals(EntityLinker.StripName(m.Text), p.Name, StringComparison.OrdinalIgnoreCase)
                || m.Alias[i] && _words.IsGenericName(m.Key)
                || m.AfterThe && !p.Name.StartsWith(_words.TitleArticle, StringComparison.Ordinal)
                    && (p.Population < 50_000 && p.FeatureCode.StartsWith("PPL", StringComparison.Ordinal) || p.FeatureCode == "ADM2")
                || m.AfterTitleThe && !p.Name.StartsWith(_words.TitleArticle, StringComparison.Ordinal) && !_kb.IsCountryPlace(m.Candidates[i]);
            if (drop)
            {
                m.Candidates.RemoveAt(i);
                m.Alias.RemoveAt(i);
            }
        }
    }

    /// <summary>True when some candidate lies in one of the mention's containers (else the comma was a list's, not a qualifier's).</summary>
    private bool AnyInside(GeoMention m)
    {
        foreach (int c in m.Containers)
            foreach (int p in m.Candidates)
                if (_scorer.Contains(c, p)) return true;
        return false;
    }

    /// <summary>Candidates of a location's name: the name itself, an abbreviation, or the name without the words that say its kind.</summary>
    private void Candidates(GeoMention m, string key, string text)
    {
        m.Key = key;
        // "WA", "BC", "Mont.": an abbreviation first; a town may share the letters ("Wa", Ghana; "Mons", Belgium).
        bool abbreviation = text.Length <= 7 && (text.EndsWith('.') || text.Length <= 4 && text.All(char.IsUpper)) && AddAbbreviation(m, text);
        if (AddNames(m, key) || abbreviation) return;
        foreach (var (suffix, kind) in _words.Suffixes)
        {
            if (key.Length <= suffix.Length + 2 || !key.EndsWith(suffix, StringComparison.Ordinal)) continue;
            string inner = key[..^suffix.Length];
            if (AddNames(m, inner)) { m.Key = inner; m.Wanted = kind; return; }
        }
        foreach (var (prefix, kind) in _words.Prefixes)
        {
            if (key.Length <= prefix.Length + 2 || !key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string inner = key[prefix.Length..];
            if (AddNames(m, inner)) { m.Key = inner; m.Wanted = kind; return; }
        }
        // "Pangkal Pinang" = "Pangkalpinang".
        foreach (int i in _kb.PlacesByCompactKey(key)) m.Add(i, alias: true);
    }

    /// <summary>Adds the places and countries a key names (not its demonyms or actors); false when there are none.</summary>
    private bool AddNames(GeoMention m, string key, bool countriesOnly = false)
    {
        var hits = _kb.LookupArray(key);
        if (hits is null) return false;
        bool any = false;
        foreach (var h in hits)
        {
            switch (h.Kind)
            {
                case NameKind.Country:
                    int cp = _kb.CountryPlace(h.Index);
                    if (cp < 0) break;
                    m.Add(cp, alias: false);
                    m.NamesCountry = true;
                    any = true;
                    break;
                case NameKind.Place or NameKind.PlaceAlias when !countriesOnly:
                    m.Add(h.Index, h.Kind == NameKind.PlaceAlias);
                    any = true;
                    break;
            }
        }
        return any;
    }

    /// <summary>
    /// A demonym's place: a continent, region or division whose adjective the supplement lists ("European", "English",
    /// "Scottish"), else the country whose demonym it is ("Afghan", "Canadian").
    /// </summary>
    private bool AddDemonym(GeoMention m, string key)
    {
        m.Key = key;
        int place = _kb.PlaceOfDemonym(key);
        if (place < 0)
        {
            var hits = _kb.LookupArray(key);
            if (hits is not null)
                foreach (var h in hits)
                    if (h.Kind == NameKind.Demonym && _kb.CountryPlace(h.Index) is >= 0 and var cp) { place = cp; break; }
        }
        if (place < 0) return false;
        m.Add(place, alias: false);
        m.Source = GeoSource.Demonym;
        return true;
    }

    /// <summary>A name of two to six capitals and no lower-case letter ("GAO", "ROM") in a sentence that has lower-case words.</summary>
    private static bool IsAcronymInMixedCase(Document doc, int offset, string name)
    {
        if (name.Length is < 2 or > 6) return false;
        foreach (char c in name) if (!char.IsUpper(c)) return false;
        int si = doc.SentenceAt(offset);
        if (si < 0) return false;
        var sentence = doc.Sentences[si];
        foreach (char c in doc.Text.AsSpan(sentence.Start, sentence.End - sentence.Start)) if (char.IsLower(c)) return true;
        return false;
    }

    /// <summary>A dateline's place in capitals ("BOSTON (Reuters) -", "DALLAS (AP) -", "MANILA, Philippines -", "LONDON" opening
    /// the text): followed by a bracket or dash, or opening a line, or after a full stop and before a comma.</summary>
    private static bool IsDateline(string text, int start, int end)
    {
        if (!FollowedLikeDateline(text, end, out int after)) return false;
        if (text[after] is '(' or '-' or '\u2013' or '\u2014') return true;
        int before = start - 1;
        while (before >= 0 && text[before] is ' ' or '\t') before--;
        return before < 0 || text[before] is '\n' or '\r' or '.';
    }

    /// <summary>What follows a dateline's place: a comma, an agency in parentheses, a dash, a colon, a line break, or the
    /// first capital of the text after a space; <paramref name="after"/> is where it starts.</summary>
    private static bool FollowedLikeDateline(string text, int end, out int after)
    {
        after = end;
        while (after < text.Length && text[after] == ' ') after++;
        return after < text.Length && (text[after] is ',' or '(' or '-' or '\u2013' or '\u2014' or ':' or '\uFFFD' or '\n' || char.IsUpper(text[after]) && after > end);
    }

    /// <summary>A short code or dotted abbreviation of a division, when NER marked it as a location ("BC", "N.B.").</summary>
    private bool AddAbbreviation(GeoMention m, string text)
    {
        var ids = _kb.PlacesByAbbreviation(text);
        foreach (int i in ids)
        {
            m.Add(i, alias: false);
            m.ByAbbreviation.Add(i);
        }
        return ids.Length > 0;
    }

    /// <summary>Containers a qualifier names: countries, divisions (by name or, written exactly so, abbreviation).</summary>
    private void AddContainers(GeoMention m, string text)
    {
        if (text.Length == 0 || !char.IsUpper(text[0])) return;
        var hits = _kb.LookupArray(NameKey.FromPhrase(text));
        if (hits is not null)
        {
            foreach (var h in hits)
            {
                int p = h.Kind switch
                {
                    NameKind.Country => _kb.CountryPlace(h.Index),
                    NameKind.Place or NameKind.PlaceAlias when _kb.Places[h.Index].FeatureCode is "ADM1" or "ADM2" => h.Index,
                    _ => -1,
                };
                if (p >= 0 && !m.Containers.Contains(p)) m.Containers.Add(p);
            }
        }
        foreach (int i in _kb.PlacesByAbbreviation(text)) if (!m.Containers.Contains(i)) m.Containers.Add(i);
    }

    // ---- names inside names ----

    /// <summary>
    /// Country names, demonyms, regions, first-level divisions and large cities inside an organisation's, a MISC or a
    /// location's name ("Syrian Observatory for Human Rights", "University of California", "Syrian-Turkish", "Western
    /// US"). Inside a MISC name a demonym keeps its role, inside a location's name a place is a place; anything else
    /// inside a name is marked as such.
    /// </summary>
    private void FindInName(Document doc, EntityMention e, List<GeoMention> result)
    {
        int first = doc.TokenAt(e.Start), last = doc.TokenAt(Math.Max(e.Start, e.End - 1));
        if (first < 0 || last < first) return;
        var tokens = doc.Tokens;
        for (int i = first; i <= last;)
        {
            var t = tokens[i];
            if (t.End - t.Start < 2 || !char.IsUpper(doc.Text[t.Start]) || _words.IsGenericName(doc.Text[t.Start..t.End])) { i++; continue; }
            bool opens = i == first || OpensPlaceName(doc, i - 1);
            GeoMention? best = null;
            int bestEnd = i;
            for (int j = i; j <= last && j < i + 4; j++)
            {
                if (j == first && tokens[last].End <= tokens[j].End) break; // the whole name is not "inside" it
                string key = NameKey.FromPhrase(doc.Text[t.Start..tokens[j].End]);
                var m = new GeoMention { Start = t.Start, End = tokens[j].End, Text = doc.Text[t.Start..tokens[j].End], Entity = e, Source = GeoSource.InName };
                if (AddDemonym(m, key))
                {
                    if (e.Type != "MISC") m.Source = GeoSource.InName;
                }
                else if (!AddNotableNames(m, key)) continue;
                if (!opens && !KeepOnlyCountriesAndRegions(m)) continue;
                // Inside a location's name the place is where that location is ("the Tijuana River", "Western US").
                if (e.Type == "LOC") m.Source = GeoSource.Entity;
                best = m;
                bestEnd = j;
            }
            if (best is null) { i++; continue; }
            result.Add(best);
            i = bestEnd + 1;
        }
    }

    /// <summary>
    /// Inside a longer name, a town's or a division's name starts the name or follows "the", "of", "in", "for" or a hyphen
    /// ("University of California", "The Washington Post"); in the middle of other capitalised words it is part of them
    /// ("Cielo Vista Mall", "Queen Elizabeth Hospital"). A country's or a region's name counts anywhere ("Air Zimbabwe").
    /// </summary>
    private bool OpensPlaceName(Document doc, int previous)
    {
        var p = doc.Tokens[previous];
        var word = doc.Text.AsSpan(p.Start, p.End - p.Start);
        return _words.OpensName(word) || word.Length == 1 && TextChars.Fold(word[0]) == '-';
    }

    /// <summary>Drops the candidates that are not countries, continents or regions; false when none is left.</summary>
    private bool KeepOnlyCountriesAndRegions(GeoMention m)
    {
        for (int i = m.Candidates.Count - 1; i >= 0; i--)
        {
            if (_kb.IsCountryPlace(m.Candidates[i]) || _kb.Places[m.Candidates[i]].FeatureCode is "CONT" or "RGN" or "RGNE") continue;
            m.Candidates.RemoveAt(i);
            m.Alias.RemoveAt(i);
        }
        return m.Candidates.Count > 0;
    }

    /// <summary>
    /// Names notable enough to be meant inside another name: countries, regions, first-level divisions, second-level ones
    /// of several words ("Hamilton County"), cities of 100,000.
    /// </summary>
    private bool AddNotableNames(GeoMention m, string key)
    {
        m.Key = key;
        var hits = _kb.LookupArray(key);
        if (hits is null) return false;
        foreach (var h in hits)
        {
            if (h.Kind == NameKind.Country && _kb.CountryPlace(h.Index) is >= 0 and var cp) { m.Add(cp, false); m.NamesCountry = true; }
            else if (h.Kind is NameKind.Place or NameKind.PlaceAlias)
            {
                var p = _kb.Places[h.Index];
                if (_words.IsGenericName(p.Name)) continue;
                bool alias = h.Kind == NameKind.PlaceAlias;
                // An alternate spelling counts for a large city ("New York" for New York City), not for anything else.
                if (alias ? p.Population >= 100_000 && p.FeatureCode.StartsWith("PPL", StringComparison.Ordinal) && char.ToLowerInvariant(p.Name[0]) == key[0]
                    : p.FeatureCode is "ADM1" or "CONT" or "RGN" or "RGNE" || p.FeatureCode == "ADM2" && key.Contains(' ')
                      || p.Population >= 100_000 && p.FeatureCode.StartsWith("PPL", StringComparison.Ordinal))
                    m.Add(h.Index, alias);
            }
        }
        return m.Candidates.Count > 0;
    }

    // ---- dateline ----

    /// <summary>
    /// The dateline: a place name in capitals at the head of the article, before a comma, an agency in parentheses or a
    /// dash ("BEIRUT (AP) —", "SPRINGFIELD, Ill. (AP) -", "KABUL, Afghanistan —"). The mention found there is marked;
    /// when no entity covers it, it is added.
    /// </summary>
    private void AddDateline(Document doc, List<GeoMention> mentions)
    {
        string text = doc.Text;
        int start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        int end = start;
        while (end < text.Length && end - start < 40 && (char.IsUpper(text[end]) || text[end] is ' ' or '-' or '.' or '\'' && end + 1 < text.Length && char.IsUpper(text[end + 1]))) end++;
        while (end > start && !char.IsLetter(text[end - 1])) end--;
        if (end - start < 3 || end >= text.Length) return;
        if (!FollowedLikeDateline(text, end, out _)) return;
        foreach (var m in mentions)
        {
            if (m.Start < end && start < m.End)
            {
                if (m.Source == GeoSource.Entity) m.IsDateline = true;
                return;
            }
        }
        var d = new GeoMention { Start = start, End = end, Text = text[start..end], Source = GeoSource.Dateline, IsDateline = true };
        Candidates(d, NameKey.FromPhrase(d.Text), d.Text);
        // Only a place of some size or rank heads an article; a capitalised first word that is also a hamlet does not.
        for (int i = d.Candidates.Count - 1; i >= 0; i--)
        {
            var p = _kb.Places[d.Candidates[i]];
            if (p.Population < 10_000 && p.FeatureCode is not ("PCLI" or "ADM1" or "PPLC" or "PPLA" or "PPLA2")) { d.Candidates.RemoveAt(i); d.Alias.RemoveAt(i); }
        }
        if (d.Candidates.Count > 0) mentions.Add(d);
    }

    // ---- qualifiers ----

    /// <summary>
    /// "Alexandria, La.", "Paris, Texas", "Kandahar, Afghanistan": a name followed by a comma and a country, a division or
    /// its abbreviation is a place inside that container. The qualifier is the mention that follows, or (when NER left it
    /// out) the abbreviation or name read from the text, which is then added as a mention of its own.
    /// </summary>
    private void AddQualifiers(Document doc, List<GeoMention> mentions)
    {
        string text = doc.Text;
        int count = mentions.Count;
        for (int k = 0; k < count; k++)
        {
            var m = mentions[k];
            if (m.Source is not (GeoSource.Entity or GeoSource.Dateline) || m.Containers.Count > 0 || m.NamesCountry) continue;
            int at = m.End;
            if (at + 2 >= text.Length || text[at] != ',' || text[at + 1] != ' ') continue;
            at += 2;
            GeoMention? next = null;
            for (int j = k + 1; j < count; j++)
                if (mentions[j].Start == at && mentions[j].Source is GeoSource.Entity) { next = mentions[j]; break; }
            if (next is not null)
            {
                if (next.Containers.Count > 0) continue;
                AddContainers(m, next.Text);
                if (m.Containers.Count > 0 && !AnyInside(m)) m.Containers.Clear();
                if (m.Containers.Count == 0) continue;
                m.QualifierMention = next;
                next.Qualified = m;
                continue;
            }
            // No entity there: an abbreviation ("La.", "Ill.", "N.Y.", "D.C.") or a division's name NER missed.
            int end = at;
            while (end < text.Length && end - at < 24 && (char.IsLetter(text[end]) || text[end] is '.' || text[end] == ' ' && end + 1 < text.Length && char.IsUpper(text[end + 1]))) end++;
            while (end > at && text[end - 1] == ' ') end--;
            for (int stop = end; stop > at; stop--)
            {
                if (stop < end && text[stop] != ' ' && text[stop - 1] != '.') continue;
                AddContainers(m, text[at..stop]);
                if (m.Containers.Count > 0 && !AnyInside(m)) m.Containers.Clear();
                if (m.Containers.Count == 0) continue;
                var q = new GeoMention { Start = at, End = stop, Text = text[at..stop], Key = NameKey.FromPhrase(text[at..stop]), Source = GeoSource.Qualifier, Qualified = m };
                foreach (int c in m.Containers) q.Add(c, alias: false);
                m.QualifierMention = q;
                mentions.Add(q);
                break;
            }
        }
    }
}
