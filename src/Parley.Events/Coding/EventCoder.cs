using System.Buffers;
using Parley.Core;
using Parley.Events.Cameo;
using Parley.Events.Lexicon;

namespace Parley.Events;

/// <summary>Whose conventions the coder follows where CAMEO coders differ.</summary>
public enum CodingConventions
{
    /// <summary>
    /// Parley's, from the CAMEO codebook: only asserted events are coded. A negated, conditional, questioned or merely
    /// possible event is not; a stated future ("will meet", "is about to restore ties") is an intention (03x) or, for
    /// force, a threat (13x); coordinated actors are each other's targets only for mutual codes (meet, negotiate,
    /// cooperate, fight); a source alone is coded only for codes the codebook lets stand without a target.
    /// </summary>
    Parley,
    /// <summary>
    /// PETRARCH's, as its construction suites expect: modals and negation are left to the dictionary's patterns, any
    /// code may pair coordinated actors or stand with a source alone, and agents without a country stay "---".
    /// </summary>
    Petrarch,
}

/// <summary>Options of the event coder.</summary>
public sealed record CoderOptions
{
    public CodingConventions Conventions { get; init; } = CodingConventions.Parley;
    /// <summary>Reach verbs absent from the verb dictionary through their WordNet synonyms (data/lang/en; off under
    /// PETRARCH's conventions, whose coders have no such lexicon).</summary>
    public bool Synonyms { get; init; } = true;
}

/// <summary>
/// Codes political events from dependency-parsed sentences and linked entities, in three seams: clause analysis
/// (<see cref="ClauseAnalyzer"/>: arguments, passive, negation, modality, embedding, parser-slip repairs), actor
/// resolution (<see cref="ActorResolver"/>: entities, agents, coordination, coreference, quotations) and the ontology
/// (<see cref="IEventOntology"/>: what a code means and how it composes). Verbs are looked up by lemma in the verb
/// dictionary (<see cref="VerbMatcher"/>), event nouns in data/cameo/event-nouns.tsv. Every decision can be traced
/// (<see cref="IEventTraceSink"/>, used by `parley explain`). Immutable after construction and thread-safe.
/// </summary>
public sealed partial class EventCoder : IPipelineComponent
{
    private readonly CameoData _data;
    private readonly IEventOntology _ontology;
    private readonly CoderWords _w;
    private readonly ClauseAnalyzer _clauses;
    private readonly ActorResolver _actors;
    private readonly VerbMatcher _verbs;
    private readonly bool _petrarch;
    private readonly VerbSynonyms? _synonyms;
    /// <summary>WordNet's verbs, the known-lemma list <see cref="VerbMatcher.KnownLemma"/> checks lemmas against; null without data/lang/en.</summary>
    private readonly Func<string, bool>? _isVerb;
    private readonly PloverModes _modes;

    public EventCoder(CameoData data, CoderOptions? options = null)
    {
        _data = data;
        _ontology = data.Ontology;
        _w = CoderWords.Shared;
        Options = options ?? new CoderOptions();
        _petrarch = Options.Conventions == CodingConventions.Petrarch;
        _clauses = new ClauseAnalyzer(_w);
        _modes = PloverModes.Load(CoderWords.FindFolder());
        _actors = new ActorResolver(data, _w, rolesOnCodedActors: _petrarch, _modes.Cues("ASSAULT", "explosives"));
        _verbs = new VerbMatcher(data, _clauses);
        if (Options.Synonyms && !_petrarch && VerbLexicon.FindFolder() is not null)
            _synonyms = new VerbSynonyms(data.Verbs, VerbLexicon.Shared, data.Ontology);
        if (VerbLexicon.FindFolder() is not null) _isVerb = VerbLexicon.Shared.IsVerb;
    }

    /// <summary>An event coder over the installation's data/cameo (<see cref="CameoData.Shared"/>).</summary>
    public EventCoder() : this(CameoData.Shared) { }

    public CoderOptions Options { get; }

    public string Name => "events";
    public Layers Reads => Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Lemmas | Layers.Parse | Layers.Entities
        | Layers.Places | Layers.Dates | Layers.Coreference | Layers.Quotes;
    public Layers Writes => Layers.Events;

    public void Process(Document doc, CancellationToken cancellationToken = default) => Code(doc, null, cancellationToken);

