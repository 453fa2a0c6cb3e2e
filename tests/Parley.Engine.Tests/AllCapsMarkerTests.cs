using System.Text.Json;
using Parley.Core;
using Parley.Ingest;

namespace Parley.Engine.Tests;

/// <summary>A component added by one class and one registration (docs/ARCHITECTURE.md) runs where its descriptor says.</summary>
public sealed class AllCapsMarkerTests
{
    private const string Text = "NATO and the UN met in Kabul on Monday, the AFP news agency said. OK?";

    [Fact]
    public void The_pipeline_builder_makes_and_runs_only_what_the_new_component_needs()
    {
        var pipeline = StandardPipeline.Builder()
            .Add(AllCapsMarker.Descriptor, _ => new AllCapsMarker())
            .Build(Layers.Spans, StandardPipeline.Context());
        Assert.Equal(["tokenizer", "caps"], pipeline.Steps.Select(s => s.Descriptor.Name));

        var doc = new Document("t", Text);
        pipeline.Process(doc, Layers.Spans);
        Assert.Equal(["NATO", "UN", "AFP", "OK"], doc.Spans.Select(m => m.Text));
        Assert.All(doc.Spans, m => Assert.Equal(m.Text, Text[m.Start..m.End]));
        Assert.True(doc.Done.HasFlag(Layers.Spans));
        Assert.Empty(doc.Entities);
    }

    [Fact]
    public void Registered_with_the_engine_its_spans_come_out_beside_every_standard_layer()
    {
        var engine = ParleyEngine.Create(new EngineOptions
        {
            Components = [new ComponentRegistration(AllCapsMarker.Descriptor, _ => new AllCapsMarker())],
        });
        Assert.Equal("caps", engine.Pipeline.Steps[^1].Descriptor.Name);
        var doc = engine.Process(new RawArticle { Origin = "test", Id = "t", Body = Text, Published = new DateOnly(2024, 3, 4) });
        Assert.NotEmpty(doc.Entities);
        using var json = JsonDocument.Parse(DocumentJson.ToJson(doc));
        var spans = json.RootElement.GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal(["NATO", "UN", "AFP", "OK"], spans.Select(s => s.GetProperty("text").GetString()));
        Assert.All(spans, s => Assert.Equal("caps", s.GetProperty("label").GetString()));
    }

    [Fact]
    public void Documents_without_spans_are_written_as_before_without_the_field()
    {
        var doc = new Document("t", "no capitals here");
        using var json = JsonDocument.Parse(DocumentJson.ToJson(doc));
        Assert.False(json.RootElement.TryGetProperty("spans", out _));
    }
}
