using Parley.Knowledge.Kb;

namespace Parley.Knowledge.Geo;

/// <summary>
/// Chooses each mention's place among its candidates. The rules, strongest first (their weights keep this order: a
/// later rule only decides among candidates an earlier one leaves level):
/// <list type="number">
/// <item>The kind of name: a country's name is the country (never a town or a homonymous province), unless the article
/// is about another country that has a first-level division of that name and never names that country otherwise
/// ("Georgia" among US senators); a first-level division's main name is the division, unless the national capital or a
/// city of 100,000 inside it has that name ("Washington", "New York"); a demonym is its country or region. Words around
/// the name ask for a kind ("Helmand province", "Orange County", "the city of Basra").</item>
/// <item>The text's own qualifier: "Alexandria, La.", "Paris, Texas", "Kandahar, Afghanistan" put the place inside the
/// named division or country; an unqualified mention of the same name in the article is the same place.</item>
/// <item>The article's other places: candidates in the countries, first- and second-level divisions the article names
/// or has resolved, and near the points of its other places (local news names its neighbourhoods and towns together).
/// Evidence from the same name never counts for itself.</item>
/// <item>The dateline ("BEIRUT (AP) —"): its country and division.</item>
/// <item>The source's country, from a country-code web domain (a .co.uk paper's "Cambridge" is in England).</item>
/// <item>Size and rank: population (a division's is the sum of its listed places, counted lower), capitals and division
/// seats above other towns, a city above the division it shares its name with ("New York", "São Paulo"), alternate
/// names and town sections below main names and whole towns.</item>
/// </list>
/// Some candidates count only when their country is in the article (see <see cref="Plausible"/>); a mention left without
/// any is no place. Resolution runs twice: first with the evidence of unambiguous names only (countries, demonyms, names
/// with one candidate, qualifiers, the dateline), then with every first-round choice as evidence, weighted by how clear
/// it was. The weights are <see cref="GeoWeights"/>; docs/GEOCODING.md says why the rules come in this order.
/// </summary>
internal sealed class PlaceScorer
{
    private readonly KnowledgeBase _kb;
    private readonly GeoWeights _w;
    private readonly GeoWords _words;

    public PlaceScorer(KnowledgeBase kb, GeoWords words, GeoWeights? weights = null)
    {
        _kb = kb;
        _words = words;
        _w = weights ?? GeoWeights.Default;
    }

    public void Resolve(List<GeoMention> mentions, ArticleContext ctx)
    {
        // Round 1: the evidence every reading agrees on.
        ctx.Clear();
        foreach (var m in mentions)
        {
            if (m.Candidates.Count == 1) ctx.AddPlace(m.Group, m.Candidates[0], Weight(m));
            else if (m.NamesCountry) ctx.AddPlace(m.Group, FirstCountry(m), Weight(m));
            foreach (int c in m.Containers) ctx.AddPlace(m.Group, c, 1);
        }
        var dateline = mentions.Find(m => m.IsDateline);
        if (dateline is not null)
        {
            Choose(dateline, ctx);
            ctx.Dateline = dateline.Chosen;
        }
        foreach (var m in mentions) Choose(m, ctx);

        // Round 2: every choice is evidence, a clear one more than a close call.
        ctx.Clear();
        foreach (var m in mentions)
        {
            if (m.Chosen < 0) continue;
            double clarity = m.Candidates.Count == 1 || m.Margin >= 2 ? 1 : 0.5;
            ctx.AddPlace(m.Group, m.Chosen, Weight(m) * clarity);
        }
        if (dateline is not null)
        {
            Choose(dateline, ctx);
            ctx.Dateline = dateline.Chosen;
        }
        foreach (var m in mentions) Choose(m, ctx);

        // One place per group: the choice of its first mention with the clearest margin.
        var byGroup = new Dictionary<int, GeoMention>();
        foreach (var m in mentions)
            if (m.Chosen >= 0 && (!byGroup.TryGetValue(m.Group, out var b) || m.Margin > b.Margin + 1e-9 && m.Candidates.Count >= b.Candidates.Count)) byGroup[m.Group] = m;
        foreach (var m in mentions)
            if (byGroup.TryGetValue(m.Group, out var b) && m.Candidates.Contains(b.Chosen)) m.Chosen = b.Chosen;

        // A qualifier is the container of the place it qualifies ("La." is Louisiana because Alexandria is there).
        foreach (var m in mentions)
        {
            if (m.QualifierMention is not { } q || m.Chosen < 0) continue;
            foreach (int c in m.Containers)
                if (Contains(c, m.Chosen) && q.Candidates.Contains(c)) { q.Chosen = c; break; }
        }
    }

