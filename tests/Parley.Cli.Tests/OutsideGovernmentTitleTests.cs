namespace Parley.Cli.Tests;

/// <summary>
/// People outside government take the role of the body they speak for (Reuters round 30, roles31): the president of a bank
/// no dictionary codes is business, not the government; an analyst at a named firm is business, at a university academic;
/// a military rank before the name yields to a post in apposition of a named organisation ("Capt. X, president of the ...
/// Pilots Association" is no MIL), not to one of none ("Captain X, head of congressional security"). From raw text through
/// the whole pipeline; sentences written for this test.
/// </summary>
public class OutsideGovernmentTitleTests
{
    [Fact]
    public void The_body_a_post_is_held_in_decides_its_holder_s_role() => TitleRoleTests.AssertSources("1987-03-02",
        ("Sayam Bank president Waree Havanonda criticized the Thai government.", "THABUS", "a bank's president"),
        ("Elliott Schlang, an analyst at Halvorsen Brothers, criticized the Thai government.", "THABUS", "an analyst at a firm"),
        ("John Smith, an economist at Harvard University, criticized the Thai government.", "THAEDU", "an economist at a university"),
        ("Capt. Henry Duffy, president of the Air Line Pilots Association, criticized the Thai government.", null!, "a rank before a union's post"),
        ("Captain Rosalo Ylagan, head of congressional security, criticized the Thai government.", "THAMIL", "a rank with a post of no named body"));

    /// <summary>Posts only companies and trade bodies give (a senior or executive vice president, the president of an
    /// association or a federation no dictionary codes) are business, not the government the head word "president" gives
    /// (Reuters rounds 32-33); a government's vice president keeps GOV.</summary>
    [Fact]
    public void Corporate_posts_and_trade_bodies_are_business() => TitleRoleTests.AssertSources("1987-03-02",
        ("Executive vice president Rosalo Ylagan criticized the Thai government.", "THABUS", "an executive vice president"),
        ("Henry Duffy, a senior vice president, criticized the Thai government.", "THABUS", "a senior vice president in apposition"),
        ("Association president Waree Havanonda criticized the Thai government.", "THABUS", "an association's president"),
        ("Elliott Schlang, president of the rice exporters federation, criticized the Thai government.", "THABUS", "a federation's president"),
        ("Vice President Anan Prachuabmoh criticized the Burmese government.", "THAGOV", "a government's vice president"));
}
