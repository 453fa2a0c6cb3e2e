using System.CommandLine;
using System.Text;
using Parley.Core;
using Parley.Nlp.Conllu;

namespace Parley.Cli.Commands;

/// <summary>`parley parse [PATH|-] [--input text|conllu] [--output conllu]`: sentences, tokens, tags, lemmas, FEATS, heads as CoNLL-U.</summary>
internal static class ParseCommand
{
    /// <summary>Raw text is processed in pieces cut at paragraph breaks, so memory stays flat on huge inputs.</summary>
    private const int PieceChars = 1 << 16;

    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "Input file, or - for standard input", DefaultValueFactory = _ => "-" };
        var input = new Option<string>("--input") { Description = "Input format: text (raw text) or conllu (keep the given tokens and sentences)", DefaultValueFactory = _ => "text" };
        input.AcceptOnlyFromAmong("text", "conllu");
        var output = new Option<string>("--output") { Description = "Output format", DefaultValueFactory = _ => "conllu" };
        output.AcceptOnlyFromAmong("conllu");
        var model = new Option<string?>("--model") { Description = "NLP model folder (default: models/nlp-en-ewt)" };
        var command = new Command("parse", "Sentence splitting, tokens, lemmas, UPOS, XPOS, features and dependencies, as CoNLL-U") { path, input, output, model };
        command.SetAction(r => Run(r.GetValue(path)!, r.GetValue(input)!, r.GetValue(model)));
        return command;
    }

    private static int Run(string path, string input, string? modelFolder)
    {
        string name = path == "-" ? "stdin" : path;
        string content;
        try
        {
            content = ReadAll(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            Console.Error.WriteLine($"{name}: {(e is DecoderFallbackException ? "not UTF-8 text" : e.Message)}");
            return 2;
        }
        if (content.Contains('\0'))
        {
            Console.Error.WriteLine($"{name}: binary content, not text");
            return 2;
        }
        var loaded = NlpLoader.TryLoad(modelFolder);
        if (loaded is null) return 2;
        var (model, parser) = loaded.Value;
        var tokenizer = model.TokenizerComponent();
        var tagger = model.TaggerComponent();
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        if (input == "conllu")
        {
            List<ConlluSentence> sentences;
            try { sentences = [.. ConlluReader.Read(new StringReader(content))]; }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"{name}: malformed CoNLL-U: {e.Message}");
                return 2;
            }
            for (int first = 0; first < sentences.Count; first += 500)
            {
                var part = sentences.GetRange(first, Math.Min(500, sentences.Count - first));
                var doc = DocumentConllu.FromSentences(name, part);
                tagger.Process(doc);
                parser?.Parse(doc);
                var comments = new List<IReadOnlyList<string>>(part.Count);
                foreach (var s in part) comments.Add(s.Comments);
                DocumentConllu.Write(stdout, doc, comments);
            }
            return 0;
        }
        int start = 0;
        while (start < content.Length)
        {
            int end = PieceEnd(content, start);
            var doc = new Document(name, content[start..end]);
            tokenizer.Process(doc);
            tagger.Process(doc);
            parser?.Parse(doc);
            DocumentConllu.Write(stdout, doc);
            start = end;
        }
        return 0;
    }

    private static string ReadAll(string path)
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        if (path == "-")
        {
            using var reader = new StreamReader(Console.OpenStandardInput(), strict);
            return reader.ReadToEnd();
        }
        return File.ReadAllText(path, strict);
    }

    /// <summary>End of the piece that starts at <paramref name="start"/>: after a blank line once the piece is long enough, else at a line break or space.</summary>
    internal static int PieceEnd(string text, int start)
    {
        if (text.Length - start <= PieceChars) return text.Length;
        int limit = Math.Min(text.Length, start + 16 * PieceChars);
        int blank = text.IndexOf("\n\n", start + PieceChars, limit - start - PieceChars, StringComparison.Ordinal);
        if (blank >= 0) return blank + 2;
        int line = text.IndexOf('\n', start + 4 * PieceChars, limit - start - 4 * PieceChars);
        if (line >= 0) return line + 1;
        for (int k = limit - 1; k > start + PieceChars; k--) if (char.IsWhiteSpace(text[k])) return k + 1;
        return limit;
    }
}