    /// <summary>Writes each mention with its five best candidates and their final scores.</summary>
    public void Explain(TextWriter w, string docId, List<GeoMention> mentions, ArticleContext ctx)
    {
        foreach (var m in mentions)
        {
            w.WriteLine($"{docId} @{m.Start} [{m.Text}] {m.Source} key={m.Key} wanted={m.Wanted} group={m.Group} country={m.NamesCountry} containers={m.Containers.Count} dateline={m.IsDateline}");
            bool georgia = m.NamesCountry && DivisionOfArticleCountry(m, ctx);
            int cityOverDivision = CityOverDivision(m);
            var scored = new List<(double S, int C, bool A)>();
            for (int i = 0; i < m.Candidates.Count; i++)
            {
                double s = Score(m, m.Candidates[i], m.Alias[i], ctx, georgia);
                if (!m.Alias[i] && _kb.Places[m.Candidates[i]].FeatureCode == "ADM1" && cityOverDivision < 0) s += _w.DivisionName;
                scored.Add((s, m.Candidates[i], m.Alias[i]));
            }
            foreach (var (sc, c, a) in scored.OrderByDescending(x => x.S).Take(5))
            {
                var p = _kb.Places[c];
                w.WriteLine(FormattableString.Invariant($"    {(c == m.Chosen ? "*" : " ")} {sc,6:0.00} {p.Name} {p.Iso3} {p.Admin1} {p.FeatureCode} pop {p.Population} id {p.GeonameId}{(a ? " alias" : "")}"));
            }
        }
    }

    /// <summary>How much a mention says about the article's whereabouts: a place named as such more than a name inside a name.</summary>
    private static double Weight(GeoMention m) => m.Source switch
    {
        GeoSource.InName or GeoSource.Union => 0.4,
        GeoSource.Demonym => 0.7,
        _ => 1,
    };

    private int FirstCountry(GeoMention m)
    {
        foreach (int c in m.Candidates) if (_kb.IsCountryPlace(c)) return c;
        return m.Candidates[0];
    }

    private void Choose(GeoMention m, ArticleContext ctx)
    {
        double best = double.NegativeInfinity, second = double.NegativeInfinity;
        int chosen = -1;
        bool georgia = m.NamesCountry && DivisionOfArticleCountry(m, ctx);
        int cityOverDivision = CityOverDivision(m);
        for (int i = 0; i < m.Candidates.Count; i++)
        {
            if (!Plausible(m, i, ctx)) continue;
            double s = Score(m, m.Candidates[i], m.Alias[i], ctx, georgia);
            if (!m.Alias[i] && _kb.Places[m.Candidates[i]].FeatureCode == "ADM1" && cityOverDivision < 0) s += _w.DivisionName;
            if (s > best) { second = best; best = s; chosen = m.Candidates[i]; }
            else if (s > second) second = s;
        }
        m.Chosen = chosen;
        m.Margin = double.IsNegativeInfinity(second) ? 100 : best - second;
    }

    /// <summary>
    /// Candidates that only context can make plausible: without their country in the article, they are no candidates at
    /// all, and a mention left without any is no place. They are a division named by an abbreviation standing alone ("BA"
    /// is Bahia only in a Brazilian story; usually it is British Airways or a degree), by a common word ("the West" is not
    /// Cameroon's West region) or after "the" ("the Red Sea" is not Sudan's Red Sea state), a small division called by one
    /// word (under 50,000 people: Saba in the Caribbean Netherlands is not Yemen's Saba), and a
    /// place that has the name only as an altogether different alternate name (Castilla La Nueva's "Shell").
    /// </summary>
    private bool Plausible(GeoMention m, int i, ArticleContext ctx)
    {
        int c = m.Candidates[i];
        var p = _kb.Places[c];
        bool division = p.FeatureCode is "ADM1" or "ADM2";
        bool weak = m.ByAbbreviation.Contains(c) && m.Qualified is null
            || division && (_words.IsGenericName(p.Name) || _words.IsGenericName(m.Key) || m.AfterThe
                || p.Population < 50_000 && !m.Key.Contains(' ')) && m.Qualified is null
            || m.Alias[i] && !SameInitial(m.Key, p.Name) && m.Source != GeoSource.Union;
        return !weak || ctx.Country(p.Iso3, m.Group) > 0;
    }

