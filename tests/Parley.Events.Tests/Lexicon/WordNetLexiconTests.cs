using System.IO.Compression;
using Parley.Events.Lexicon;

namespace Parley.Events.Tests.Lexicon;

/// <summary>The WordNet reader, the lexicon builder and the loader on a fixture of real WordNet 3.1 lines (Fixtures/wordnet).</summary>
public sealed class WordNetLexiconTests : IDisposable
{
    private static readonly string Dict = Path.Combine(AppContext.BaseDirectory, "Lexicon", "Fixtures", "wordnet");
    private readonly string _out = Directory.CreateTempSubdirectory("parley-lexicon-test-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static StreamReader Open(string file) => new(Path.Combine(Dict, file));

    private VerbLexicon BuildFixture(out LexiconBuildSummary summary)
    {
        summary = LexiconBuilder.Build(new WordNetSource(Dict, null, "the test fixture"), _out);
        return VerbLexicon.Load(_out);
    }

    [Fact]
    public void Data_line_gives_words_in_order_lexicographer_file_and_pointers()
    {
        using var r = Open("data.verb");
        var synsets = WordNetReader.ReadData(r, "data.verb");
        Assert.Equal(7, synsets.Count);
        var rebuff = synsets[800201];
        Assert.Equal('v', rebuff.Pos);
        Assert.Equal("verb.communication", WordNetReader.LexName(rebuff.LexFile));
        Assert.Equal(["rebuff", "snub", "repel"], rebuff.Words);
        Assert.Equal(3, rebuff.Pointers.Length);
        Assert.Equal(new WordNetPointer("@", 798638, 'v', 0, 0), rebuff.Pointers[0]);
        // "+ 07222660 n 0202": a lexical pointer from the second word to the second word of the noun synset.
        Assert.Equal(new WordNetPointer("+", 7222660, 'n', 2, 2), rebuff.Pointers[1]);
        // Seven members, the last a multi-word verb; the verb frames after the pointers are not taken for pointers.
        Assert.Equal("turn_down", synsets[798638].Words[^1]);
        Assert.Single(synsets[798638].Pointers);
    }

    [Fact]
    public void Index_lists_senses_in_order_and_sense_index_gives_tag_counts_of_one_part_of_speech()
    {
        Dictionary<string, int[]> index;
        using (var r = Open("index.verb")) index = WordNetReader.ReadIndex(r, "index.verb");
        Assert.Equal([800201, 1133623], index["rebuff"]);
        Assert.Equal([1133623, 800201], index["repel"]);
        Assert.Equal(9, index.Count);
        Dictionary<(string, int), int> verbTags, nounTags;
        using (var r = Open("index.sense")) verbTags = WordNetReader.ReadTagCounts(r, "index.sense", 2);
        using (var r = Open("index.sense")) nounTags = WordNetReader.ReadTagCounts(r, "index.sense", 1);
        Assert.Equal(3, verbTags[("rebuff", 800201)]);
        Assert.Equal(1, verbTags[("rebuff", 1133623)]);
        Assert.False(verbTags.ContainsKey(("rebuff", 1228272)));
        Assert.Equal(1, nounTags[("rebuff", 1228272)]);
    }

    [Fact]
    public void Licence_notice_is_read_without_line_numbers_and_names_the_version()
    {
        using var r = Open("data.verb");
        var notice = WordNetReader.ReadNotice(r);
        Assert.StartsWith("This software and database is being provided", notice[0], StringComparison.Ordinal);
        Assert.Contains("WordNet 3.1 Copyright 2011 by Princeton University.  All rights reserved.", notice);
        Assert.Equal("Princeton University and LICENSEE agrees to preserve same.", notice[^1]);
        Assert.Equal("3.1", LexiconBuilder.VersionOf(notice));
    }

    [Fact]
    public void Exceptions_map_forms_to_all_their_base_forms()
    {
        using var r = Open("verb.exc");
        var forms = WordNetReader.ReadExceptions(r, "verb.exc");
        Assert.Equal(["fight"], forms["fought"]);
        Assert.Equal(["appal", "appall"], forms["appalled"]);
    }

    [Fact]
    public void Malformed_lines_are_reported_with_their_file_and_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => WordNetReader.ReadData(new StringReader("  1 notice\n01418674 35 v 03 pummel 0 pommel\n"), "data.verb"));
        Assert.StartsWith("data.verb line 2:", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidDataException>(() => WordNetReader.ReadIndex(new StringReader("rebuff v 2 2 @ + 2 2 00800201\n"), "index.verb"));
        Assert.StartsWith("index.verb line 1:", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidDataException>(() => WordNetReader.ReadExceptions(new StringReader("fought\n"), "verb.exc"));
        Assert.StartsWith("verb.exc line 1:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Candidates_are_synonyms_then_hypernyms_sense_by_sense()
    {
        var lex = BuildFixture(out var summary);
        Assert.Equal(9, summary.VerbLemmas);
        Assert.Equal(7, summary.VerbSynsets);
        Assert.Equal(3, summary.IrregularForms);
        var related = lex.Related("rebuff", maxSenses: 2);
        Assert.Equal(["snub", "repel", "reject", "spurn", "freeze_off", "scorn", "pooh-pooh", "disdain", "turn_down",
            "repulse", "fight_off", "drive_back", "fight", "oppose", "fight_back", "fight_down", "defend"], related.Select(c => c.Lemma));
        Assert.Equal(new VerbCandidate("snub", VerbRelation.Synonym, 1, 3, "communication", "00800201"), related[0]);
        Assert.Equal(new VerbCandidate("reject", VerbRelation.Hypernym, 1, 3, "communication", "00798638"), related[2]);
        Assert.Equal(new VerbCandidate("repulse", VerbRelation.Synonym, 2, 1, "competition", "01133623"), related[9]);
        // "repel" is already a synonym in sense 1: it is not repeated for sense 2.
        Assert.Single(related, c => c.Lemma == "repel");
        Assert.Equal(["snub", "repel", "reject", "spurn", "freeze_off", "scorn", "pooh-pooh", "disdain", "turn_down"], lex.Candidates("rebuff", maxSenses: 1));
        Assert.Equal(["snub", "repel"], lex.Related("rebuff", maxSenses: 1, hypernyms: false).Select(c => c.Lemma));
        Assert.Equal(["pommel", "biff", "hit"], lex.Candidates("pummel"));
        Assert.Empty(lex.Related("hit"));
        Assert.Empty(lex.Related("unknownverb"));
    }

    [Fact]
    public void First_known_candidate_is_the_most_frequent_sense_the_dictionary_codes()
    {
        var lex = BuildFixture(out _);
        var known = new HashSet<string> { "reject", "fight", "oppose" };
        var first = lex.FirstKnown("rebuff", known.Contains);
        Assert.Equal(new VerbCandidate("reject", VerbRelation.Hypernym, 1, 3, "communication", "00798638"), first);
        Assert.Equal("fight", lex.FirstKnown("repel", known.Contains)?.Lemma);
        Assert.Null(lex.FirstKnown("pummel", known.Contains));
    }

    [Fact]
    public void Senses_carry_rank_synset_file_tag_count_members_and_hypernyms()
    {
        var lex = BuildFixture(out _);
        var senses = lex.Senses("rebuff");
        Assert.Equal(2, senses.Count);
        Assert.Equal(1, senses[0].Rank);
        Assert.Equal("00800201", senses[0].Synset);
        Assert.Equal("communication", senses[0].LexFile);
        Assert.Equal(3, senses[0].TagCount);
        Assert.Equal(["rebuff", "snub", "repel"], senses[0].Members);
        Assert.Equal(["00798638"], senses[0].Hypernyms);
        Assert.Equal("competition", senses[1].LexFile);
        Assert.Empty(lex.Senses("unknownverb"));
    }

    [Fact]
    public void Lookups_take_any_case_spaces_for_multi_word_verbs_and_irregular_forms()
    {
        var lex = BuildFixture(out _);
        Assert.True(lex.IsVerb("turn_down"));
        Assert.True(lex.IsVerb("Turn down"));
        Assert.True(lex.IsVerb("rebuff".AsSpan()));
        Assert.False(lex.IsVerb("fought"));
        Assert.Equal(["fight"], lex.BaseForms("fought"));
        Assert.Empty(lex.BaseForms("rebuffed"));
        // An irregular form is read as its verb, and its own base form is not offered as a candidate.
        Assert.Equal(["oppose", "fight_back", "fight_down", "defend"], lex.Candidates("fought"));
        Assert.Equal(lex.Candidates("turn_down"), lex.Candidates("TURN DOWN"));
    }

    [Fact]
    public void Event_nouns_give_the_verb_of_their_most_frequent_sense_when_it_is_an_act()
    {
        var lex = BuildFixture(out var summary);
        Assert.Equal(3, summary.EventNouns);
        Assert.Equal("negotiate", lex.VerbOfNoun("negotiation"));
        Assert.Equal("rebuff", lex.VerbOfNoun("rebuff"));
        // A person who negotiates is not an act of negotiating.
        Assert.Null(lex.VerbOfNoun("negotiator"));
        Assert.Equal(["person"], lex.NounSenses("negotiator").Select(s => s.LexFile));
        var senses = lex.NounSenses("negotiation");
        Assert.Equal(2, senses.Count);
        Assert.Equal(new[] { "negotiate" }, senses[0].Verbs);
        Assert.Equal("communication", senses[0].LexFile);
        Assert.Equal(2, senses[0].TagCount);
        Assert.Empty(senses[1].Verbs);
        // Only pointers that leave from the noun's own word count: the rebuff/snub/repulse synset's other two leave
        // from "snub" and "repulse".
        Assert.Equal(["rebuff"], lex.NounSenses("rebuff")[1].Verbs);
        Assert.Null(lex.VerbOfNoun("treaty"));
    }

    [Fact]
    public void Build_writes_the_licence_notice_and_is_deterministic()
    {
        BuildFixture(out _);
        var path = Path.Combine(_out, VerbLexicon.VerbFile);
        var first = File.ReadAllBytes(path);
        string text = ReadGzip(path);
        Assert.Contains("# WordNet 3.1 Copyright 2011 by Princeton University.", text, StringComparison.Ordinal);
        Assert.Contains("S\t00800201\tcommunication\trebuff snub repel\t00798638\n", text, StringComparison.Ordinal);
        Assert.Contains("L\trebuff\t00800201:3 01133623:1\n", text, StringComparison.Ordinal);
        Assert.Contains("X\tfought\tfight\n", text, StringComparison.Ordinal);
        Assert.Contains("# WordNet 3.1 Copyright", ReadGzip(Path.Combine(_out, VerbLexicon.NounFile)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out, "*.tmp"));
        LexiconBuilder.Build(new WordNetSource(Dict, null, "the test fixture"), _out);
        Assert.Equal(first, File.ReadAllBytes(path));
    }

    [Fact]
    public void Missing_database_file_names_the_file()
    {
        var empty = Directory.CreateTempSubdirectory("parley-wordnet-empty-").FullName;
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => LexiconBuilder.Build(new WordNetSource(empty, null, "nothing"), _out));
            Assert.Contains("data.verb", e.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(_out, VerbLexicon.VerbFile)));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void Loader_reports_bad_records_with_their_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => VerbLexicon.Read(new StringReader("# c\nS\t00000001\tbody\tbreathe\t-\nQ\tx\n"), null, "v.tsv"));
        Assert.StartsWith("v.tsv line 3:", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidDataException>(() => VerbLexicon.Read(new StringReader("L\tbreathe\t00000001:2\n"), null, "v.tsv"));
        Assert.Contains("00000001", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidDataException>(() => VerbLexicon.Read(new StringReader("S\t00000001\tbody\tbreathe\t00000009\n"), null, "v.tsv"));
        Assert.Contains("00000009", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidDataException>(() => VerbLexicon.Read(new StringReader(""), new StringReader("N\ttalk\tact:x:talk\n"), "v.tsv"));
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
    }

    private static string ReadGzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return reader.ReadToEnd();
    }
}
