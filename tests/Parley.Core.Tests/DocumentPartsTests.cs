using System.Reflection;

namespace Parley.Core.Tests;

public class DocumentPartsTests
{
    [Fact]
    public void Splits_at_paragraphs_then_sentences_then_spaces_and_covers_the_text()
    {
        string text = string.Concat(Enumerable.Repeat("One sentence here. Another one follows.\n\n", 200)) + new string('x', 500) + " tail";
        var parts = DocumentParts.Split(text, 1000);
        Assert.Equal(0, parts[0].Start);
        Assert.Equal(text.Length, parts[^1].End);
        for (int i = 0; i < parts.Count; i++)
        {
            Assert.InRange(parts[i].End - parts[i].Start, 1, 1000);
            if (i > 0) Assert.Equal(parts[i - 1].End, parts[i].Start);
            if (i < parts.Count - 2) Assert.EndsWith("\n\n", text[parts[i].Start..parts[i].End]);
        }
        var sentences = DocumentParts.Split(string.Concat(Enumerable.Repeat("Rebels attacked the convoy. ", 300)), 1000);
        Assert.All(sentences.SkipLast(1), p => Assert.Equal(". ", string.Concat(Enumerable.Repeat("Rebels attacked the convoy. ", 300))[(p.End - 2)..p.End]));
        var solid = DocumentParts.Split(new string('a', 2500), 1000);
        Assert.Equal([(0, 1000), (1000, 2000), (2000, 2500)], solid);
        Assert.Equal([(0, 10)], DocumentParts.Split("short text", 1000));
    }

    [Fact]
    public void A_part_never_ends_inside_a_surrogate_pair()
    {
        string text = string.Concat(Enumerable.Repeat("\U0001F600", 1000));
        foreach (var (start, end) in DocumentParts.Split(text, 333))
        {
            Assert.False(char.IsLowSurrogate(text[start]));
            Assert.False(char.IsHighSurrogate(text[end - 1]));
        }
    }

    /// <summary>Every int offset of every annotation moves with the part: a new offset field that Append forgets fails here.</summary>
    [Fact]
    public void Append_shifts_every_offset_token_sentence_and_cluster()
    {
        var whole = new Document("d", new string('a', 300));
        whole.AddToken(new TokenData { Start = 0, End = 1, Sentence = 0, Head = -1 });
        whole.AddSentence(new SentenceData(0, 1, 0, 1));
        whole.Entities.Add(new EntityMention { Start = 0, End = 1, Text = "a", Type = "PER", Cluster = 4 });

        var part = DocumentParts.Part(whole, 100, 300);
        part.AddToken(new TokenData { Start = 1, End = 2, Sentence = 0, Head = -1 });
        part.AddToken(new TokenData { Start = 3, End = 4, Sentence = 0, Head = 0 });
        part.AddSentence(new SentenceData(1, 4, 0, 2));
        part.Entities.Add(Filled<EntityMention>(new() { Text = "a", Type = "PER" }));
        part.Places.Add(Filled<PlaceMention>(new() { Text = "a" }));
        part.Dates.Add(Filled<DateMention>(new() { Text = "a", Grain = "day" }));
        part.Quotes.Add(Filled<QuoteMention>(new() { Text = "a" }));
        var ev = Filled<EventRecord>(new() { Cameo = "010", Rule = "r" });
        ev.Source = Filled<EventActor>(new() { Text = "a" });
        ev.Target = Filled<EventActor>(new() { Text = "a" });
        part.Events.Add(ev);
        part.Flags.Add("note");

        DocumentParts.Append(whole, part, 100);

        Assert.Equal(101, whole.Tokens[1].Start);
        Assert.Equal(1, whole.Tokens[1].Sentence);
        Assert.Equal(-1, whole.Tokens[1].Head);
        Assert.Equal(1, whole.Tokens[2].Head);
        Assert.Equal(new SentenceData(101, 104, 1, 3), whole.Sentences[1]);
        Assert.Equal(5 + 7, whole.Entities[1].Cluster);
        foreach (object annotation in new object[] { whole.Entities[1], whole.Places[0], whole.Dates[0], whole.Quotes[0], whole.Events[0], whole.Events[0].Source!, whole.Events[0].Target! })
            AssertShifted(annotation, sentenceBase: 1);
        Assert.Contains("note", whole.Flags);
    }

    private const int Marker = 7;

    /// <summary>Sets every settable int and int? property to <see cref="Marker"/>.</summary>
    private static T Filled<T>(T value)
    {
        foreach (var p in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (p.CanWrite && (p.PropertyType == typeof(int) || p.PropertyType == typeof(int?))) p.SetValue(value, Marker);
        return value;
    }

    private static void AssertShifted(object annotation, int sentenceBase)
    {
        foreach (var p in annotation.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.PropertyType != typeof(int) && p.PropertyType != typeof(int?)) continue;
            int value = (int)p.GetValue(annotation)!;
            string what = $"{annotation.GetType().Name}.{p.Name}";
            if (p.Name.EndsWith("Start", StringComparison.Ordinal) || p.Name.EndsWith("End", StringComparison.Ordinal)) Assert.True(value == Marker + 100, $"{what} = {value}");
            else if (p.Name == "Sentence") Assert.True(value == Marker + sentenceBase, $"{what} = {value}");
            else if (p.Name is "Cluster" or "QuadClass") { }
            else Assert.Fail($"{what}: an int field DocumentParts.Append does not know; decide how it moves with a part");
        }
    }
}
