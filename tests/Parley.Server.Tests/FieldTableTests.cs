using System.Text.Json;
using Parley.Core;
using Parley.Engine.Export;

namespace Parley.Server.Tests;

/// <summary>
/// Every field declared in <see cref="EventFields"/> reaches the document JSON, the API's event items, the CSV and
/// Parquet columns (the store's round trip is checked in the storage tests): a field added to the table needs nothing
/// else.
/// </summary>
public sealed class FieldTableTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static bool HasPath(JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element)) return false;
        }
        return true;
    }

    [Fact]
    public async Task Every_field_reaches_the_document_json_the_api_and_the_exports()
    {
        using var document = JsonDocument.Parse(await fixture.Client.GetStringAsync($"/api/documents/{TestStore.SeedId}"));
        var storedEvent = document.RootElement.GetProperty("events")[0];
        using var page = JsonDocument.Parse(await fixture.Client.GetStringAsync($"/api/events?document={TestStore.SeedId}&sort=day"));
        var item = page.RootElement.GetProperty("items")[0];
        string csv = await fixture.Client.GetStringAsync($"/api/events.csv?document={TestStore.SeedId}");
        var header = csv.Split('\n')[0].Split(',');
        using var jsonl = JsonDocument.Parse((await fixture.Client.GetStringAsync($"/api/events.jsonl?document={TestStore.SeedId}")).Split('\n')[0]);

        foreach (var field in EventFields.All)
        {
            Assert.True(HasPath(storedEvent, field.Json!), $"{field.Json} in the document object");
            Assert.True(HasPath(item, field.Json!), $"{field.Json} in /api/events");
            Assert.True(HasPath(jsonl.RootElement, field.Json!), $"{field.Json} in the JSONL export");
            Assert.Contains(field.Name, header);
            Assert.Contains(EventTable.Columns, c => c.Name == field.Name);
        }
        // The table's values are what the API answers (the seed's first event).
        Assert.Equal("USAGOV", item.GetProperty("source").GetProperty("actor").GetString());
        Assert.Equal("CAMEO", item.GetProperty("ontology").GetString());
        Assert.Equal("day", item.GetProperty("date_grain").GetString());
    }
}
