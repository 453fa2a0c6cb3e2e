using Parley.Core;

namespace Parley.Events;

/// <summary>
/// The companies an article names (issue 11, Reuters round 28: companies coded as places, officials or media). A name that
/// ends in a corporate form (coder-words.tsv company_forms: "Burlington Industries Inc", "Cable and Wireless Plc", "Data
/// General Corp") is a company whatever its words mean (a town, "General", "Cable"), unless the knowledge base knows the
/// name itself; and so are, in the same article, its shorter names: its leading words ("Burlington", "Cable", "Data
/// General"), its ticker symbol in angle brackets ("International Business Machines Corp &lt;IBM&gt;") and the abbreviation
/// in brackets after it ("Mitsubishi Heavy Industries Ltd &lt;MITH.T&gt; (MHI)"). Such a mention is no actor of its own
/// link (a place, a namesake, an agent word); the coder codes it as business (BUS) of the company's country: the
/// knowledge base's for a company it knows, a country or demonym inside the full name, else the article's.
/// </summary>
internal static class CompanyNames
{
    /// <summary>For each entity of <paramref name="doc"/>, the company it names (its country, or "" when its own name gives
    /// none), or null; null when the article names no company that needs it.</summary>
    public static string?[]? Find(Document doc, CoderWords w)
    {
        var entities = doc.Entities;
        // Short names (lower-case words joined by spaces) -> the company's country ("" for none of its own).
        Dictionary<string, string>? names = null;
        string?[]? full = null;
        for (int i = 0; i < entities.Count; i++)
        {
            var m = entities[i];
            if (m.Type != "ORG" || !Span(doc, m, out int first, out int last)) continue;
            int core = last;
            while (core >= first && (IsForm(doc, w, core) || IsPunct(doc, core))) core--;
            if (core == last || core < first || !IsForm(doc, w, last) || IsInitials(doc, first, last)) continue;
            string? country = null;
            if (m.Actor is { Length: >= 3 } code)
            {
                // A body the knowledge base knows by this very name keeps its code ("Canada Mortgage and Housing Corp").
                if (!IsBusinessCode(code) && KnownByName(m)) continue;
                if (IsBusinessCode(code)) country = code.StartsWith("MNC", StringComparison.Ordinal) ? code.Length >= 6 ? code[3..6] : "" : code[..3];
            }
            country ??= CountryInside(doc, m) ?? "";
            names ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (m.Actor is null || !IsBusinessCode(m.Actor)) (full ??= new string?[entities.Count])[i] = country;
            // Its leading words, down to the first.
            for (int end = core; end >= first; end--)
            {
                if (IsPunct(doc, end) || IsConnective(doc, end)) continue;
                names.TryAdd(Key(doc, first, end), country);
            }
            // "<IBM>", "(MHI)" right after the name (a ticker, then an abbreviation).
            for (int t = last + 1; t + 2 < doc.TokenCount && t <= last + 4; t += 3)
            {
                string open = Word(doc, t), close = Word(doc, t + 2);
                if (!(open == "<" && close == ">" || open == "(" && close == ")")) break;
                names.TryAdd(Word(doc, t + 1).ToLowerInvariant(), country);
            }
        }
        if (names is null) return null;
        string?[]? found = null;
        for (int i = 0; i < entities.Count; i++)
        {
            var m = entities[i];
            if (full?[i] is { } own) { (found ??= new string?[entities.Count])[i] = own; continue; }
            if (m.Type is not ("ORG" or "PER") || !Span(doc, m, out int first, out int last)) continue;
            // A one-word person's name only ("Cable" read as Vince Cable): a full name of a person is no company's.
            if (m.Type == "PER" && last > first) continue;
            // A company's or an organisation's own entry in the knowledge base ("Reuters", MED) keeps its code.
            if (m.Actor is { } code && (IsBusinessCode(code) || m.Kb?.StartsWith("actor:", StringComparison.Ordinal) == true && KnownByName(m))) continue;
            if (m.Kb?.StartsWith("country:", StringComparison.Ordinal) == true || NamesCountry(doc, m)) continue;
            if (names.TryGetValue(Key(doc, m), out var country)) (found ??= new string?[entities.Count])[i] = country;
        }
        return found;
    }

