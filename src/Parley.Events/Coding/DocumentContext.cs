using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>
/// Per-document state of the event coder shared by its sentences: the token -> entity map, the coreference cluster ->
/// actor map, the pooled parse buffers (absolute token positions, so an earlier sentence's parse can be revisited), the
/// trace sink and the article's dominant country once computed.
/// </summary>
internal sealed class DocumentContext(Document doc, int[] entityAt, IEventTraceSink? trace, int[] firstChild, int[] nextSibling, Rel[] rels)
{
    public readonly Document Doc = doc;
    /// <summary>For each token, the entity mention covering it (preferring mentions with an actor code, then longer ones); -1 if none.</summary>
    public readonly int[] EntityAt = entityAt;
    public readonly IEventTraceSink? Trace = trace;
    public readonly int[] FirstChild = firstChild;
    public readonly int[] NextSibling = nextSibling;
    public readonly Rel[] Rels = rels;
    private Dictionary<int, int>? _clusterActor;
    private bool[]? _stray;
    /// <summary>For each entity, the country of the company it names ("" for none of its own), or null (<see cref="CompanyNames"/>);
    /// null when the article names none or the coder follows PETRARCH's conventions.</summary>
    public string?[]? Companies { get; private set; }

    /// <summary>Sets <see cref="Companies"/> (and forgets the cluster actors found without it).</summary>
    public void SetCompanies(string?[]? companies)
    {
        Companies = companies;
        _clusterActor = null;
    }

    /// <summary>Entity <paramref name="e"/> names a company (<see cref="CompanyNames"/>), whatever its own link says.</summary>
    public bool IsCompanyName(int e) => Companies is { } c && e >= 0 && c[e] is not null;
    /// <summary>Statements of the current sentence waiting for its events: speech verb, reported clause, code.</summary>
    public readonly List<(int Trigger, int Clause, string Code)> Statements = [];
    /// <summary>Verb tokens whose lemma the coder read otherwise (<see cref="VerbMatcher.KnownLemma"/>): token -> lemma.</summary>
    public readonly Dictionary<int, int> VerbLemmas = [];

    /// <summary>The lemma the coder reads for verb token <paramref name="t"/>.</summary>
    public int VerbLemma(in SentenceGraph g, int t) => VerbLemmas.Count > 0 && VerbLemmas.TryGetValue(t, out int l) ? l : g.Lemma(t);
    /// <summary>The article's dominant country, once computed.</summary>
    public string? ArticleCountry;
    /// <summary>The article's next most named country after <see cref="ArticleCountry"/> (named at least twice), once computed.</summary>
    public string? SecondCountry;
    /// <summary>The country of the article's dateline when the article names it again (see EventCoder.DatelineCountry), once computed.</summary>
    public string? DatelineCountry;
    public bool ArticleCountryDone;

    /// <summary>The parse graph of sentence <paramref name="s"/> over the document's buffers (child lists rebuilt from the parse).</summary>
    public SentenceGraph Graph(int s)
    {
        ref readonly var sd = ref Doc.Sentences[s];
        int count = sd.EndToken - sd.FirstToken;
        return new SentenceGraph(Doc.Tokens, sd.FirstToken, sd.EndToken,
            FirstChild.AsSpan(sd.FirstToken, count), NextSibling.AsSpan(sd.FirstToken, count), Rels.AsSpan(sd.FirstToken, count));
    }

    /// <summary>Persons the knowledge base does not know, by cluster (or ~entity without one): the title they carry in the
    /// article ("Interior Minister Joachim Brudziński") and the country it names, if any. Filled before the sentences are coded.</summary>
    public readonly Dictionary<int, (string Role, string? Country)> Titles = [];
    /// <summary>The codes of <see cref="Titles"/> once their countries are settled (the title's own, else the article's).</summary>
    public readonly Dictionary<int, string> TitledCodes = [];

    /// <summary>Persons by cluster (or ~entity without one): the knowledge-base id of the party their title names ("Labour's
    /// Chief Secretary Paul Boateng", "Tory spokesman X": <see cref="ActorRef.Party"/>), known or not to the knowledge base.</summary>
    public readonly Dictionary<int, string> TitleParties = [];

    /// <summary>Persons by cluster (or ~entity without one) whom the knowledge base codes as an elite on the coding date and
    /// the article names with a present government post ("Treasury Secretary James Baker", "Baker, the Treasury
    /// secretary"): their <see cref="Titles"/> role is the post held at the article's time.</summary>
    public readonly HashSet<int> HeldPosts = [];

    /// <summary>The party the title of person <paramref name="e"/> (or of its cluster: "he", "Mr Boateng") names, or null.</summary>
    public string? TitleParty(int e) => TitleParties.Count > 0 && TitleParties.TryGetValue(PersonKey(e), out var kb) ? kb : null;

    /// <summary>The key of entity <paramref name="e"/> in <see cref="Titles"/>.</summary>
    public int PersonKey(int e) => Doc.Entities[e].Cluster is int c and >= 0 ? c : ~e;

    /// <summary>The code a titled person without a knowledge-base actor stands for ("Interior Minister Joachim Brudziński"
    /// in an article about Poland: POLGOV), or null.</summary>
    public string? TitledCode(int e) => TitledCodes.Count > 0 && TitledCodes.TryGetValue(PersonKey(e), out var code) ? code : null;

