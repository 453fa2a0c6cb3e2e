using Parley.Core;
using Parley.Events;
using Parley.Events.Cameo;
using Parley.Events.Evaluation;
using Parley.Ingest;
using Parley.Knowledge.Kb;

namespace Parley.Engine;

/// <summary>
/// Runs Parley's whole pipeline (raw text through its own NLP, NER, linking, coreference, dates, quotes and the event
/// coder) over a PETRARCH construction suite, with the suite's own dictionaries in place of the real ones, and scores
/// each record against its expected (source, target, event) triples.
/// </summary>
public sealed class ConstructionSuiteRunner
{
    /// <summary>The suite's files: records, verbs, actors, agents and discards (found by name in its folder).</summary>
    public sealed record SuiteFiles(string Records, string Verbs, string Actors, string? Agents, string? Discards, string? CodingOntology = null)
    {
        public static SuiteFiles Find(string folder)
        {
            string One(string part, bool required)
            {
                foreach (var f in Directory.EnumerateFiles(folder))
                {
                    string name = Path.GetFileName(f).ToLowerInvariant();
                    if (name.Contains(part, StringComparison.Ordinal) && (name.EndsWith(".txt", StringComparison.Ordinal) || name.EndsWith(".xml", StringComparison.Ordinal))) return f;
                }
                return required ? throw new FileNotFoundException($"{folder}: no *{part}* file") : null!;
            }
            return new SuiteFiles(One("records", true), One("verbs", true), One("actors", true), One("agents", false), One("discards", false), One("ontology", false));
        }
    }

    private readonly ParleyEngine _engine;
    private readonly EventCoder _coder;
    /// <summary>The three-letter heads of the suite's actor codes (countries, IGOs, groups).</summary>
    private readonly HashSet<string> _prefixes;

    public ConstructionSuiteRunner(SuiteFiles files, CodingConventions conventions = CodingConventions.Petrarch)
    {
        Files = files;
        KnowledgeBase kb;
        using (var actors = File.OpenText(files.Actors))
        using (var agents = Open(files.Agents))
        using (var discards = Open(files.Discards))
            kb = PetrarchKnowledge.FromDictionaries(actors, agents, discards, Path.GetDirectoryName(files.Records) ?? "");
        var countryCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in kb.Actors)
            foreach (var c in a.Codes)
                if (c.Code.Length >= 3 && c.Code[..3] != "---") countryCodes.Add(c.Code[..3]);
        CameoData cameo;
        VerbConversionReport report;
        using (var verbs = File.OpenText(files.Verbs))
        using (var agents = Open(files.Agents))
        using (var discards = Open(files.Discards))
        using (var pico = Open(files.CodingOntology))
            cameo = CameoData.FromPetrarch(verbs, agents, discards, countryCodes, CameoData.Shared.Ontology, out report, pico);
        VerbReport = report;
        _prefixes = countryCodes;
        foreach (var a in kb.Actors)
            foreach (var c in a.Codes)
                foreach (var part in c.Code.Split('/'))   // "FRO/BIL/SAM": an actor standing for several
                    if (part.Length >= 3) _prefixes.Add(part[..3]);
        // The suites test a coder with their own dictionaries alone: no WordNet synonyms.
        var options = new CoderOptions { Conventions = conventions, Synonyms = false };
        _engine = ParleyEngine.Create(new EngineOptions { Data = new PipelineData { Knowledge = kb, Cameo = cameo, Coder = options }, Threads = 1 });
        _coder = _engine.Pipeline.Find<EventCoder>()
            ?? throw new InvalidOperationException("the pipeline has no event coder: " + string.Join("; ", _engine.MissingStages));
        Records = ConstructionSuite.Load(files.Records);
    }

    public SuiteFiles Files { get; }
    /// <summary>What the conversion of the suite's verb dictionary kept and dropped.</summary>
    public VerbConversionReport VerbReport { get; }
    public List<SuiteRecord> Records { get; }

    private static StreamReader? Open(string? path) => path is null ? null : File.OpenText(path);

    /// <summary>Processes one record's text as an article dated as the record.</summary>
    public Document Process(SuiteRecord record) =>
        _engine.Process(new RawArticle { Origin = record.Id, Id = record.Id, Body = record.Text, Published = record.Date });

    /// <summary>The (source, target, event) triples of a coded document in the suites' notation: "---" for a missing
    /// target, and before a role code whose actor has no known country ("GOV" -> "---GOV").</summary>
    public IEnumerable<SuiteTriple> Triples(Document doc)
    {
        foreach (var e in doc.Events)
            yield return new SuiteTriple(Code(e.Source?.Actor), Code(e.Target?.Actor), e.Cameo);
    }

    private string Code(string? actor) =>
        actor is null or "" ? "---" : actor.Length >= 3 && (_prefixes.Contains(actor[..3]) || actor.StartsWith("---", StringComparison.Ordinal)) ? actor : "---" + actor;

    /// <summary>Codes the document again with the suite's coder, reporting each decision to <paramref name="trace"/>.</summary>
    public void Explain(Document doc, IEventTraceSink trace) => _coder.Code(doc, trace);

    /// <summary>Runs every record the suite evaluates (optionally only some categories) and scores it.</summary>
    public SuiteScore Run(Func<SuiteRecord, bool>? include = null, Action<SuiteRecord, Document>? each = null)
    {
        var score = new SuiteScore();
        foreach (var r in Records)
        {
            if (!r.Evaluate || (include is not null && !include(r))) continue;
            var doc = Process(r);
            each?.Invoke(r, doc);
            score.Add(r, Triples(doc));
        }
        return score;
    }
}
