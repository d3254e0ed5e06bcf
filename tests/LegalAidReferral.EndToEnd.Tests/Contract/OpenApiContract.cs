using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LegalAidReferral.Functions.Operations;

namespace LegalAidReferral.EndToEnd.Tests.Contract;

/// <summary>
/// The served OpenAPI document read as a contract: its operations by method and path, and JSON
/// Schemas (2020-12) built from its schema objects to validate messages against.
/// </summary>
public sealed class OpenApiContract
{
    private const string ComponentSchemas = "#/components/schemas/";
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonObject _defs;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    static OpenApiContract()
    {
        // The library's own email check runs a regular expression with a short timeout, which a busy
        // machine exceeds and then reports a valid address as invalid: a flaky test. This check is
        // deterministic: one '@' between a non-empty local part and a dotted domain, no spaces.
        FormatRegistry.Global.Register(new PredicateFormat("email", IsEmail));
    }

    private OpenApiContract(JsonObject document)
    {
        Document = document;
        _defs = Prepare(document["components"]!["schemas"]!, memberOfAllOf: false)!.AsObject();
    }

    public static OpenApiContract Served { get; } = new(JsonNode.Parse(OpenApiDocument.Bytes)!.AsObject());

    public JsonObject Document { get; }

    /// <summary>The operation the document declares for this method and path, the most literal template first (as routing does).</summary>
    public Operation? Find(HttpMethod method, string path)
    {
        var segments = path.Split('/');
        return Document["paths"]!.AsObject()
            .Select(p => (Template: p.Key, Item: p.Value!.AsObject(), Parts: p.Key.Split('/')))
            .Where(p => p.Item[method.Method.ToLowerInvariant()] is JsonObject && Matches(p.Parts, segments))
            .OrderByDescending(p => p.Parts.Count(s => !s.StartsWith('{')))
            .Select(p => new Operation(this, method.Method, p.Template, p.Item, p.Item[method.Method.ToLowerInvariant()]!.AsObject(), segments))
            .FirstOrDefault();
    }

    /// <summary>The object a <c>$ref</c> inside the document points at (or the node itself).</summary>
    public JsonObject Resolve(JsonNode node)
    {
        var current = node.AsObject();
        while (current["$ref"] is JsonValue reference)
        {
            JsonNode? target = Document;
            foreach (var part in reference.GetValue<string>().TrimStart('#', '/').Split('/'))
            {
                target = target?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            current = target?.AsObject() ?? throw new InvalidOperationException($"{reference} does not resolve.");
        }

        return current;
    }

    /// <summary>Every way <paramref name="instance"/> breaks <paramref name="schema"/> (a schema object of the document), as "location: message".</summary>
    public IReadOnlyList<string> Violations(JsonNode schema, JsonElement instance)
    {
        var built = _schemas.GetOrAdd(schema.ToJsonString(), _ => Build(schema));
        var results = built.Evaluate(instance, Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (Path: d.EvaluationPath.ToString(), Keyword: e.Key, Text: $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Value} ({e.Key} at {d.EvaluationPath})")))
            .ToArray();

        // The list output keeps the errors of every branch of a oneOf/anyOf, also when another branch
        // matched: such an error counts only when the combinator around it failed.
        var failedCombinators = errors.Where(e => e.Keyword is "oneOf" or "anyOf").Select(e => $"{e.Path}/{e.Keyword}").ToHashSet(StringComparer.Ordinal);
        return errors
            .Where(e => CombinatorsAround(e.Path).All(failedCombinators.Contains))
            .Select(e => e.Text)
            .DefaultIfEmpty("does not match its schema")
            .ToArray();
    }

    private static IEnumerable<string> CombinatorsAround(string evaluationPath)
    {
        var parts = evaluationPath.Split('/');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i] is "oneOf" or "anyOf" && int.TryParse(parts[i + 1], out _))
            {
                yield return string.Join('/', parts[..(i + 1)]);
            }
        }
    }

    private static bool Matches(string[] template, string[] path) =>
        template.Length == path.Length
        && template.Zip(path).All(p => p.First.StartsWith('{') ? p.Second.Length > 0 : p.First == p.Second);

    private JsonSchema Build(JsonNode schema)
    {
        var root = Prepare(schema, memberOfAllOf: false)!.AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _defs.DeepClone();
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static bool DeclaresObject(JsonObject schema) => schema["type"] switch
    {
        JsonValue type => type.GetValue<string>() == "object",
        JsonArray types => types.Any(t => t!.GetValue<string>() == "object"),
        _ => false,
    };

    /// <summary>
    /// A copy that a JSON Schema validator resolves on its own (component references point into
    /// <c>$defs</c>), and where a schema of <c>"type": "object"</c> that does not say otherwise allows no
    /// property it does not describe: a field the service sends but the document omits is drift.
    /// Members of <c>allOf</c> stay open, since each sees only its own properties; so do conditions
    /// (<c>if</c>, <c>then</c>, <c>anyOf</c> branches), which name no type.
    /// </summary>
    private static JsonNode? Prepare(JsonNode? node, bool memberOfAllOf)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (name, value) in o)
                {
                    copy[name] = name == "$ref" && value!.GetValue<string>().StartsWith(ComponentSchemas, StringComparison.Ordinal)
                        ? "#/$defs/" + value.GetValue<string>()[ComponentSchemas.Length..]
                        : name == "allOf"
                            ? new JsonArray(value!.AsArray().Select(m => Prepare(m, memberOfAllOf: true)).ToArray())
                            : Prepare(value, memberOfAllOf: false);
                }

                if (!memberOfAllOf && DeclaresObject(o) && o.ContainsKey("properties")
                    && !o.ContainsKey("additionalProperties") && !o.ContainsKey("unevaluatedProperties"))
                {
                    copy["unevaluatedProperties"] = false;
                }

                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(i => Prepare(i, memberOfAllOf: false)).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static bool IsEmail(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        var text = element.GetString()!;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && at == text.LastIndexOf('@')
            && text.IndexOf('.', at) > at + 1
            && !text.EndsWith('.')
            && !text.Any(char.IsWhiteSpace);
    }
}
