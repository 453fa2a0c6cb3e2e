using System.Text;
using Parley.Core;

namespace Parley.Storage.Tests;

/// <summary>Builds synthetic, fully annotated documents of realistic size (deterministic for a seed).</summary>
public static class TestDocuments
{
    private static readonly string[] Words =
    [
        "the", "minister", "said", "talks", "with", "rebels", "in", "Kabul", "would", "resume", "on", "Wednesday",
        "after", "a", "week", "of", "clashes", "near", "border", "government", "forces", "attacked", "positions",
        "envoy", "met", "leaders", "Doha", "agreement", "ceasefire", "troops", "police", "protesters", "capital",
        "election", "president", "opposition", "accused", "army", "of", "killing", "civilians", "United", "Nations",
    ];

    private static readonly string[] Lemmas = ["the", "minister", "say", "talk", "with", "rebel", "in", "kabul", "will", "resume"];
    private static readonly string[] Deprels = ["nsubj", "obj", "obl", "det", "case", "amod", "root", "punct", "advmod", "conj"];
    private static readonly string[] Xpos = ["NN", "NNS", "VBD", "DT", "IN", "JJ", "NNP", "MD", "VB", "."];

    /// <summary>A document of about <paramref name="sentences"/> sentences of 20 tokens, with every layer filled.</summary>
    public static Document Annotated(string id, int seed, int sentences = 30, int entities = 10, int events = 5,
        DateOnly? published = null, string? title = null)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(sentences * 110);
        var doc = new Document(id, "");
        var tokenSpans = new List<(int Start, int End, int Sentence)>();
        for (int s = 0; s < sentences; s++)
        {
            int sentStart = sb.Length;
            int firstToken = tokenSpans.Count;
            int n = 16 + rng.Next(8);
            for (int t = 0; t < n; t++)
            {
                if (t > 0) sb.Append(' ');
                string w = Words[rng.Next(Words.Length)];
                if (t == 0) w = char.ToUpperInvariant(w[0]) + w[1..];
                tokenSpans.Add((sb.Length, sb.Length + w.Length, s));
                sb.Append(w);
            }
            tokenSpans.Add((sb.Length, sb.Length + 1, s));
            sb.Append('.');
            doc.AddSentence(new SentenceData(sentStart, sb.Length, firstToken, tokenSpans.Count));
            sb.Append(' ');
        }
        // A seed-specific word makes every text (and so every content hash) distinct.
        sb.Append("Ref").Append(seed.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('.');
        doc.Text = sb.ToString();
        doc.Title = title ?? $"Report {seed} on talks";
        doc.Published = published ?? new DateOnly(2019, 12, 1).AddDays(seed % 28);
        doc.Source = "test-wire";
        doc.Url = $"https://example.org/{seed}";
        doc.Origin = $"test:{seed}";
        doc.LanguageScore = 0.97;
        doc.Done = Layers.All;
        doc.Flags.Add("test:synthetic");

        var tokens = new TokenData[tokenSpans.Count];
        for (int i = 0; i < tokens.Length; i++)
        {
            var (start, end, sentence) = tokenSpans[i];
            var sent = doc.Sentences[sentence];
            bool first = i == sent.FirstToken;
            tokens[i] = new TokenData
            {
                Start = start, End = end, Sentence = sentence,
                Head = first ? -1 : sent.FirstToken + rng.Next(sent.EndToken - sent.FirstToken),
                Lemma = StringStore.Intern(Lemmas[rng.Next(Lemmas.Length)]),
                Xpos = StringStore.Intern(Xpos[rng.Next(Xpos.Length)]),
                Feats = rng.Next(3) == 0 ? StringStore.Intern("Number=Sing") : 0,
                Deprel = StringStore.Intern(Deprels[rng.Next(Deprels.Length)]),
                Norm = rng.Next(50) == 0 ? StringStore.Intern("norm" + rng.Next(3)) : 0,
                Upos = (UPos)(1 + rng.Next(17)),
                Flags = (first ? TokenFlags.SentenceStart : TokenFlags.None) | (i + 1 < tokenSpans.Count && tokenSpans[i + 1].Start > end ? TokenFlags.SpaceAfter : TokenFlags.None),
            };
        }
        doc.SetTokens(tokens, tokens.Length);

        string[] actors = ["USAGOV", "AFGREB", "AFGGOV", "QATGOV", "IGOUNO"];
        string[] countries = ["USA", "AFG", "AFG", "QAT", null!];
        for (int i = 0; i < entities; i++)
        {
            var t = tokens[rng.Next(tokens.Length)];
            int a = rng.Next(actors.Length);
            doc.Entities.Add(new EntityMention
            {
                Start = t.Start, End = t.End, Text = doc.Text[t.Start..t.End], Type = i % 3 == 0 ? "PER" : "ORG",
                Name = i % 4 == 0 ? null : "Name " + a, Kb = i % 2 == 0 ? "Q" + (100 + a) : null, Actor = i % 5 == 4 ? null : actors[a],
                Cluster = i % 3, Via = i % 2 == 0 ? "ner" : "coref:surname", Confidence = 0.5 + rng.NextDouble() / 2,
            });
        }
        doc.Places.Add(new PlaceMention { Start = 0, End = 5, Text = doc.Text[..5], Name = "Kabul", Country = "AFG", Lat = 34.52813, Lon = 69.17233, GeonameId = 1138958, FeatureCode = "PPLC", Admin1 = "13", Role = PlaceRole.Dateline });
        doc.Places.Add(new PlaceMention { Start = 6, End = 10, Text = doc.Text[6..10], Name = null, Country = null, Lat = null, Lon = null, GeonameId = null });
        doc.Dates.Add(new DateMention { Start = 11, End = 20, Text = doc.Text[11..20], Value = "2019-12-04", Grain = "day" });
        doc.Dates.Add(new DateMention { Start = 21, End = 25, Text = doc.Text[21..25], Value = null, Grain = "week" });
        doc.Quotes.Add(new QuoteMention { Start = 30, End = 60, Text = doc.Text[30..60], Direct = true, Speaker = "the minister", SpeakerStart = 0, SpeakerEnd = 12, SpeakerName = "Name 1", SpeakerActor = "AFGGOV" });
        doc.Quotes.Add(new QuoteMention { Start = 70, End = 90, Text = doc.Text[70..90], Direct = false });

        string[] cameos = ["036", "190", "1962", "042", "112", "20"];
        for (int i = 0; i < events; i++)
        {
            int s = rng.Next(doc.SentenceCount);
            var sent = doc.Sentences[s];
            int a = rng.Next(actors.Length), b = rng.Next(actors.Length);
            string cameo = cameos[rng.Next(cameos.Length)];
            doc.Events.Add(new EventRecord
            {
                Sentence = s,
                Source = new EventActor { Text = "Source text", Actor = actors[a], Country = countries[a], Name = "Name " + a, Start = sent.Start, End = sent.Start + 3 },
                Target = i % 4 == 3 ? null : new EventActor { Text = "Target text", Actor = actors[b], Country = countries[b], Start = sent.Start + 4, End = sent.Start + 8 },
                Cameo = cameo, Plover = cameo.StartsWith('1') ? "ASSAULT" : "CONSULT",
                QuadClass = cameo.StartsWith('1') ? 4 : 1, Goldstein = cameo.StartsWith('1') ? -9.5 : 1.0 + i,
                Date = i % 3 == 0 ? null : "2019-12-04",
                Place = i % 2 == 0 ? new EventPlace { Name = "Doha", Country = "QAT", Lat = 25.28545, Lon = 51.53096, GeonameId = 290030 } : null,
                Negated = i % 5 == 2,
                EvidenceStart = sent.Start, EvidenceEnd = sent.End, Rule = "rule:" + cameo, Confidence = 0.87654321,
                TriggerStart = sent.Start + 2, TriggerEnd = sent.Start + 6,
            });
        }
        var map = new int[doc.Text.Length + 1];
        for (int i = 0; i < map.Length; i++) map[i] = i + (i > 100 ? 7 : 0);
        doc.OriginalOffsets = new OffsetMap(map);
        return doc;
    }

    /// <summary>A text-only document (no layers).</summary>
    public static Document Plain(string id, string text, string? title = null, DateOnly? published = null) =>
        new(id, text) { Title = title, Published = published };
}
