using System.Buffers;
using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>
/// Codes political events (CAMEO with PLOVER, QuadClass, Goldstein) from dependency-parsed sentences and linked
/// entities. Verbs are looked up by lemma in the converted PETRARCH2 dictionary; patterns are conditions on the
/// parse around the verb; sources and targets are the subject/object (or passive agent/subject, or a pattern's
/// prepositional phrase) resolved to entity actor codes; complements compose (intend/agree to X -> intent codes,
/// refuse to X -> reject codes); negation, modality, reported speech, questions and hypotheticals are handled
/// conservatively. Immutable after construction and thread-safe.
/// </summary>
public sealed partial class EventCoder : IPipelineComponent
{
    private readonly CameoData _data;

    public EventCoder(CameoData data)
    {
        _data = data;
        _w = new Words();
    }

    /// <summary>An event coder over the installation's data/cameo (<see cref="CameoData.Shared"/>).</summary>
    public EventCoder() : this(CameoData.Shared) { }

    public string Name => "events";
    public Layers Reads => Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Lemmas | Layers.Parse | Layers.Entities;
    public Layers Writes => Layers.Events;

    public void Process(Document doc, CancellationToken cancellationToken = default) => Code(doc, null, cancellationToken);

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
            if (_data.Discards.Match(tokens, sd.FirstToken, sd.EndToken) == 2)
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
            MapEntities(doc, entityAt);
            var ctx = new DocContext(doc, entityAt, trace, firstChild, nextSibling, rel);
            for (int s = 0; s < doc.SentenceCount; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ref readonly var sd = ref doc.Sentences[s];
                if (sd.EndToken <= sd.FirstToken) continue;
                trace?.Sentence(doc, s);
                if (IsQuestion(doc, sd))
                {
                    trace?.Dropped(doc, sd.FirstToken, null, "question: no event");
                    continue;
                }
                if (_data.Discards.Match(tokens, sd.FirstToken, sd.EndToken) == 1)
                {
                    trace?.Dropped(doc, sd.FirstToken, null, "sentence discarded (discard phrase)");
                    continue;
                }
                int first = sd.FirstToken, count = sd.EndToken - sd.FirstToken;
                var g = new SentenceGraph(tokens, first, sd.EndToken,
                    firstChild.AsSpan(first, count), nextSibling.AsSpan(first, count), rel.AsSpan(first, count));
                RepairControlComplements(g);
                for (int t = first; t < sd.EndToken; t++)
                {
                    if (g.Upos(t) == UPos.NOUN)
                    {
                        if (g.RelOf(t) is Rel.Obl or Rel.Nsubj && _w.EventNounCode(g.Lemma(t)) is { } nounCode) CodeNominal(ctx, g, s, t, nounCode);
                        continue;
                    }
                    if (g.Upos(t) != UPos.VERB) continue;
                    // "according to", participles used as adjectives ("armed men"): not predicates.
                    if (g.RelOf(t) is Rel.Case or Rel.Mark or Rel.Amod or Rel.Flat) continue;
                    var entries = _data.Verbs.LookupOrForm(tokens[t].Lemma);
                    if (entries is null) continue;
                    CodeVerb(ctx, g, s, t, entries);
                }
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

    /// <summary>For each token, the entity mention covering it (preferring mentions with an actor code, then longer ones); -1 if none.</summary>
    private static void MapEntities(Document doc, int[] entityAt)
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

    private static bool IsQuestion(Document doc, in SentenceData sd)
    {
        var text = doc.Text.AsSpan(sd.Start, sd.End - sd.Start).TrimEnd();
        while (text.Length > 0 && text[^1] is '"' or '\'' or '\u201D' or '\u2019' or ')') text = text[..^1].TrimEnd();
        return text.Length > 0 && text[^1] == '?';
    }

    /// <summary>Per-document state shared by the sentences: the token -> entity map and the cluster -> actor map.</summary>
    private sealed class DocContext(Document doc, int[] entityAt, IEventTraceSink? trace, int[] firstChild, int[] nextSibling, Rel[] rels)
    {
        public readonly Document Doc = doc;
        public readonly int[] EntityAt = entityAt;
        public readonly IEventTraceSink? Trace = trace;
        /// <summary>The per-document tree buffers (absolute token positions), to revisit an earlier sentence's parse.</summary>
        public readonly int[] FirstChild = firstChild;
        public readonly int[] NextSibling = nextSibling;
        public readonly Rel[] Rels = rels;
        private Dictionary<int, int>? _clusterActor;
        /// <summary>The article's dominant country (see ArticleCountry), once computed.</summary>
        public string? ArticleCountry;
        public bool ArticleCountryDone;

        /// <summary>The actor code of entity <paramref name="e"/>, or of another mention of its coreference cluster.</summary>
        public int ActorEntity(int e)
        {
            var m = Doc.Entities[e];
            if (m.Actor is not null) return e;
            if (m.Cluster < 0) return -1;
            if (_clusterActor is null)
            {
                _clusterActor = [];
                for (int i = 0; i < Doc.Entities.Count; i++)
                {
                    var x = Doc.Entities[i];
                    if (x.Cluster >= 0 && x.Actor is not null) _clusterActor.TryAdd(x.Cluster, i);
                }
            }
            return _clusterActor.TryGetValue(m.Cluster, out int a) ? a : -1;
        }
    }
}
