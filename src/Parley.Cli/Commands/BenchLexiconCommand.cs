using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Events.Lexicon;

namespace Parley.Cli.Commands;

/// <summary><c>parley bench lexicon [--rounds N]</c>: load time and memory of the WordNet verb lexicon (data/lang/en), and
/// the rate of its queries (every verb's candidates over 3 senses, every noun's verb) on one thread.</summary>
internal static class BenchLexiconCommand
{
    public static Command Create()
    {
        var rounds = new Option<int>("--rounds") { Description = "Warm loads and query passes to time (the best is reported)", DefaultValueFactory = _ => 5 };
        var command = new Command("lexicon", "Measures the verb lexicon's load time, memory and query rate") { rounds };
        command.SetAction(parse =>
        {
            var folder = VerbLexicon.FindFolder();
            if (folder is null)
            {
                Console.Error.WriteLine($"data/lang/en/{VerbLexicon.VerbFile}: not found (run `parley build lexicon`)");
                return 2;
            }
            int n = Math.Max(1, parse.GetValue(rounds));
            Console.WriteLine(BenchCommand.MachineLine());
            // CPU time beside wall time: on a shared machine the wall clock measures the other processes too.
            using var self = Process.GetCurrentProcess();
            long before = GC.GetTotalMemory(forceFullCollection: true);
            var startCpu = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var lex = VerbLexicon.Load(folder);
            double cold = clock.Elapsed.TotalMilliseconds;
            self.Refresh();
            double coldCpu = (self.TotalProcessorTime - startCpu).TotalMilliseconds;
            long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
            double warm = double.MaxValue, warmCpu = double.MaxValue;
            for (int i = 0; i < n; i++)
            {
                self.Refresh();
                var cpu = self.TotalProcessorTime;
                clock.Restart();
                GC.KeepAlive(VerbLexicon.Load(folder));
                warm = Math.Min(warm, clock.Elapsed.TotalMilliseconds);
                self.Refresh();
                warmCpu = Math.Min(warmCpu, (self.TotalProcessorTime - cpu).TotalMilliseconds);
            }
            GC.KeepAlive(lex);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load: {cold:F0} ms ({coldCpu:F0} ms CPU) first, with JIT; {warm:F0} ms warm, {warmCpu:F0} ms CPU (best of {n}); retained {retained / (1024.0 * 1024):F1} MiB managed memory; "
                + $"{lex.VerbCount:N0} verbs, {lex.SynsetCount:N0} synsets, {lex.IrregularFormCount:N0} irregular forms, {lex.NounCount:N0} nouns"));

            var verbs = lex.VerbLemmas;
            var nouns = lex.NounLemmas;
            double verbRate = 0, nounRate = 0;
            long candidates = 0;
            for (int i = 0; i < n; i++)
            {
                candidates = 0;
                clock.Restart();
                foreach (var v in verbs) candidates += lex.Related(v, 3).Count;
                verbRate = Math.Max(verbRate, verbs.Count / clock.Elapsed.TotalSeconds);
                clock.Restart();
                int found = 0;
                foreach (var w in nouns) if (lex.VerbOfNoun(w) is not null) found++;
                nounRate = Math.Max(nounRate, nouns.Count / clock.Elapsed.TotalSeconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"queries: {verbRate:N0} Related(verb, 3 senses)/s ({(double)candidates / verbs.Count:F1} candidates each on average), {nounRate:N0} VerbOfNoun/s, one thread, best of {n}"));
            self.Refresh();
            Console.WriteLine($"peak working set: {self.PeakWorkingSet64 / (1024 * 1024):N0} MB (the whole process)");
            return 0;
        });
        return command;
    }
}