    /// <summary>Whether an actor code is a company's: a multinational (MNC...) or a country's business (USABUS).</summary>
    public static bool IsBusinessCode(string code) => code.StartsWith("MNC", StringComparison.Ordinal)
        || code.Length >= 6 && code.AsSpan(3).StartsWith("BUS", StringComparison.Ordinal);

    /// <summary>The mention's tokens without a leading article and a trailing possessive.</summary>
    private static bool Span(Document doc, EntityMention m, out int first, out int last)
    {
        first = doc.TokenAt(m.Start);
        last = doc.TokenAt(Math.Max(m.Start, m.End - 1));
        if (first < 0 || last < first) return false;
        if (doc.Tokens[first].Upos == UPos.DET && first < last) first++;
        while (last > first && (doc.Tokens[last].Upos == UPos.PART || IsPunct(doc, last))) last--;
        return true;
    }

    private static string Key(Document doc, EntityMention m) => Span(doc, m, out int first, out int last) ? Key(doc, first, last) : "";

    private static string Key(Document doc, int first, int last)
    {
        var words = new List<string>(last - first + 1);
        for (int t = first; t <= last; t++) words.Add(Word(doc, t).ToLowerInvariant());
        return string.Join(' ', words);
    }

    private static string Word(Document doc, int t) => doc.Text[doc.Tokens[t].Start..doc.Tokens[t].End];

    private static bool IsForm(Document doc, CoderWords w, int t) => IsCorporateForm(w, Word(doc, t));

    /// <summary>A word of coder-words company_forms, with or without its full stop ("Inc.", "Corp", "Plc").</summary>
    public static bool IsCorporateForm(CoderWords w, string word) => w.CompanyForms.Contains(StringStore.Intern(word.TrimEnd('.').ToLowerInvariant()));

    /// <summary>"Saudi Press Agency SPA": a last word in capitals that spells the initials of the words before it is the
    /// name's abbreviation, not a corporate form (SpA).</summary>
    private static bool IsInitials(Document doc, int first, int last)
    {
        string word = Word(doc, last);
        if (word.Length < 2 || last - first < word.Length || !word.All(char.IsUpper)) return false;
        for (int i = 0; i < word.Length; i++)
            if (char.ToUpperInvariant(Word(doc, last - word.Length + i)[0]) != word[i]) return false;
        return true;
    }

    private static bool IsPunct(Document doc, int t) => doc.Tokens[t].Upos == UPos.PUNCT;

    /// <summary>"and", "&amp;", "of": no short name ends in one.</summary>
    private static bool IsConnective(Document doc, int t) => doc.Tokens[t].Upos is UPos.CCONJ or UPos.ADP or UPos.DET;

    /// <summary>The knowledge base's name of the mention's actor is the mention's own name (not a part of it).</summary>
    private static bool KnownByName(EntityMention m) =>
        m.Name is { } name && string.Equals(Normal(name), Normal(m.Text), StringComparison.OrdinalIgnoreCase);

    private static string Normal(string s)
    {
        s = s.Trim();
        if (s.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) s = s[4..];
        return s.Replace(".", "", StringComparison.Ordinal);
    }

    /// <summary>A country or demonym inside the name ("British Petroleum Co PLC", "Swiss Bank Corp"), not a town.</summary>
    private static string? CountryInside(Document doc, EntityMention m)
    {
        foreach (var p in doc.Places)
            if (p.Start >= m.Start && p.End <= m.End && p.Country is { } c && NamesCountry(p)) return c;
        return null;
    }

    /// <summary>The mention is itself a country or a demonym ("American" tagged as an organisation).</summary>
    private static bool NamesCountry(Document doc, EntityMention m)
    {
        foreach (var p in doc.Places)
            if (p.Start == m.Start && p.End == m.End && NamesCountry(p)) return true;
        return false;
    }

    private static bool NamesCountry(PlaceMention p) =>
        p.Role == PlaceRole.Demonym || p.FeatureCode is { } f && f.StartsWith("PCL", StringComparison.Ordinal);
}
