using System.CommandLine;
using System.Text;
using Parley.Core;
using Parley.Nlp;
using Parley.Nlp.Ner;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley ner [PATH|-] [--input conll|text]`: named entities. conll: each input line with the predicted IOB2 tag
/// as one more tab-separated column. text: tokens (from the project's tokenizer and sentence splitter in
/// models/nlp-en-ewt, or a simple fallback tokenizer when that model is not installed) one per line with their tag,
/// a blank line between sentences.
/// </summary>
internal static class NerCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "Input file, or - for standard input.", DefaultValueFactory = _ => "-" };
        var input = new Option<string>("--input") { Description = "Input format: conll (one token per line) or text.", DefaultValueFactory = _ => "text" };
        input.AcceptOnlyFromAmong("conll", "text");
        var domain = new Option<string>("--domain") { Description = "Text genre: news (PER, ORG, LOC, MISC) or web (PER, ORG, LOC; trained on UNER English-EWT).", DefaultValueFactory = _ => "news" };
        domain.AcceptOnlyFromAmong("news", "web");
        var modelDir = new Option<string?>("--model") { Description = "Model folder (default: models/ner-en)." };
        var command = new Command("ner", "Named entities in IOB2 (PER, ORG, LOC, MISC).") { path, input, domain, modelDir };
        command.SetAction(parse =>
        {
            string source = parse.GetValue(path) ?? "-";
            var folder = parse.GetValue(modelDir) ?? ModelLocator.FindModel(NerModel.DefaultName);
            if (folder is null || !Directory.Exists(folder))
            {
                Console.Error.WriteLine($"parley: {folder ?? NerModel.DefaultName}: NER model not found (set PARLEY_MODELS or run `parley train ner`)");
                return 2;
            }
            if (source != "-" && !File.Exists(source))
            {
                Console.Error.WriteLine($"parley: {source}: file not found");
                return 2;
            }
            var model = NerModel.Load(folder);
            var genre = parse.GetValue(domain) == "web" ? NerDomain.Web : NerDomain.News;
            using var reader = source == "-" ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : new StreamReader(source, Encoding.UTF8);
            using var writer = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            try
            {
                if (parse.GetValue(input) == "conll") NerConllFormat.Process(reader, writer, model, genre);
                else WriteText(reader.ReadToEnd(), writer, model, genre);
            }
            catch (DecoderFallbackException)
            {
                Console.Error.WriteLine($"parley: {source}: not UTF-8 text");
                return 2;
            }
            return 0;
        });
        return command;
    }

    private static void WriteText(string text, TextWriter writer, NerModel model, NerDomain domain)
    {
        var (tokens, ends) = Tokenize(text);
        var labels = new int[tokens.Count];
        model.PredictSpans(text, [.. tokens], [.. ends], labels, domain);
        int sentence = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (sentence < ends.Count && i == ends[sentence] && i > 0) { writer.WriteLine(); sentence++; }
            var (start, end) = tokens[i];
            writer.Write(text.AsSpan(start, end - start));
            writer.Write('\t');
            writer.WriteLine(NerLabels.Names[labels[i]]);
        }
    }

    private static (List<(int Start, int End)> Tokens, List<int> SentenceEnds) Tokenize(string text)
    {
        var folder = ModelLocator.FindModel(NlpModel.DefaultName);
        if (folder is null) return NerFallbackTokenizer.Tokenize(text);
        var doc = new Document("input", text);
        NlpModel.Load(folder).TokenizerComponent().Process(doc);
        var tokens = new List<(int, int)>(doc.TokenCount);
        foreach (ref readonly var t in doc.Tokens) tokens.Add((t.Start, t.End));
        var ends = new List<int>(doc.SentenceCount);
        foreach (ref readonly var s in doc.Sentences) if (s.EndToken > (ends.Count == 0 ? 0 : ends[^1])) ends.Add(s.EndToken);
        return (tokens, ends);
    }
}
