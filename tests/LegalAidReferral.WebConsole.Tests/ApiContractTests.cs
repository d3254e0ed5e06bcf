using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>
/// The console's API client is written by hand, sharing nothing with Core: these tests hold its
/// records and enum lists to openapi.json, so a renamed or removed field fails here, not in a browser.
/// </summary>
public sealed class ApiContractTests
{
    /// <summary>
    /// The standalone host's development sign-in (outside /api and outside the document), the CSV's bytes
    /// (not JSON), and the review's filters (query parameters, held to the document by their own test).
    /// </summary>
    private static readonly HashSet<Type> NotInDocument = [typeof(DevUser), typeof(DevTokenRequest), typeof(DevToken), typeof(AdherenceCsv), typeof(DownloadedFile), typeof(ReviewFilter)];

    public static TheoryData<string> Records() =>
        [.. typeof(ConsoleApi).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ConsoleApi).Namespace && t.GetMethod("<Clone>$") is not null && !t.IsGenericType && !NotInDocument.Contains(t))
            .Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Records))]
    public void Every_property_of_a_record_is_a_property_of_its_schema(string record)
    {
        var type = typeof(ConsoleApi).Assembly.GetTypes().Single(t => t.Name == record && t.Namespace == typeof(ConsoleApi).Namespace);
        var properties = SchemaProperties(record);
        var missing = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType == type && p.Name != "EqualityContract")
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Where(name => !properties.ContainsKey(name))
            .ToList();
        Assert.True(missing.Count == 0, $"{record} has properties its schema does not: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData(nameof(IntakeRequest))]
    [InlineData(nameof(ConsentRequest))]
    [InlineData(nameof(ReferralRequest))]
    [InlineData(nameof(ReferralActionRequest))]
    [InlineData(nameof(ProtocolSettingsRequest))]
    [InlineData(nameof(TriagePolicyRequest))]
    [InlineData(nameof(TriageOverrideRequest))]
    [InlineData(nameof(ConflictOutcomeRequest))]
    [InlineData(nameof(StatusChangeRequest))]
    [InlineData(nameof(CaseSearchRequest))]
    [InlineData(nameof(Client))]
    [InlineData(nameof(Household))]
    [InlineData(nameof(Holiday))]
    public void A_request_record_has_every_required_property_of_its_schema(string record)
    {
        var type = typeof(ConsoleApi).Assembly.GetTypes().Single(t => t.Name == record && t.Namespace == typeof(ConsoleApi).Namespace);
        var names = type.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
        var required = Repository.OpenApiSchemas[record]!["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [];
        var missing = required.Where(r => !names.Contains(r)).ToList();
        Assert.True(missing.Count == 0, $"{record} lacks required properties: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_enum_values_the_console_offers_are_the_documents()
    {
        foreach (var (name, values) in ApiValues.Enums)
        {
            var documented = Repository.OpenApiSchemas[name]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
            Assert.Equal(documented.Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("/api/review/adherence")]
    [InlineData("/api/review/adherence.csv")]
    public void The_review_filters_are_the_query_parameters_of_the_review_routes(string route)
    {
        var documented = Repository.OpenApi["paths"]![route]!["get"]!["parameters"]!.AsArray()
            .Select(p => Repository.OpenApi["components"]!["parameters"]![p!["$ref"]!.GetValue<string>().Split('/')[^1]]!)
            .Where(p => p["in"]!.GetValue<string>() == "query")
            .Select(p => p["name"]!.GetValue<string>())
            .Order(StringComparer.Ordinal);
        var sent = new ReviewFilter().Parameters.Select(p => p.Name).Order(StringComparer.Ordinal);
        var fields = typeof(ReviewFilter).GetConstructors().Single().GetParameters().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)).Order(StringComparer.Ordinal);

        Assert.Equal(documented, sent);
        Assert.Equal(documented, fields);
    }

    /// <summary>A record's schema: the component of its name, or for the inline ones, the property that holds it.</summary>
    private static JsonObject SchemaProperties(string record)
    {
        var schema = record switch
        {
            nameof(ConsentOverride) => Repository.OpenApiSchemas["ReferralRequest"]!["properties"]!["consentOverride"]!,
            _ => Repository.OpenApiSchemas[record] ?? throw new InvalidOperationException($"openapi.json has no schema {record}."),
        };
        return schema["properties"]?.AsObject() ?? [];
    }
}