    /// <summary>Entity <paramref name="e"/> stands for an actor: its own or its cluster's code, or its title's.</summary>
    public bool HasActor(int e) => ActorEntity(e) >= 0 || TitledCode(e) is not null;

    /// <summary>Entity <paramref name="e"/> is one of <paramref name="actors"/>, or of the coreference cluster of one.</summary>
    public bool IsAmong(int e, List<ActorRef> actors)
    {
        int cluster = Doc.Entities[e].Cluster;
        foreach (var a in actors) if (a.Entity == e || cluster >= 0 && a.Cluster == cluster) return true;
        return false;
    }

    /// <summary>The head of the name whose word is <paramref name="token"/>: its flat and compound parts climbed within the entity.</summary>
    public int NameHead(in SentenceGraph g, int token)
    {
        int e = EntityAt[token], h = token;
        while (g.Head(h) is int up and >= 0 && EntityAt[up] == e && g.RelOf(h) is Rel.Flat or Rel.Compound) h = up;
        return h;
    }

    /// <summary>The actor code of entity <paramref name="e"/>, or of another mention of its coreference cluster.</summary>
    public int ActorEntity(int e)
    {
        var m = Doc.Entities[e];
        // A town linked to a country only by the geocoder's guess is no actor (StrayPlaces).
        _stray ??= StrayPlaces.Find(Doc) ?? [];
        if (_stray.Length > 0 && _stray[e]) return -1;
        // A company's name is no actor of its own link ("Burlington" the town, "Cable" the MP): it is coded by its title (BUS).
        if (IsCompanyName(e)) return -1;
        if (m.Actor is not null) return e;
        if (m.Cluster < 0) return -1;
        if (_clusterActor is null)
        {
            _clusterActor = [];
            for (int i = 0; i < Doc.Entities.Count; i++)
            {
                var x = Doc.Entities[i];
                if (x.Cluster >= 0 && x.Actor is not null && !(_stray.Length > 0 && _stray[i]) && !IsCompanyName(i)) _clusterActor.TryAdd(x.Cluster, i);
            }
        }
        return _clusterActor.TryGetValue(m.Cluster, out int a) ? a : -1;
    }

    /// <summary>The place mention covering <paramref name="token"/> or one of its compound/flat parts, or null.</summary>
    public PlaceMention? PlaceAt(in SentenceGraph g, int token)
    {
        if (Doc.Places.Count == 0) return null;
        ref readonly var td = ref Doc.Tokens[token];
        foreach (var p in Doc.Places)
            if (p.Start <= td.Start && td.End <= p.End && IsScene(p)) return p;
        for (int c = g.FirstChild(token); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Compound or Rel.Flat)) continue;
            ref readonly var cd = ref Doc.Tokens[c];
            foreach (var p in Doc.Places)
                if (p.Start <= cd.Start && cd.End <= p.End && IsScene(p)) return p;
        }
        return null;
    }

    /// <summary>A place an event can happen in: not a demonym ("Afghan" gives a country, not a scene) nor a place inside a
    /// name ("Air Zimbabwe", a company's).</summary>
    private bool IsScene(PlaceMention p) => p.Role is not (PlaceRole.Demonym or PlaceRole.InName) && !InCompanyName(p);

    /// <summary>Place <paramref name="p"/> lies inside a company's name ("Burlington" of Burlington Industries Inc): it is
    /// no scene of an event and no country of the article.</summary>
    public bool InCompanyName(PlaceMention p)
    {
        if (Companies is not { } companies) return false;
        for (int e = 0; e < companies.Length; e++)
            if (companies[e] is not null && Doc.Entities[e].Start <= p.Start && p.End <= Doc.Entities[e].End) return true;
        return false;
    }

    /// <summary>"on Tuesday": a token inside a date mention is never an actor.</summary>
    public bool IsDate(int token)
    {
        ref readonly var td = ref Doc.Tokens[token];
        foreach (var d in Doc.Dates)
            if (d.Start <= td.Start && td.End <= d.End) return true;
        return false;
    }

    public string TokenText(int t)
    {
        ref readonly var td = ref Doc.Tokens[t];
        return Doc.Text[td.Start..td.End];
    }

    /// <summary>The token's form as written, in lower case, interned ("Lower", "House" -> "lower", "house"): the words of a
    /// name are matched as written, not by their lemma.</summary>
    public int LowerForm(int t) => StringStore.Intern(TokenText(t).ToLowerInvariant());

    /// <summary>Fills <paramref name="entityAt"/>: for each token, the entity covering it, preferring one with an actor, then the longer.</summary>
    public static void MapEntities(Document doc, int[] entityAt)
    {
        Array.Fill(entityAt, -1, 0, doc.TokenCount);
        var tokens = doc.Tokens;
        var entities = doc.Entities;
        for (int e = 0; e < entities.Count; e++)
        {
            var m = entities[e];
            int t = doc.TokenAt(m.Start);
            if (t < 0) continue;
            for (; t < tokens.Length && tokens[t].Start < m.End; t++)
            {
                int prev = entityAt[t];
                if (prev < 0 || Better(m, entities[prev])) entityAt[t] = e;
            }
        }

        static bool Better(EntityMention a, EntityMention b)
        {
            if ((a.Actor is null) != (b.Actor is null)) return a.Actor is not null;
            return a.End - a.Start > b.End - b.Start;
        }
    }
}
