using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Parley.Core;
using Parley.Nlp;

namespace Parley.Cli.Commands;

/// <summary>`parley bench nlp [PATH]`: tokens per second of tokenize+tag+lemmatize(+parse) on news text, one thread and all cores, and peak memory.</summary>
internal static class BenchNlpCommand
{
    private static string DefaultCorpus => Parley.Core.SharedData.Default("news_reuters21578/reuters21578.jsonl.gz");

    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "JSONL (optionally .gz) with a body or text field per line, or a text file", DefaultValueFactory = _ => DefaultCorpus };
        var limit = new Option<int>("--limit") { Description = "Use at most N documents (0 = all)", DefaultValueFactory = _ => 0 };
        var model = new Option<string?>("--model") { Description = "NLP model folder (default: models/nlp-en-ewt)" };
        var command = new Command("nlp", "Measures NLP throughput on running news text") { path, limit, model };
        command.SetAction(r =>
        {
            string file = r.GetValue(path)!;
            List<string> texts;
            try { texts = ReadTexts(file, r.GetValue(limit)); }
            catch (Exception e) when (e is IOException or JsonException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{file}: {e.Message}");
                return 2;
            }
            // The NLP stages as every command builds them; the parser's is left out with a note when it is not installed.
            string? folder = r.GetValue(model);
            var pipeline = CommandPipelines.TryBuild(Layers.Parse, Layers.Tokens | Layers.Tags, Console.Error,
                c => { if (folder is not null) c.UseModel(NlpComponents.NlpRole, folder); });
            if (pipeline is null) return 2;
            bool parses = (pipeline.Assigns & Layers.Parse) != 0;
            long Process(string text)
            {
                var doc = new Document("bench", text);
                pipeline.Process(doc, Layers.Parse);
                return doc.TokenCount;
            }
            long chars = 0;
            foreach (var t in texts) chars += t.Length;
            Console.WriteLine($"{texts.Count} documents, {chars} characters; stages: tokenize, split, tag, feats, lemmatize{(parses ? ", parse" : "")}");
            // warm-up on a slice so the JIT has compiled the hot paths
            for (int i = 0; i < Math.Min(200, texts.Count); i++) Process(texts[i]);
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            long tokens = 0;
            foreach (var t in texts) tokens += Process(t);
            double single = tokens / clock.Elapsed.TotalSeconds;
            self.Refresh();
            // CPU time too: on a shared machine wall-clock time also counts other processes' turns
            double cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"1 thread:  {tokens} tokens in {clock.Elapsed.TotalSeconds:F2}s = {single:F0} tokens/s wall; {cpu:F2}s CPU = {tokens / Math.Max(1e-9, cpu):F0} tokens/CPU-s"));
            // the tokenizer and splitter alone, to see where the time goes
            self.Refresh();
            cpuBefore = self.TotalProcessorTime;
            long tokenOnly = 0;
            foreach (var t in texts)
            {
                var doc = new Document("bench", t);
                pipeline.Process(doc, Layers.Tokens);
                tokenOnly += doc.TokenCount;
            }
            self.Refresh();
            double tokenizerCpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tokenize+split only: {tokenizerCpu:F2}s CPU = {tokenOnly / Math.Max(1e-9, tokenizerCpu):F0} tokens/CPU-s"));
            clock.Restart();
            long parallelTokens = 0;
            Parallel.ForEach(texts, t => Interlocked.Add(ref parallelTokens, Process(t)));
            double all = parallelTokens / clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} threads: {parallelTokens} tokens in {clock.Elapsed.TotalSeconds:F2}s = {all:F0} tokens/s"));
            self.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {self.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB"));
            return 0;
        });
        return command;
    }

    private static List<string> ReadTexts(string file, int limit)
    {
        var texts = new List<string>();
        Stream stream = File.OpenRead(file);
        if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) stream = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        if (!(file.Contains(".jsonl", StringComparison.OrdinalIgnoreCase) || file.Contains(".json", StringComparison.OrdinalIgnoreCase)))
        {
            texts.Add(reader.ReadToEnd());
            return texts;
        }
        string? line;
        while ((line = reader.ReadLine()) is not null && (limit <= 0 || texts.Count < limit))
        {
            if (line.Length == 0) continue;
            using var json = JsonDocument.Parse(line);
            foreach (var field in new[] { "body", "text" })
            {
                if (json.RootElement.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s)
                {
                    texts.Add(s);
                    break;
                }
            }
        }
        return texts;
    }
}
