using System.Text.Json;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests.Contract;

/// <summary>Every example in the document is something the document itself accepts.</summary>
public class DocumentExamplesTests
{
    private static readonly string[] SchemaKeywords = ["type", "$ref", "properties", "oneOf", "anyOf", "allOf", "enum", "const"];

    [Fact]
    public void Every_example_validates_against_its_schema()
    {
        var contract = OpenApiContract.Served;
        var examples = new List<(string Where, JsonNode Schema, JsonNode? Value)>();
        Collect(contract, contract.Document, "#", examples);

        var failures = examples
            .SelectMany(e => Check(contract, e.Schema, e.Value).Select(v => $"{e.Where}: {v}"))
            .ToArray();

        Assert.True(examples.Count >= 30, $"Only {examples.Count} examples found: the walk is broken.");
        Assert.True(failures.Length == 0, string.Join('\n', failures));
    }

    private static IReadOnlyList<string> Check(OpenApiContract contract, JsonNode schema, JsonNode? value)
    {
        using var json = JsonDocument.Parse(value?.ToJsonString() ?? "null");
        return contract.Violations(schema, json.RootElement);
    }

    /// <summary>
    /// Examples of media types, parameters and headers (<c>example</c>, or <c>examples</c> with a
    /// <c>value</c> each, against their <c>schema</c>) and of schemas (JSON Schema <c>examples</c>, against the schema around them).
    /// </summary>
    private static void Collect(OpenApiContract contract, JsonNode? node, string where, List<(string, JsonNode, JsonNode?)> found)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["schema"] is { } schema)
                {
                    if (o.ContainsKey("example"))
                    {
                        found.Add(($"{where}/example", schema, o["example"]));
                    }

                    foreach (var (name, example) in o["examples"]?.AsObject() ?? [])
                    {
                        found.Add(($"{where}/examples/{name}", schema, contract.Resolve(example!)["value"]));
                    }
                }
                else if (o["examples"] is JsonArray values && SchemaKeywords.Any(o.ContainsKey))
                {
                    found.AddRange(values.Select((v, i) => ($"{where}/examples/{i}", (JsonNode)o, v)));
                }

                foreach (var (name, value) in o)
                {
                    Collect(contract, value, $"{where}/{name}", found);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Collect(contract, a[i], $"{where}/{i}", found);
                }

                break;
        }
    }
}