    /// <summary>
    /// A first-level division's main name means the division ("Florida", "California", "Punjab"), not a small namesake
    /// town elsewhere -- unless the name is also the national capital's ("Washington") or that of a city of 100,000 inside
    /// the division ("New York", "São Paulo", "Lagos"): then that city. Returns the city's candidate, or -1.
    /// </summary>
    private int CityOverDivision(GeoMention m)
    {
        foreach (int c in m.Candidates)
        {
            var p = _kb.Places[c];
            if (p.FeatureCode == "PPLC") return c;
            if (p.Population < 100_000 || !p.FeatureCode.StartsWith("PPL", StringComparison.Ordinal)) continue;
            foreach (int d in m.Candidates)
                if (_kb.Places[d].FeatureCode == "ADM1" && Contains(d, c)) return c;
        }
        return -1;
    }

    /// <summary>
    /// True when a country's name is better read as a first-level division of a country the article is about, which it
    /// names at least twice, while the namesake country is named nowhere else ("Georgia" in a story about US senators).
    /// </summary>
    private bool DivisionOfArticleCountry(GeoMention m, ArticleContext ctx)
    {
        int country = FirstCountry(m);
        if (ctx.Country(_kb.Places[country].Iso3, m.Group) >= 1) return false;
        foreach (int c in m.Candidates)
        {
            var p = _kb.Places[c];
            if (p.FeatureCode == "ADM1" && ctx.Country(p.Iso3, m.Group) >= 2) return true;
        }
        return false;
    }

    internal double Score(GeoMention m, int candidate, bool alias, ArticleContext ctx, bool georgia)
    {
        var p = _kb.Places[candidate];
        double s = Prior(p);
        // An alternate spelling ("Kyiv", "Mazar-i-Sharif") is nearly as good as the name; another name altogether (a
        // historical or nicknamed one: Casablanca's "White House", Dayton's "Venice") much less.
        // A division's short name ("Allendale" for Allendale County) is weaker still: the town of that name comes first.
        if (alias) s -= p.FeatureCode is "ADM1" or "ADM2" && p.Name.StartsWith(m.Key, StringComparison.OrdinalIgnoreCase) ? _w.ShortNamePenalty
            : SameInitial(m.Key, p.Name) ? _w.SpellingPenalty : _w.OtherNamePenalty;

        // 1. The kind of name.
        bool isCountry = _kb.IsCountryPlace(candidate);
        if (isCountry && m.NamesCountry && !georgia) s += _w.CountryName;
        if (georgia && p.FeatureCode == "ADM1") s += 3;
        // An ocean's or a sea's name is the ocean, as a country's is the country ("Atlantic hurricanes" are not Atlantic, Iowa's).
        if (IsSea(p)) s += _w.CountryName;
        if (!Fits(m.Wanted, p.FeatureCode)) s -= _w.WrongKind;
        if (p.FeatureCode.StartsWith("PPL", StringComparison.Ordinal) && _kb.Admin1Of(p) is { } division
            && Text.NameKey.FromPhrase(division.Name) == m.Key) s += _w.NamesakeCity;

        // 2. The text's own qualifier.
        if (m.Containers.Count > 0)
        {
            bool inside = false;
            foreach (int c in m.Containers) if (Contains(c, candidate)) { inside = true; break; }
            s += inside ? _w.Qualifier : -_w.Qualifier;
        }
        if (m.Qualified is { } q && q.Candidates.Count > 0)
        {
            // A qualifier's own reading: the container of one of the qualified name's candidates.
            bool holds = false;
            foreach (int c in q.Candidates) if (Contains(candidate, c)) { holds = true; break; }
            if (holds) s += 3;
        }

        // 3. The article's other places.
        if (p.Iso3.Length > 0 && !isCountry)
        {
            double w = ctx.Country(p.Iso3, m.Group);
            if (w > 0) s += _w.InCountry + _w.CountryShare * ctx.CountryShare(p.Iso3, m.Group);
            // A division the article's other places lie in counts as named by them, too.
            if (ctx.Admin1(p, m.Group) > 0) s += _w.InAdmin1;
            if (p.FeatureCode != "ADM1" && ctx.Admin2(p, m.Group) > 0) s += _w.InAdmin2;
            double km = ctx.NearestKm(p.Lat, p.Lon, m.Group);
            s += km < 30 ? _w.Near30 : km < 100 ? _w.Near100 : km < 250 ? _w.Near250 : 0;
        }

        // 4. The dateline; 5. the source's country.
        if (ctx.Dateline >= 0 && !m.IsDateline && !isCountry)
        {
            var d = _kb.Places[ctx.Dateline];
            if (d.Iso3 == p.Iso3) s += _w.DatelineCountry;
            if (d.Admin1.Length > 0 && d.Iso3 == p.Iso3 && d.Admin1 == p.Admin1) s += _w.DatelineAdmin1;
        }
        if (ctx.SourceCountry is { } source && source == p.Iso3 && !isCountry) s += _w.Source;
        return s;
    }

