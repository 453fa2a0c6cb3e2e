namespace Parley.Cli.Tests;

/// <summary>
/// Issue 11, raw sentences through the whole pipeline: a place before an explosive device noun is where it went off
/// ("Mokha, Yemen bomb kills ...", a Wikinews headline both round-23 judges marked wrong as a Yemeni attack), while "US air
/// strike" and "Israeli raid" keep naming the attacker. `explain` gives the reason.
/// </summary>
public class BlastPlaceTests
{
    [Fact]
    public void A_place_before_a_bomb_is_no_bomber_and_attack_nouns_keep_their_attacker()
    {
        using var tmp = new TempDir();
        string path = tmp.File("blasts.txt");
        File.WriteAllText(path, "Mokha, Yemen bomb kills photojournalist, at least five others\n\nBaghdad car bomb kills 20 soldiers.\n\n"
            + "US air strike kills 10 Taliban fighters.\n\nIsraeli raid kills three Hamas fighters.\n");
        var r = CliRunner.Run(tmp.Path, null, "explain", path, "--date", "2019-12-04");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.DoesNotContain("'Yemen'=YEM ->", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("'Baghdad'=IRQ ->", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("'Yemen' names where the bomb went off", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("KEPT 195 ASSAULT q4 g-10 'US'=USA -> 'Taliban fighters'=AFGREB", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"KEPT 19\d .*'Israeli'=ISR -> 'Hamas fighters'=", r.Stdout);
    }
}
