using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Parley.Core;
using Parley.Engine.Export;

namespace Parley.Server;

/// <summary>Marks the contract's document object (written by <see cref="DocumentJson"/>) in the OpenAPI description.</summary>
public sealed class DocumentObject;

/// <summary>
/// The OpenAPI description (/openapi/v1.json): every query parameter an endpoint reads (from its
/// <see cref="QueryParametersMetadata"/>), the JSON body of POST /api/documents, the X-Api-Key scheme, and the
/// schemas of what the API writes by hand (event items from <see cref="EventFields"/>, the contract's document object).
/// </summary>
internal static class OpenApiSetup
{
    public const string ApiKeyScheme = "ApiKey";

    public static IServiceCollection AddParleyOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Parley API",
                Version = "v1",
                Description = "News turned into structured event data: documents, coded events (CAMEO, PLOVER), aggregates for the " +
                    "dashboard, and exports of any size (CSV, JSONL, GDELT 2.0 TSV, Parquet). Every error answer is JSON: {\"error\": \"...\"}.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = DocumentEndpoints.ApiKeyHeader,
                Description = "The key given to `parley serve --api-key` (or PARLEY_API_KEY). Needed to write; reads need none.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            foreach (var item in metadata)
            {
                switch (item)
                {
                    case QueryParametersMetadata query:
                        operation.Parameters ??= [];
                        foreach (var p in query.Parameters) operation.Parameters.Add(Parameter(p));
                        break;
                    case RequestBodyMetadata body:
                        operation.RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Description = body.Description,
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["application/json"] = new() { Schema = ArticleInputSchema() },
                            },
                        };
                        break;
                    case RequiresApiKeyMetadata:
                        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] }];
                        break;
                }
            }
            if (operation.Parameters is { } parameters)
            {
                foreach (var p in parameters)
                    if (p is OpenApiParameter { In: ParameterLocation.Path, Name: "id" } path && string.IsNullOrEmpty(path.Description))
                        path.Description = context.Description.RelativePath?.Contains("stories", StringComparison.Ordinal) == true ? "A story id." : "A document id (as given at ingest).";
            }
            Describe(operation);
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(EventItem)) Fill(schema, EventItemSchema());
            else if (type == typeof(DocumentObject)) Fill(schema, DocumentSchema());
            // Event items are written by their own converter, so the generator cannot see into a list of them.
            else if (typeof(IEnumerable<EventItem>).IsAssignableFrom(type)) schema.Items = EventItemSchema();
            return Task.CompletedTask;
        });
    });

    /// <summary>Every answer says what it is: descriptions for the status codes the framework listed without one.</summary>
    private static void Describe(OpenApiOperation operation)
    {
        if (operation.Responses is null) return;
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse r || !string.IsNullOrEmpty(r.Description) && r.Description != "OK") continue;
            r.Description = status switch
            {
                "200" => "The answer.",
                "201" => "Stored: the id it is stored under, what happened, and a Location header.",
                "400" => "A bad parameter or body: {\"error\": message naming it}.",
                "401" => "X-Api-Key missing or wrong.",
                "404" => "Nothing with that id: {\"error\": message}.",
                "403" => "Writes are disabled: the server has no API key.",
                "413" => "The body is larger than the limit.",
                _ => r.Description ?? status,
            };
        }
    }

    private static OpenApiParameter Parameter(ApiParameter p)
    {
        var schema = new OpenApiSchema { Type = p.Type switch { "integer" => JsonSchemaType.Integer, "boolean" => JsonSchemaType.Boolean, _ => JsonSchemaType.String } };
        if (p.Format is not null) schema.Format = p.Format;
        if (p.Minimum is int min) schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
        if (p.Maximum is int max) schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
        if (p.Values is { } values) schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)!)];
        if (p.Default is { } d) schema.Default = p.Type switch
        {
            "integer" => JsonValue.Create(int.Parse(d, CultureInfo.InvariantCulture)),
            "boolean" => JsonValue.Create(d == "true"),
            _ => JsonValue.Create(d),
        };
        return new OpenApiParameter { Name = p.Name, In = ParameterLocation.Query, Description = p.Description, Required = p.Name == "field", Schema = schema };
    }

    private static void Fill(OpenApiSchema target, OpenApiSchema source)
    {
        target.Type = source.Type;
        target.Description = source.Description;
        target.Properties = source.Properties;
        target.Required = source.Required;
    }

    private static OpenApiSchema Scalar(JsonSchemaType type, bool nullable, string? description = null, string? format = null) => new()
    {
        Type = nullable ? type | JsonSchemaType.Null : type,
        Description = description,
        Format = format,
    };

    private static JsonSchemaType TypeOf(EventFieldKind kind) => kind switch
    {
        EventFieldKind.Text => JsonSchemaType.String,
        EventFieldKind.Integer => JsonSchemaType.Integer,
        EventFieldKind.Real => JsonSchemaType.Number,
        _ => JsonSchemaType.Boolean,
    };

    private static OpenApiSchema Object(string? description, bool nullable = false) => new()
    {
        Type = nullable ? JsonSchemaType.Object | JsonSchemaType.Null : JsonSchemaType.Object,
        Description = description,
        Properties = new Dictionary<string, IOpenApiSchema>(),
        Required = new HashSet<string>(),
    };

    private static void Add(OpenApiSchema parent, string name, OpenApiSchema child)
    {
        parent.Properties![name] = child;
        parent.Required!.Add(name);
    }

    /// <summary>The event's own fields, from <see cref="EventFields"/>, nested by their JSON paths.</summary>
    private static void AddEventFields(OpenApiSchema parent)
    {
        foreach (var f in EventFields.All)
        {
            if (f.Json is null) continue;
            var schema = Scalar(TypeOf(f.Kind), f.Nullable, f.Description);
            if (f.Group is null)
            {
                Add(parent, f.JsonName!, schema);
                continue;
            }
            if (!parent.Properties!.TryGetValue(f.Group, out var group))
            {
                bool optional = f.Group is "source" or "target" or "place";
                group = Object(optional ? $"The event's {f.Group}, or null when it has none." : $"The event's {f.Group} span.", optional);
                Add(parent, f.Group, (OpenApiSchema)group);
            }
            Add((OpenApiSchema)group, f.JsonName!, schema);
        }
    }

    public static OpenApiSchema EventSchema()
    {
        var schema = Object("A coded event (the contract's event object).");
        AddEventFields(schema);
        return schema;
    }

    private static OpenApiSchema EventItemSchema()
    {
        var schema = Object("An event with its document, the period its date covers, names beside codes, its sentence and report counts.");
        foreach (var (name, type, nullable, description) in EventItem.DocumentProperties)
            Add(schema, name, Scalar(type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.String, nullable, description, type == "date" ? "date" : null));
        AddEventFields(schema);
        foreach (var (name, type, nullable, description) in EventItem.TrailingProperties)
        {
            if (type == "labels")
            {
                var labels = Object(description);
                foreach (var label in EventItem.LabelNames) Add(labels, label, Scalar(JsonSchemaType.String, true));
                Add(schema, name, labels);
            }
            else Add(schema, name, Scalar(type switch { "integer" => JsonSchemaType.Integer, "boolean" => JsonSchemaType.Boolean, _ => JsonSchemaType.String }, nullable, description));
        }
        return schema;
    }

    private static OpenApiSchema ArticleInputSchema()
    {
        var schema = Object("One article, as one line of a JSONL input.");
        Add(schema, "text", Scalar(JsonSchemaType.String, false, "The article's text (or body)."));
        schema.Properties!["id"] = Scalar(JsonSchemaType.String, true, "Stable id (default: a hash of the cleaned text).");
        schema.Properties["title"] = Scalar(JsonSchemaType.String, true, "Title.");
        schema.Properties["date"] = Scalar(JsonSchemaType.String, true, "Publication date (YYYY-MM-DD or a full timestamp); also accepted as published.");
        schema.Properties["published"] = Scalar(JsonSchemaType.String, true, "Publication date, as date.");
        schema.Properties["url"] = Scalar(JsonSchemaType.String, true, "URL of the article.");
        schema.Properties["source"] = Scalar(JsonSchemaType.String, true, "Source (publisher, feed).");
        return schema;
    }

    private static OpenApiSchema Array(OpenApiSchema items, string description) => new() { Type = JsonSchemaType.Array, Items = items, Description = description };

    private static OpenApiSchema Span(string description, params (string Name, JsonSchemaType Type, bool Nullable)[] extra)
    {
        var schema = Object(description);
        Add(schema, "start", Scalar(JsonSchemaType.Integer, false, "Start offset (UTF-16 code units) in text."));
        Add(schema, "end", Scalar(JsonSchemaType.Integer, false, "End offset, exclusive."));
        foreach (var (name, type, nullable) in extra) Add(schema, name, Scalar(type, nullable));
        return schema;
    }

    /// <summary>The contract's document object (docs/CONTRACT.md), as <see cref="DocumentJson"/> writes it.</summary>
    private static OpenApiSchema DocumentSchema()
    {
        var schema = Object("A processed document, exactly as `parley code` prints it (docs/CONTRACT.md).");
        Add(schema, "id", Scalar(JsonSchemaType.String, false, "Stable id: the input id, or a hash of the cleaned text."));
        Add(schema, "title", Scalar(JsonSchemaType.String, true));
        Add(schema, "published", Scalar(JsonSchemaType.String, true, "Publication date.", "date"));
        Add(schema, "language", Scalar(JsonSchemaType.String, false, "ISO 639-1 code."));
        Add(schema, "text", Scalar(JsonSchemaType.String, false, "The cleaned text; every offset points into it."));
        Add(schema, "sentences", Array(Span("A sentence."), "Sentences in order."));
        Add(schema, "entities", Array(Span("A named entity.", ("text", JsonSchemaType.String, false), ("type", JsonSchemaType.String, false),
            ("name", JsonSchemaType.String, true), ("kb", JsonSchemaType.String, true), ("actor", JsonSchemaType.String, true)), "Named entities (PER, ORG, LOC, MISC)."));
        Add(schema, "places", Array(Span("A place, geocoded.", ("text", JsonSchemaType.String, false), ("name", JsonSchemaType.String, true),
            ("country", JsonSchemaType.String, true), ("lat", JsonSchemaType.Number, true), ("lon", JsonSchemaType.Number, true),
            ("geonameid", JsonSchemaType.Integer, true), ("feature", JsonSchemaType.String, true), ("feature_code", JsonSchemaType.String, true),
            ("admin1", JsonSchemaType.String, true), ("role", JsonSchemaType.String, true)),
            "Places: feature is country, admin1, admin2, city, region or continent; feature_code GeoNames'; admin1 the first-level division's code."));
        Add(schema, "dates", Array(Span("A date expression, resolved.", ("text", JsonSchemaType.String, false), ("value", JsonSchemaType.String, true),
            ("grain", JsonSchemaType.String, false)), "Dates: value YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY by grain (day, week, month, year)."));
        Add(schema, "quotes", Array(Span("A quotation.", ("text", JsonSchemaType.String, false), ("direct", JsonSchemaType.Boolean, false),
            ("speaker", JsonSchemaType.String, true), ("speaker_name", JsonSchemaType.String, true), ("speaker_actor", JsonSchemaType.String, true)), "Quotations with speakers."));
        Add(schema, "events", Array(EventSchema(), "Coded events."));
        return schema;
    }
}
