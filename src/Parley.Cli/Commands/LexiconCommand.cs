using System.CommandLine;
using Parley.Events.Lexicon;

namespace Parley.Cli.Commands;

/// <summary><c>parley lexicon WORD... [--senses N]</c>: shows what the verb lexicon (data/lang/en) knows of words: a verb's
/// senses with their synonyms and hypernyms and the candidates the coder would try, a noun's senses and its verb.</summary>
internal static class LexiconCommand
{
    public static Command Create()
    {
        var words = new Argument<string[]>("WORD") { Description = "Verb or noun lemmas (multi-word verbs as 'call off' or call_off)", Arity = ArgumentArity.OneOrMore };
        var senses = new Option<int>("--senses") { Description = "How many of a verb's most frequent senses give candidates", DefaultValueFactory = _ => 3 };
        var command = new Command("lexicon", "Shows a word's WordNet senses, synonyms, hypernyms and event-noun verb from data/lang/en") { words, senses };
        command.SetAction(parse =>
        {
            var folder = VerbLexicon.FindFolder();
            if (folder is null)
            {
                Console.Error.WriteLine($"data/lang/en/{VerbLexicon.VerbFile}: not found (run `parley build lexicon`)");
                return 2;
            }
            var lex = VerbLexicon.Load(folder);
            int max = parse.GetValue(senses);
            int status = 0;
            foreach (var word in parse.GetValue(words)!)
            {
                var verbSenses = lex.Senses(word);
                var nounSenses = lex.NounSenses(word);
                if (verbSenses.Count == 0 && nounSenses.Count == 0)
                {
                    Console.Error.WriteLine($"{word}: not in the lexicon as a verb or as a noun with a verb");
                    status = 2;
                    continue;
                }
                if (verbSenses.Count > 0)
                {
                    var bases = lex.BaseForms(word);
                    Console.WriteLine($"{word} (verb{(lex.IsVerb(word) || bases.Count == 0 ? "" : ", form of " + string.Join('/', bases))}, {Senses(verbSenses.Count)})");
                    foreach (var s in verbSenses)
                    {
                        var hypernyms = s.Hypernyms.Select(h => string.Join(' ', lex.SynsetMembers(h)));
                        Console.WriteLine($"  {s.Rank}. {s.Synset} {s.LexFile}, tagged {s.TagCount}: {string.Join(' ', s.Members)}"
                            + (s.Hypernyms.Count == 0 ? "" : $"  < {string.Join(" | ", hypernyms)}"));
                    }
                    Console.WriteLine($"  candidates ({Senses(max)}): {string.Join(' ', lex.Candidates(word, max))}");
                }
                if (nounSenses.Count > 0)
                {
                    Console.WriteLine($"{word} (noun, {Senses(nounSenses.Count)}): verb {lex.VerbOfNoun(word, max) ?? "none"} within {Senses(max)}");
                    foreach (var s in nounSenses)
                        Console.WriteLine($"  {s.Rank}. {s.LexFile}, tagged {s.TagCount}{(s.Verbs.Count == 0 ? "" : ": " + string.Join(' ', s.Verbs))}");
                }
            }
            return status;
        });
        return command;
    }

    private static string Senses(int n) => n == 1 ? "1 sense" : $"{n} senses";
}
