using System.Globalization;
using System.Text;
using Parley.Core;

namespace Parley.Events;

/// <summary>
/// Builds a parsed, entity-annotated <see cref="Document"/> from CoNLL-U, for `parley explain --input conllu`, for
/// evaluation with gold parses, and for tests. Token lines have the 10 CoNLL-U columns, or a short form
/// "ID FORM LEMMA UPOS HEAD DEPREL [MISC]" (tab- or space-separated). MISC may carry annotations:
/// <c>Ent=B-PER</c>/<c>Ent=I-PER</c> (entity mention), <c>Actor=USAGOV</c>, <c>Name=...</c>, <c>Cluster=3</c>,
/// <c>Via=coref:pronoun</c>, <c>Kb=country:DEU</c> (knowledge-base id; on the B token), <c>RoleUnknown=1</c> (a known person of no known role); <c>Loc=B</c>/<c>Loc=I</c> with <c>Country=AFG</c> (place mention; <c>PlaceRole=dateline</c> for the article's dateline);
/// <c>Date=2019-12-04</c> (a one-token date mention); <c>SpaceAfter=No</c>. A <c># published = YYYY-MM-DD</c>
/// comment sets the article date.
/// </summary>
public static class AnnotatedConllu
{
    public static Document Read(TextReader reader, string id = "conllu")
    {
        var sentences = new List<List<string[]>>();
        var current = new List<string[]>();
        DateOnly? published = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            string trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                if (current.Count > 0) { sentences.Add(current); current = []; }
                continue;
            }
            if (trimmed[0] == '#')
            {
                int eq = trimmed.IndexOf('=');
                if (eq > 0 && trimmed[1..eq].Trim() == "published"
                    && DateOnly.TryParseExact(trimmed[(eq + 1)..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    published = d;
                continue;
            }
            var cols = line.Contains('\t') ? line.Split('\t') : trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cols[0].Contains('-') || cols[0].Contains('.')) continue;
            current.Add(cols);
        }
        if (current.Count > 0) sentences.Add(current);

        var text = new StringBuilder();
        var tokens = new List<TokenData>();
        var sents = new List<SentenceData>();
        var annotations = new List<(int Token, string Misc)>();
        for (int s = 0; s < sentences.Count; s++)
        {
            if (text.Length > 0) text.Append(' ');
            int sentStart = text.Length;
            int firstToken = tokens.Count;
            var rows = sentences[s];
            for (int i = 0; i < rows.Count; i++)
            {
                var c = rows[i];
                bool full = c.Length >= 10;
                string form = c[1];
                string lemma = c.Length > 2 ? c[2] : "_";
                string upos = c.Length > 3 ? c[3] : "_";
                string headCol = full ? c[6] : c.Length > 4 ? c[4] : "_";
                string deprel = full ? c[7] : c.Length > 5 ? c[5] : "_";
                string misc = full ? c[9] : c.Length > 6 ? c[6] : "_";
                int start = text.Length;
                text.Append(form);
                int head = int.TryParse(headCol, NumberStyles.Integer, CultureInfo.InvariantCulture, out int h) && h > 0 ? firstToken + h - 1 : -1;
                var flags = TokenFlags.None;
                if (i == 0) flags |= TokenFlags.SentenceStart;
                bool spaceAfter = !misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
                if (spaceAfter && i + 1 < rows.Count) { text.Append(' '); flags |= TokenFlags.SpaceAfter; }
                tokens.Add(new TokenData
                {
                    Start = start, End = start + form.Length, Sentence = s, Head = head,
                    Lemma = StringStore.Intern(lemma), Xpos = full ? StringStore.Intern(c[4]) : 0, Feats = full ? StringStore.Intern(c[5]) : 0,
                    Deprel = StringStore.Intern(deprel), Upos = UPosNames.Parse(upos), Flags = flags,
                });
                if (misc != "_") annotations.Add((tokens.Count - 1, misc));
            }
            sents.Add(new SentenceData(sentStart, text.Length, firstToken, tokens.Count));
        }

        var doc = new Document(id, text.ToString()) { Published = published };
        doc.SetTokens([.. tokens], tokens.Count);
        foreach (var sd in sents) doc.AddSentence(sd);
        ReadAnnotations(doc, annotations);
        doc.Done |= Layers.Sentences | Layers.Tokens | Layers.Tags | Layers.Lemmas | Layers.Parse | Layers.Entities | Layers.Places | Layers.Dates;
        return doc;
    }

    public static Document Parse(string conllu, string id = "conllu") => Read(new StringReader(conllu), id);

    private static void ReadAnnotations(Document doc, List<(int Token, string Misc)> annotations)
    {
        EntityMention? entity = null;
        PlaceMention? place = null;
        int last = -2;
        foreach (var (t, misc) in annotations)
        {
            var kv = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in misc.Split('|'))
            {
                int eq = part.IndexOf('=');
                if (eq > 0) kv[part[..eq]] = part[(eq + 1)..];
            }
            var td = doc.Tokens[t];
            string tokenText = doc.Text[td.Start..td.End];
            if (kv.TryGetValue("Ent", out var ent))
            {
                if (ent.StartsWith("I-", StringComparison.Ordinal) && entity is not null && last == t - 1)
                {
                    entity.End = td.End;
                    entity.Text = doc.Text[entity.Start..entity.End];
                }
                else
                {
                    entity = new EntityMention
                    {
                        Start = td.Start, End = td.End, Text = tokenText, Type = ent.Length > 2 && ent[1] == '-' ? ent[2..] : ent,
                        Actor = kv.GetValueOrDefault("Actor"), Name = kv.GetValueOrDefault("Name")?.Replace('_', ' '),
                        Cluster = kv.TryGetValue("Cluster", out var cl) ? int.Parse(cl, CultureInfo.InvariantCulture) : -1,
                        Via = kv.GetValueOrDefault("Via"), Kb = kv.GetValueOrDefault("Kb"), RoleUnknown = kv.ContainsKey("RoleUnknown"),
                    };
                    doc.Entities.Add(entity);
                }
            }
            if (kv.TryGetValue("Loc", out var loc))
            {
                if (loc == "I" && place is not null && last == t - 1)
                {
                    place.End = td.End;
                    place.Text = doc.Text[place.Start..place.End];
                    place.Name = place.Text;
                }
                else
                {
                    place = new PlaceMention { Start = td.Start, End = td.End, Text = tokenText, Name = tokenText, Country = kv.GetValueOrDefault("Country"), Role = kv.GetValueOrDefault("PlaceRole") };
                    doc.Places.Add(place);
                }
            }
            if (kv.TryGetValue("Date", out var date))
                doc.Dates.Add(new DateMention { Start = td.Start, End = td.End, Text = tokenText, Value = date, Grain = date.Length == 10 ? "day" : "month" });
            last = t;
        }
    }
}
