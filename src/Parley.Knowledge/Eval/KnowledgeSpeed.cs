using System.Diagnostics;
using Parley.Core;
using Parley.Knowledge.Coref;
using Parley.Knowledge.Geo;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;
using Parley.Knowledge.Text;
using Parley.Core.Text;

namespace Parley.Knowledge.Eval;

/// <summary>Measured speed of the knowledge components.</summary>
public sealed record KnowledgeSpeedResult(double LoadSeconds, double LoadCpuSeconds, long HeapBytes, int Documents, long Tokens, double Seconds, double CpuSeconds, int Entities, int Places)
{
    public double TokensPerSecond => Tokens / Math.Max(1e-9, Seconds);
    public double TokensPerCpuSecond => Tokens / Math.Max(1e-9, CpuSeconds);
    public override string ToString() => FormattableString.Invariant(
        $"knowledge base loaded in {LoadSeconds:0.00} s wall ({LoadCpuSeconds:0.00} s CPU, all threads), {HeapBytes / 1048576.0:0} MB of managed heap; linking + geocoding + coreference: {Documents} documents, {Tokens:N0} tokens in {Seconds:0.00} s wall / {CpuSeconds:0.00} s CPU = {TokensPerSecond:N0} tokens/s wall, {TokensPerCpuSecond:N0} tokens per CPU second ({Entities:N0} entity mentions, {Places:N0} places per pass)");
}

/// <summary>
/// Times loading the committed knowledge base and running linker, geocoder and coreference (one thread) over a
/// JSONL corpus several times; tokenization (the plain tokenizer) is done beforehand and not timed.
/// </summary>
public static class KnowledgeSpeed
{
    public static KnowledgeSpeedResult Run(string corpusPath, int rounds = 5)
    {
        long heap0 = GC.GetTotalMemory(forceFullCollection: true);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var load = Stopwatch.StartNew();
        var kb = KnowledgeBase.Load(Path.Combine(ModelLocator.FindRoot("data") ?? "data", "kb"));
        double loadSeconds = load.Elapsed.TotalSeconds;
        double loadCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        long heap = GC.GetTotalMemory(forceFullCollection: true) - heap0;
        var linker = new EntityLinker(kb);
        var geocoder = new Geocoder(kb);
        var coref = new CoreferenceResolver();
        var docs = new List<Document>();
        foreach (var (id, (text, date)) in GeoEvaluation.ReadCorpus(corpusPath))
        {
            var d = new Document(id, text) { Published = date };
            Tokenizer.Tokenize(d);
            docs.Add(d);
        }
        // Warm-up round (JIT), then timed rounds.
        foreach (var d in docs) { d.Entities.Clear(); linker.Process(d); geocoder.Process(d); coref.Process(d); }
        long tokens = 0;
        int entities = 0, places = 0;
        var watch = Stopwatch.StartNew();
        var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
        for (int r = 0; r < rounds; r++)
        {
            foreach (var d in docs)
            {
                d.Entities.Clear();
                linker.Process(d);
                geocoder.Process(d);
                coref.Process(d);
                tokens += d.TokenCount;
                entities += d.Entities.Count;
                places += d.Places.Count;
            }
        }
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu1).TotalSeconds;
        GC.KeepAlive(kb);
        return new KnowledgeSpeedResult(loadSeconds, loadCpu, heap, docs.Count * rounds, tokens, watch.Elapsed.TotalSeconds, cpu, entities / rounds, places / rounds);
    }
}
