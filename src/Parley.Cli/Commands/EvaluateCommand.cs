using System.CommandLine;
using Parley.Nlp.Evaluation;

namespace Parley.Cli.Commands;

/// <summary>`parley evaluate GOLD SYSTEM`: CoNLL 2018-style F1 of a system CoNLL-U file against gold.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("GOLD") { Description = "Gold CoNLL-U file" };
        var system = new Argument<string>("SYSTEM") { Description = "System CoNLL-U file (tokenized from raw text or from gold tokens)" };
        var command = new Command("evaluate", "Scores tokens, sentences, words, UPOS, XPOS, UFeats, lemmas, UAS and LAS (F1, words aligned by characters)") { gold, system };
        command.SetAction(r =>
        {
            string g = r.GetValue(gold)!, s = r.GetValue(system)!;
            foreach (var f in new[] { g, s })
            {
                if (!File.Exists(f)) { Console.Error.WriteLine($"{f}: file not found"); return 2; }
            }
            try
            {
                Console.WriteLine(ConlluEvaluator.ScoreFiles(g, s).Format());
                return 0;
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                Console.Error.WriteLine($"{g} / {s}: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