    /// <summary>Persons without an actor code whom the article gives a title: each with the title's role and the country
    /// the title names, else the article's country; without either they stay uncoded.</summary>
    private void FindTitledPersons(DocumentContext ctx)
    {
        var doc = ctx.Doc;
        bool any = false;
        foreach (var m in doc.Entities) any |= m.Type == "PER";
        var companies = CompanyNames.Find(doc, _w);
        if (!any && companies is null) return;
        // Which company names the linker coded as something else (a town, a namesake, an agent word): only those are recoded;
        // a name nothing coded stays as it was (issue 11: coding every company named adds more statements about them than right events).
        var linked = companies is null ? null : Array.ConvertAll(companies, _ => false);
        for (int e = 0; linked is not null && e < linked.Length; e++)
            linked[e] = companies![e] is not null && ctx.ActorEntity(e) is int a and >= 0 && !CompanyNames.IsBusinessCode(doc.Entities[a].Actor!);
        ctx.SetCompanies(companies);
        for (int s = 0; s < doc.SentenceCount && any; s++)
        {
            ref readonly var sd = ref doc.Sentences[s];
            if (sd.EndToken <= sd.FirstToken) continue;
            var g = ctx.Graph(s);
            _clauses.Repair(g);
            _actors.FindTitles(ctx, g);
        }
        // A company's names are business whatever title words they hold ("Data General": "General" is no army's post), when
        // the linker or a title coded them otherwise.
        if (companies is not null)
        {
            for (int e = 0; e < companies.Length; e++)
                if (companies[e] is not null && !linked![e]
                    && !(ctx.Titles.TryGetValue(ctx.PersonKey(e), out var had) && had.Role != ActorResolver.BusinessRole)) companies[e] = null;
            ctx.SetCompanies(Array.Exists(companies, c => c is not null) ? companies : null);
        }
        if (ctx.Companies is not null)
            for (int e = 0; e < companies!.Length; e++)
                if (companies[e] is { } home)
                {
                    ctx.Titles[ctx.PersonKey(e)] = (ActorResolver.BusinessRole, home.Length == 3 ? home : null);
                    ctx.Trace?.Step(doc, doc.TokenAt(doc.Entities[e].Start), $"'{doc.Entities[e].Text}' names a company: BUS of {(home.Length == 3 ? home : "the article's country")}");
                }
        foreach (var (key, (role, country)) in ctx.Titles)
            if ((country ?? CounterpartCountry(ctx, key, role) ?? DatelineCountry(ctx) ?? ArticleCountry(ctx)) is { } c)
            {
                ctx.TitledCodes[key] = c + role;
                // explain: which step gave an uncoded person or organisation its country (issue 11).
                if (country is null && ctx.Trace is { } trace && FirstMention(ctx, key) is int e and >= 0)
                    trace.Step(doc, doc.TokenAt(doc.Entities[e].Start), c == ctx.DatelineCountry
                        ? $"titled actor without a country of its own: the dateline's country, named again in the article, {c} -> {c + role}"
                        : $"titled actor without a country of its own: the article's dominant country {c} -> {c + role}");
            }
    }

    /// <summary>A titled person or body of no country of its own whose post is one of a department (a role beyond GOV:
    /// "Agriculture Minister Mutsuki Kato", GOVAGR) that the article ties to its dominant country in another holder ("U.S.
    /// Agriculture Secretary Richard Lyng"): a country has one such post, so this is the counterpart of the article's next
    /// most named country (issue 11, Reuters: Kato USAGOVAGR in a story on his talks with Lyng). Null otherwise.</summary>
    private string? CounterpartCountry(DocumentContext ctx, int key, string role)
    {
        if (role.Length <= 3 || !role.StartsWith("GOV", StringComparison.Ordinal) || !IsPersonKey(ctx, key)
            || ArticleCountry(ctx) is not { } home || ctx.SecondCountry is not { } other)
            return null;
        // Persons only: a body may be named twice ("the Agriculture Department", "the U.S. Agriculture Department").
        foreach (var (k, (r, c)) in ctx.Titles)
            if (k != key && r == role && c == home && IsPersonKey(ctx, k))
            {
                if (ctx.Trace is { } trace && FirstMention(ctx, key) is int e and >= 0)
                    trace.Step(ctx.Doc, ctx.Doc.TokenAt(ctx.Doc.Entities[e].Start), $"the post {role} the article gives {home}'s holder: the counterpart of {other}");
                return other;
            }
        return null;
    }

    /// <summary>Whether the titled key's first mention is a person.</summary>
    private static bool IsPersonKey(DocumentContext ctx, int key) => FirstMention(ctx, key) is int e and >= 0 && ctx.Doc.Entities[e].Type == "PER";

    /// <summary>The first mention of the titled key (an entity or its coreference cluster), or -1.</summary>
    private static int FirstMention(DocumentContext ctx, int key)
    {
        for (int e = 0; e < ctx.Doc.Entities.Count; e++)
            if (ctx.PersonKey(e) == key) return e;
        return -1;
    }

    /// <summary>Codes the document's events (replacing any), reporting each decision to <paramref name="trace"/> when given.</summary>
    public void Code(Document doc, IEventTraceSink? trace, CancellationToken cancellationToken = default)
    {
        doc.Events.Clear();
        int n = doc.TokenCount;
        if (n == 0 || doc.SentenceCount == 0) return;
        var tokens = doc.Tokens;

        // Story-level discards (sports, entertainment) stop the whole document.
        for (int s = 0; s < doc.SentenceCount; s++)
        {
            ref readonly var sd = ref doc.Sentences[s];
            if (_data.Discards.Match(tokens, sd.FirstToken, sd.EndToken, doc.Published?.Year) == 2)
            {
                trace?.Dropped(doc, sd.FirstToken, null, "story discarded (discard phrase in sentence " + s + ")");
                return;
            }
        }

        int[] firstChild = ArrayPool<int>.Shared.Rent(n);
        int[] nextSibling = ArrayPool<int>.Shared.Rent(n);
        int[] entityAt = ArrayPool<int>.Shared.Rent(n);
        Rel[] rel = ArrayPool<Rel>.Shared.Rent(n);
        try
        {
            DocumentContext.MapEntities(doc, entityAt);
            var ctx = new DocumentContext(doc, entityAt, trace, firstChild, nextSibling, rel);
            if (!_petrarch) FindTitledPersons(ctx);
            for (int s = 0; s < doc.SentenceCount; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ref readonly var sd = ref doc.Sentences[s];
                if (sd.EndToken <= sd.FirstToken) continue;
                trace?.Sentence(doc, s);
                if (!_petrarch && ClauseAnalyzer.IsQuestion(doc, sd))
                {
                    trace?.Dropped(doc, sd.FirstToken, null, "question: no event");
                    continue;
                }
                if (_data.Discards.Match(tokens, sd.FirstToken, sd.EndToken, doc.Published?.Year) == 1)
                {
                    trace?.Dropped(doc, sd.FirstToken, null, "sentence discarded (discard phrase)");
                    continue;
                }
                var g = ctx.Graph(s);
                _clauses.Repair(g);
                ctx.Statements.Clear();
                int eventsBefore = doc.Events.Count;
                for (int t = sd.FirstToken; t < sd.EndToken; t++)
                {
                    if (g.Upos(t) is UPos.NOUN or UPos.PROPN)
                    {
                        if (_data.EventNouns.CodeOf(g.Lemma(t)) is { } nounCode) CodeNominal(ctx, g, s, t, nounCode);
                        continue;
                    }
                    if (g.Upos(t) != UPos.VERB && !ClauseAnalyzer.IsPassiveAdjective(g, t)) continue;
                    // "according to", participles used as adjectives ("armed men"): not predicates.
                    if (g.RelOf(t) is Rel.Case or Rel.Mark or Rel.Amod or Rel.Flat) continue;
                    int lemma = _verbs.KnownLemma(doc, t, _isVerb);
                    if (lemma != tokens[t].Lemma)
                    {
                        ctx.VerbLemmas[t] = lemma;
                        trace?.Step(doc, t, $"lemma '{StringStore.Get(tokens[t].Lemma)}' is no known verb: read as '{StringStore.Get(lemma)}'");
                    }
                    var entries = _verbs.Lookup(doc, t, lemma);
                    string? via = null;
                    if (entries is null && _synonyms?.Find(lemma) is { } found)
                    {
                        entries = found.Entries;
                        via = found.Via;
                        trace?.Step(doc, t, $"'{StringStore.Get(lemma)}' is not in the verb dictionary: its WordNet {found.Relation} '{found.Via}' (sense {found.Sense})");
                    }
                    if (entries is null && _synonyms is not null && g.Child(t, Rel.Ccomp) is int said and >= 0
                        && (_synonyms.IsCommunication(lemma) || _w.SpeechVerbs.Contains(lemma)) && !DescribesItsNoun(g, t)
                        && _clauses.Unasserted(g, t) is null && !_clauses.IsNegated(g, t))
                    {
                        // A verb of communication the dictionary lacks ("reaffirmed that ..."): a statement.
                        ctx.Statements.Add((t, said, "010"));
                        trace?.Step(doc, t, "verb of communication stating a clause: a statement (010) if its clause codes no event of its own");
                        continue;
                    }
                    if (entries is null)
                    {
                        // Worth a line of explanation only when the verb has a named actor for a subject: a missed event?
                        if (trace is not null && _clauses.SubjectOf(g, t) is int subj and >= 0 && entityAt[subj] >= 0 && ctx.HasActor(entityAt[subj]))
                            trace.Dropped(doc, t, null, "verb '" + StringStore.Get(lemma) + "' is not in the verb dictionary");
                        continue;
                    }
                    CodeVerb(ctx, g, s, t, entries, via);
                }
                if (ctx.Statements.Count > 0) CodeStatements(ctx, g, s, eventsBefore);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(firstChild);
            ArrayPool<int>.Shared.Return(nextSibling);
            ArrayPool<int>.Shared.Return(entityAt);
            ArrayPool<Rel>.Shared.Return(rel);
        }
    }
}
