using System.CommandLine;
using System.Text;
using Parley.Core;
using Parley.Nlp;
using Parley.Nlp.Ner;
using Parley.Core.Text;

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
            var folder = parse.GetValue(modelDir);
            if (folder is not null && !Directory.Exists(folder))
            {
                Console.Error.WriteLine($"parley: {folder}: NER model not found (set PARLEY_MODELS or run `parley train ner`)");
                return 2;
            }
            if (source != "-" && !File.Exists(source))
            {
                Console.Error.WriteLine($"parley: {source}: file not found");
                return 2;
            }
            var genre = parse.GetValue(domain) == "web" ? NerDomain.Web : NerDomain.News;
            // The tokenizer and the recogniser, as `code` makes them; linking and the later stages are not this command's.
            var pipeline = CommandPipelines.TryBuild(Layers.Entities, Layers.Entities, Console.Error, c =>
            {
                if (folder is not null) c.UseModel(NlpComponents.NerRole, folder);
                c.Set(NlpComponents.NerDomainSetting, genre);
            }, "tokenizer", "ner");
            if (pipeline is null) return 2;
            using var reader = source == "-" ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : new StreamReader(source, Encoding.UTF8);
            using var writer = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            try
            {
                if (parse.GetValue(input) == "conll") NerConllFormat.Process(reader, writer, doc => pipeline.Process(doc, Layers.Entities, given: doc.Done));
                else WriteText(reader.ReadToEnd(), writer, pipeline);
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

    private static void WriteText(string text, TextWriter writer, Pipeline pipeline)
    {
        var doc = new Document("input", text);
        // Without the NLP model the pipeline has no tokenizer: the tokenizer's seed lexicon and rule sentences stand in.
        Layers given = Layers.None;
        if ((pipeline.Assigns & Layers.Tokens) == 0)
        {
            Tokenizer.Tokenize(doc);
            given = Layers.Tokens | Layers.Sentences;
        }
        pipeline.Process(doc, Layers.Entities, given: given);
        var labels = new string[doc.TokenCount];
        Array.Fill(labels, NerLabels.Names[NerLabels.O]);
        foreach (var e in doc.Entities)
        {
            int type = NerLabels.TypeIndex(e.Type), t = doc.TokenAt(e.Start);
            if (type < 0 || t < 0) continue;
            labels[t] = NerLabels.Names[NerLabels.Begin(type)];
            for (t++; t < doc.TokenCount && doc.Tokens[t].Start < e.End; t++) labels[t] = NerLabels.Names[NerLabels.Inside(type)];
        }
        for (int i = 0; i < doc.TokenCount; i++)
        {
            var token = doc.Tokens[i];
            if (i > 0 && token.Sentence != doc.Tokens[i - 1].Sentence) writer.WriteLine();
            writer.Write(doc.Text.AsSpan(token.Start, token.End - token.Start));
            writer.Write('\t');
            writer.WriteLine(labels[i]);
        }
    }
}
