using System.Diagnostics;
using Parley.Core;

namespace Parley.Events.Evaluation;

/// <summary>
/// Measures the event coder alone on gold-parsed CoNLL-U (e.g. UD English-EWT dev). So that the whole coding path runs
/// (pattern matching, argument and actor resolution, record building), every PROPN token is given a synthetic entity
/// mention with a country actor code; the figures are coder-only sentences per second on one thread.
/// </summary>
public static class CoderSpeed
{
    public static (int Sentences, int Events, double SentencesPerSecond) Measure(EventCoder coder, string conlluPath, int rounds = 5)
    {
        var doc = AnnotatedConllu.Read(File.OpenText(conlluPath), conlluPath);
        var tokens = doc.Tokens;
        for (int t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Upos != UPos.PROPN) continue;
            doc.Entities.Add(new EntityMention
            {
                Start = tokens[t].Start, End = tokens[t].End, Text = doc.Text[tokens[t].Start..tokens[t].End], Type = "ORG",
                Actor = (t % 3) switch { 0 => "USAGOV", 1 => "AFGREB", _ => "IRN" },
            });
        }
        coder.Process(doc);   // warm-up
        int events = doc.Events.Count;
        var clock = Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++) coder.Process(doc);
        double seconds = clock.Elapsed.TotalSeconds;
        return (doc.SentenceCount, events, doc.SentenceCount * (double)rounds / seconds);
    }
}
