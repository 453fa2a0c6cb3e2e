namespace Parley.Core.Tests;

public sealed class PipelineBuilderTests
{
    private static readonly ComponentDescriptor Tok = new("tok", Layers.None, Layers.Tokens | Layers.Sentences);
    private static readonly ComponentDescriptor Tag = new("tag", Layers.Tokens, Layers.Tags | Layers.Lemmas);
    private static readonly ComponentDescriptor Parse = new("parse", Layers.Tokens | Layers.Tags, Layers.Parse, amends: Layers.Tags);
    private static readonly ComponentDescriptor Ner = new("ner", Layers.Tokens, Layers.Entities);
    private static readonly ComponentDescriptor Link = new("link", Layers.Tokens | Layers.Tags | Layers.Entities, Layers.Entities);

    private static ComponentContext Context() => new(LanguageData.Default);

    private static PipelineBuilder Standard(List<string> made, List<string>? ran = null)
    {
        var builder = new PipelineBuilder();
        foreach (var d in new[] { Tok, Tag, Parse, Ner, Link })
            builder.Add(d, _ => { made.Add(d.Name); return new Fake(d.Name, ran); });
        return builder;
    }

    [Fact]
    public void The_closure_comes_from_the_descriptors_before_anything_is_made()
    {
        var made = new List<string>();
        var builder = Standard(made);
        Assert.Equal(Layers.Entities | Layers.Tokens | Layers.Tags, builder.Closure(Layers.Entities));
        Assert.Equal(Layers.Parse | Layers.Tokens | Layers.Tags, builder.Closure(Layers.Parse));
        Assert.Empty(made);
    }

    [Fact]
    public void A_profile_counts_the_calls_and_time_of_each_component_that_ran()
    {
        var profile = new PipelineProfile();
        var pipeline = Standard([]).Build(Layers.Tags, Context());
        pipeline.Process(new Document("x", "y"), Layers.Tags, profile: profile);
        pipeline.Process(new Document("z", "w"), Layers.Tags, profile: profile);
        var stages = profile.Stages;
        Assert.Equal(["tok", "tag"], stages.Select(s => s.Name));
        Assert.All(stages, s => Assert.Equal(2, s.Calls));
        Assert.All(stages, s => Assert.True(s.WallSeconds >= 0 && s.CpuSeconds >= 0));
    }

    [Fact]
    public void Only_the_components_the_wanted_layers_need_are_made_and_run()
    {
        var made = new List<string>();
        var ran = new List<string>();
        var pipeline = Standard(made, ran).Build(Layers.Tags, Context());
        Assert.Equal(["tok", "tag"], made);
        pipeline.Process(new Document("x", "y"), Layers.Tags);
        Assert.Equal(["tok", "tag"], ran);
    }

    [Fact]
    public void Amending_a_layer_does_not_make_a_component_needed_for_it()
    {
        var made = new List<string>();
        Standard(made).Build(Layers.Tags, Context());
        Assert.DoesNotContain("parse", made);
        made.Clear();
        var ran = new List<string>();
        var all = Standard(made, ran).Build(Layers.All, Context());
        all.Process(new Document("x", "y"), Layers.Tags);
        Assert.Equal(["tok", "tag"], ran);
    }

    [Fact]
    public void A_second_component_assigning_a_layer_runs_whenever_the_layer_is_wanted()
    {
        var ran = new List<string>();
        Standard([], ran).Build(Layers.Entities, Context()).Process(new Document("x", "y"), Layers.Entities);
        Assert.Equal(["tok", "tag", "ner", "link"], ran);
    }

    [Fact]
    public void A_component_that_reads_what_no_earlier_component_writes_is_refused_naming_it()
    {
        var builder = new PipelineBuilder().Add(Parse, new Fake("parse"));
        var e = Assert.Throws<InvalidOperationException>(() => builder.Build(Layers.All, Context()));
        Assert.Contains("'parse'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Tokens", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_may_not_amend_a_layer_no_earlier_component_assigns()
    {
        var builder = new PipelineBuilder().Add(Tok, new Fake("tok")).Add(new ComponentDescriptor("geo", Layers.Tokens, Layers.Places, amends: Layers.Entities), new Fake("geo"));
        Assert.Throws<InvalidOperationException>(() => builder.Check());
    }

    [Fact]
    public void A_component_not_installed_leaves_out_the_components_that_need_its_layers()
    {
        var made = new List<string>();
        var builder = new PipelineBuilder()
            .Add(Tok, _ => { made.Add("tok"); return new Fake("tok"); })
            .Add(Tag, _ => { made.Add("tag"); return null; })
            .Add(Parse, _ => { made.Add("parse"); return new Fake("parse"); })
            .Add(Ner, _ => { made.Add("ner"); return new Fake("ner"); });
        var pipeline = builder.Build(Layers.All, Context());
        Assert.Equal(["tok", "tag", "ner"], made);
        Assert.Equal(["tok", "ner"], pipeline.Steps.Select(s => s.Descriptor.Name));
        Assert.Equal(Layers.Tokens | Layers.Sentences | Layers.Entities, pipeline.Assigns);
    }

    [Fact]
    public void Given_layers_are_not_recomputed()
    {
        var ran = new List<string>();
        var pipeline = Standard([], ran).Build(Layers.Parse, Context());
        var doc = new Document("x", "y");
        pipeline.Process(doc, Layers.Parse, given: Layers.Tokens | Layers.Sentences);
        Assert.Equal(["tag", "parse"], ran);
        Assert.Equal(Layers.Tags | Layers.Lemmas | Layers.Parse, doc.Done);
    }

    [Fact]
    public void Only_keeps_the_named_components_in_their_order()
    {
        var ran = new List<string>();
        var pipeline = Standard([], ran).Only("ner", "tok").Build(Layers.Entities, Context());
        pipeline.Process(new Document("x", "y"), Layers.Entities);
        Assert.Equal(["tok", "ner"], ran);
        Assert.Throws<ArgumentException>(() => Standard([]).Only("nothing"));
    }

    [Fact]
    public void A_component_must_carry_the_name_it_is_registered_under()
    {
        var builder = new PipelineBuilder().Add(Tok, new Fake("tokenizer"));
        Assert.Throws<InvalidOperationException>(() => builder.Build(Layers.Tokens, Context()));
    }

    [Fact]
    public void Resources_are_loaded_once_and_preloads_are_waited_for()
    {
        var context = Context();
        int loads = 0;
        context.Preload("shared", () => { Interlocked.Increment(ref loads); return "model"; });
        Assert.Equal("model", context.Get("shared", () => "other"));
        Assert.Equal("model", context.Get("shared", () => "other"));
        Assert.Equal(1, loads);
        context.UseModel("nlp", "/somewhere");
        Assert.Equal("/somewhere", context.ModelFolder("nlp"));
    }

    [Fact]
    public void Descriptors_must_assign_something_and_not_amend_what_they_assign()
    {
        Assert.Throws<ArgumentException>(() => new ComponentDescriptor("x", Layers.Tokens, Layers.None));
        Assert.Throws<ArgumentException>(() => new ComponentDescriptor("x", Layers.Tokens, Layers.Tags, amends: Layers.Tags));
    }

    private sealed class Fake(string name, List<string>? log = null) : IPipelineComponent
    {
        public string Name => name;
        public void Process(Document doc, CancellationToken cancellationToken = default) => log?.Add(name);
    }
}
