using Parley.Events.Cameo;

namespace Parley.Events.Tests;

public sealed class OntologyTests
{
    [Fact]
    public void Run_together_line_yields_both_codes()
    {
        const string codes = "CAMEOEVENTCODE\tEVENTDESCRIPTION\n1055\tDemand that target allows international involvement (non-mediation)\n"
            + "1056\tDemand de-escalation of military engagement106:[-5.0] Demand withdrawal\n107\tDemand ceasefire\n";
        var (names, embedded) = CameoSourceParser.ParseEventCodes(new StringReader(codes));
        Assert.Equal("Demand de-escalation of military engagement", names["1056"]);
        Assert.Equal("Demand withdrawal", names["106"]);
        Assert.Equal(-5.0, embedded["106"]);
        Assert.Equal(4, names.Count);
    }

    [Fact]
    public void Committed_ontology_has_106_and_its_neighbour()
    {
        var o = TestData.Cameo.Ontology;
        var w = o.Find("106")!;
        Assert.Equal("106", w.Code);
        Assert.Equal("Demand withdrawal", w.Name);
        Assert.Equal(-5.0, w.Goldstein);
        Assert.Equal(3, w.QuadClass);
        Assert.Equal("Demand de-escalation of military engagement", o.Find("1056")!.Name);
        Assert.Equal(311, o.Count);
        Assert.Equal("Meet at a \"third\" location", o.Find("044")!.Name);
    }

    [Theory]
    [InlineData("010", 1)]
    [InlineData("057", 1)]
    [InlineData("061", 2)]
    [InlineData("0874", 2)]
    [InlineData("112", 3)]
    [InlineData("1384", 3)]
    [InlineData("145", 4)]
    [InlineData("2042", 4)]
    public void QuadClass_comes_from_the_root(string code, int quad)
    {
        Assert.Equal(quad, CameoOntology.QuadClassOf(code));
        Assert.Equal(quad, TestData.Cameo.Ontology.Find(code)!.QuadClass);
    }

    [Fact]
    public void Goldstein_values_are_the_published_ones()
    {
        var o = TestData.Cameo.Ontology;
        Assert.Equal(-10.0, o.Find("202")!.Goldstein);
        Assert.Equal(4.0, o.Find("036")!.Goldstein);
        Assert.Equal(-0.1, o.Find("011")!.Goldstein);
    }

    [Fact]
    public void Plover_map_parses_codes_modes_and_contexts()
    {
        const string text = "# comment\n03: AGREE\n0311: AGREE,  ,   economic # Express intent\n190: ASSAULT, , military # Use force\n"
            + "1823: ASSAULT, ,    # Kill\n190: COERCE, , # later duplicate\n";
        var map = CameoSourceParser.ParsePlover(new StringReader(text));
        Assert.Equal("AGREE", map["03"].Event);
        Assert.Equal("economic", map["0311"].Context);
        Assert.Null(map["0311"].Mode);
        Assert.Equal("ASSAULT", map["190"].Event);
        Assert.Null(map["1823"].Context);
    }

    [Theory]
    [InlineData("036", "AGREE")]
    [InlineData("040", "CONSULT")]
    [InlineData("057", "SUPPORT")]
    [InlineData("0874", "RETREAT")]
    [InlineData("112", "ACCUSE")]
    [InlineData("163", "COERCE")]
    [InlineData("173", "COERCE")]
    [InlineData("190", "ASSAULT")]
    [InlineData("1823", "ASSAULT")]
    public void Committed_plover_types(string code, string plover) =>
        Assert.Equal(plover, TestData.Cameo.Ontology.Find(code)!.Plover);

    [Theory]
    [InlineData("010")]
    [InlineData("020")]
    public void Statements_and_appeals_have_no_plover_type(string code) =>
        Assert.Null(TestData.Cameo.Ontology.Find(code)!.Plover);
}
