namespace Parley.Cli.Tests;

/// <summary>
/// Issue 11, a raw sentence through the whole pipeline: "Petr Novak, deputy director of ..., accused Russia" was coded
/// 'deputy'=RUSCOP -> Russia, a police agent (the title word 'deputy') of the country he accuses (the event's place was
/// the accused state). `explain` gives the reason.
/// </summary>
public class AgentCountryTests
{
    [Fact]
    public void A_deputy_director_is_no_police_agent_of_the_state_he_accuses()
    {
        using var tmp = new TempDir();
        string path = tmp.File("accuser.txt");
        File.WriteAllText(path, "Petr Novak, deputy director of the Czech Energy Forum, accused Russia of lying.\n");
        var r = CliRunner.Run(tmp.Path, null, "explain", path, "--date", "2019-12-04");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.DoesNotContain("'deputy'=", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("=RUSCOP", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("'deputy' qualifies the post 'director'", r.Stdout, StringComparison.Ordinal);
    }
}
