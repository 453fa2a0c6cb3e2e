namespace Parley.Cli.Tests;

/// <summary><c>parley build lexicon</c> on the WordNet fixture (no npm, no network) and <c>parley lexicon</c> on the committed data.</summary>
public sealed class LexiconCommandTests
{
    private static string Fixture => Path.Combine(CliRunner.RepoRoot, "tests", "Parley.Events.Tests", "Lexicon", "Fixtures", "wordnet");

    [Fact]
    public void Build_from_a_wordnet_folder_writes_both_files()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, null, "build", "lexicon", "--wordnet", Fixture, "--out", dir.Path);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("WordNet 3.1: 9 verb lemmas (1 multi-word), 7 verb synsets", r.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("verb-synsets.tsv.gz")));
        Assert.True(File.Exists(dir.File("noun-verbs.tsv.gz")));
    }

    [Fact]
    public void Build_names_a_missing_wordnet_folder()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, null, "build", "lexicon", "--wordnet", "/nonexistent/dict", "--out", dir.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("/nonexistent/dict: WordNet dict folder not found", r.Stderr.Trim());
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Lexicon_shows_senses_candidates_and_noun_verbs()
    {
        var r = CliRunner.Run(CliRunner.RepoRoot, null, "lexicon", "pummel", "negotiation", "nosuchword");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("1. 01418674 contact, tagged 1: pummel pommel biff  < hit", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("candidates (3 senses): pommel biff hit", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("negotiation (noun, 2 senses): verb negotiate", r.Stdout, StringComparison.Ordinal);
        Assert.Equal("nosuchword: not in the lexicon as a verb or as a noun with a verb", r.Stderr.Trim());
    }
}
