using System.CommandLine;
using System.Text;
using Parley.Core;
using Parley.Nlp;
using Parley.Nlp.Conllu;

namespace Parley.Cli.Commands;

/// <summary>`parley parse [PATH|-] [--input text|conllu] [--output conllu]`: sentences, tokens, tags, lemmas, FEATS, heads as CoNLL-U.</summary>
internal static class ParseCommand
{
    /// <summary>Raw text is processed in pieces cut at paragraph breaks, so memory stays flat on huge inputs.</summary>
    internal const int PieceChars = 1 << 16;

    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "Input file, or - for standard input", DefaultValueFactory = _ => "-" };
        var input = new Option<string>("--input") { Description = "Input format: text (raw text) or conllu (keep the given tokens and sentences)", DefaultValueFactory = _ => "text" };
        input.AcceptOnlyFromAmong("text", "conllu");
        var output = new Option<string>("--output") { Description = "Output format", DefaultValueFactory = _ => "conllu" };
        output.AcceptOnlyFromAmong("conllu");
        var model = new Option<string?>("--model") { Description = "NLP model folder (default: models/nlp-en-ewt)" };
        var command = new Command("parse", "Sentence splitting, tokens, lemmas, UPOS, XPOS, features and dependencies, as CoNLL-U") { path, input, output, model };
        command.SetAction(r =>
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            return Run(r.GetValue(path)!, r.GetValue(input)!, r.GetValue(model), stdout, Console.Error);
        });
        return command;
    }

    internal static int Run(string path, string input, string? modelFolder, TextWriter stdout, TextWriter stderr)
    {
        string name = path == "-" ? "stdin" : path;
        string content;
        try
        {
            content = ReadAll(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or InvalidDataException)
        {
            stderr.WriteLine($"{name}: {(e is DecoderFallbackException ? "not UTF-8 text" : e.Message)}");
            return 2;
        }
        // Tokens, tags, lemmas and (when the parser is installed) the parse: the parser's stage is left out with a note otherwise.
        var pipeline = CommandPipelines.TryBuild(Layers.Parse, Layers.Tokens | Layers.Tags, stderr,
            c => { if (modelFolder is not null) c.UseModel(NlpComponents.NlpRole, modelFolder); });
        if (pipeline is null) return 2;
        if (input == "conllu")
        {
            List<ConlluSentence> sentences;
            try { sentences = [.. ConlluReader.Read(new StringReader(content))]; }
            catch (FormatException e)
            {
                stderr.WriteLine($"{name}: malformed CoNLL-U: {e.Message}");
                return 2;
            }
            for (int first = 0; first < sentences.Count; first += 500)
            {
                var part = sentences.GetRange(first, Math.Min(500, sentences.Count - first));
                var doc = DocumentConllu.FromSentences(name, part);
                pipeline.Process(doc, Layers.Parse, given: Layers.Tokens | Layers.Sentences);
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
            pipeline.Process(doc, Layers.Parse);
            DocumentConllu.Write(stdout, doc);
            start = end;
        }
        return 0;
    }

    /// <summary>The input as text: bytes with a NUL are binary, anything else must be valid UTF-8 (a BOM is skipped).</summary>
    private static string ReadAll(string path)
    {
        byte[] bytes;
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            Console.OpenStandardInput().CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        else bytes = File.ReadAllBytes(path);
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw new InvalidDataException("binary content, not text");
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
    }

    /// <summary>End of the piece that starts at <paramref name="start"/>: after a blank line once the piece is long enough, else at a line break or space.</summary>
    internal static int PieceEnd(string text, int start)
    {
        if (text.Length - start <= PieceChars) return text.Length;
        int limit = Math.Min(text.Length, start + 16 * PieceChars);
        int blank = text.IndexOf("\n\n", start + PieceChars, limit - start - PieceChars, StringComparison.Ordinal);
        if (blank >= 0) return blank + 2;
        // a line break from four pieces' length on; a shorter rest (one sentence a line, no blank line) has none to look at
        int from = start + 4 * PieceChars;
        int line = from < limit ? text.IndexOf('\n', from, limit - from) : -1;
        if (line >= 0) return line + 1;
        for (int k = limit - 1; k > start + PieceChars; k--) if (char.IsWhiteSpace(text[k])) return k + 1;
        return limit;
    }
}