    private static bool SameInitial(string key, string name)
    {
        if (key.Length == 0 || name.Length == 0) return false;
        char a = char.ToLowerInvariant(key[0]);
        char b = char.ToLowerInvariant(name.Normalize(System.Text.NormalizationForm.FormD)[0]);
        return a == b;
    }

    /// <summary>6. Size and rank.</summary>
    private double Prior(PlaceEntry p)
    {
        double pop = _w.Population * Math.Log10(p.Population + 1);
        return p.FeatureCode switch
        {
            "PCLI" => 8 + Math.Log10(p.Population + 1) / 4,
            "CONT" or "RGN" or "RGNE" => 7.5,
            "ADM1" => pop - 1.0,
            "ADM2" => pop - 1.0,
            "PPLC" => pop + 1.5,
            "PPLA" => pop + 1.0,
            "PPLA2" => pop + 0.4,
            "PPLX" => pop - 1.0,
            "PPLL" => pop - 0.5,
            // An ocean, a sea, a range or a desert outside any country is, like a region, known by its name alone.
            _ when p.Iso3.Length == 0 => 7.5,
            _ => pop,
        };
    }

    /// <summary>An ocean, a sea, a gulf, a bay or a strait outside any country (GeoNames' no-country features).</summary>
    internal static bool IsSea(PlaceEntry p) => p.Iso3.Length == 0 && p.FeatureCode is "OCN" or "SEA" or "GULF" or "BAY" or "STRT";

    private static bool Fits(WantedKind wanted, string code) => wanted switch
    {
        WantedKind.City => code.StartsWith("PPL", StringComparison.Ordinal) || code.StartsWith("ADM", StringComparison.Ordinal) && code != "ADM1",
        WantedKind.Admin1 => code == "ADM1",
        WantedKind.Admin2 => code.StartsWith("ADM", StringComparison.Ordinal) && code != "ADM1",
        WantedKind.Division => code.StartsWith("ADM", StringComparison.Ordinal),
        _ => true,
    };

    /// <summary>True when <paramref name="container"/> (a country, first- or second-level division) holds <paramref name="place"/>.</summary>
    internal bool Contains(int container, int place)
    {
        if (container == place) return false;
        var c = _kb.Places[container];
        var p = _kb.Places[place];
        if (c.Iso3.Length == 0 || c.Iso3 != p.Iso3) return false;
        return c.FeatureCode switch
        {
            "PCLI" => true,
            "ADM1" => p.FeatureCode != "ADM1" && c.Admin1 == p.Admin1,
            "ADM2" => p.FeatureCode is not ("ADM1" or "ADM2") && c.Admin1 == p.Admin1 && c.Admin2 == p.Admin2,
            _ => false,
        };
    }
}
