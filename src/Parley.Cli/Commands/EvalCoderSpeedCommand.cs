using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary>`parley eval coder-speed [--conllu FILE]`: event-coder-only speed on gold-parsed CoNLL-U.</summary>
internal static class EvalCoderSpeedCommand
{
    public static void AddTo(RootCommand root)
    {
        var eval = CommandGroups.Eval(root);
        var conllu = new Option<string>("--conllu") { Description = "Gold-parsed CoNLL-U", DefaultValueFactory = _ => Parley.Core.SharedData.Default("ud_english_ewt/en_ewt-ud-dev.conllu") };
        var command = new Command("coder-speed", "Speed of the event coder alone (sentences/s, one thread) on gold parses with synthetic actors on proper nouns.");
        command.Add(conllu);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(conllu)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"{path}: not found"); return 2; }
            if (CommandPipelines.Coder(Console.Error) is not { } coder) return 2;
            var (sentences, events, speed) = Parley.Events.Evaluation.CoderSpeed.Measure(coder, path);
            Console.WriteLine($"{sentences} sentences, {events} events, {speed:0} sentences/s (coder only, one thread)");
            return 0;
        });
        eval.Add(command);
    }
}
