using System.Text.Json.Nodes;
using LegalAidReferral.Infrastructure.Cosmos;
using LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

namespace LegalAidReferral.Infrastructure.Deployment.Tests.SourceOfTruth;

/// <summary>
/// Every country deployment creates exactly the containers the Cosmos DB adapters define
/// (<see cref="CosmosContainers"/>): names, partition keys, indexed paths, composite indexes, time to
/// live and unique keys, compared both ways on the expanded templates.
/// </summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class CosmosContainerTests(CompiledInfrastructure infra)
{
    private const string ContainerType = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers";

    [Fact]
    public void Each_country_deployment_creates_exactly_the_containers_the_code_defines()
    {
        var code = CosmosContainers.All.Select(Describe).Order(StringComparer.Ordinal).ToArray();
        Assert.All(infra.Snapshots().Where(s => CompiledInfrastructure.IsCountry(s.File)), deployment =>
            Assert.Equal(code, deployment.Snapshot.OfType(ContainerType).Select(c => Describe(c["properties"]!["resource"]!.AsObject())).Order(StringComparer.Ordinal)));
    }

    private static string Describe(CosmosContainerDefinition container) => Line(
        container.Name,
        container.PartitionKeyPath,
        container.IndexedPaths,
        container.CompositeIndexes.Select(c => string.Join(',', c.Select(p => $"{p.Path} {(p.Descending ? "descending" : "ascending")}"))),
        container.DefaultTimeToLive,
        container.UniqueKeys.Select(k => string.Join(',', k)));

    private static string Describe(JsonObject resource) => Line(
        (string)resource["id"]!,
        (string)resource["partitionKey"]!["paths"]!.AsArray().Single()!,
        resource["indexingPolicy"]!["includedPaths"]!.AsArray().Select(p => (string)p!["path"]!),
        resource["indexingPolicy"]!["compositeIndexes"]!.AsArray().Select(c => string.Join(',', c!.AsArray().Select(p => $"{p!["path"]} {p["order"]}"))),
        (int?)resource["defaultTtl"],
        resource["uniqueKeyPolicy"]!["uniqueKeys"]!.AsArray().Select(k => string.Join(',', k!["paths"]!.AsArray().Select(p => (string)p!))));

    private static string Line(string name, string partitionKey, IEnumerable<string> indexed, IEnumerable<string> composites, int? ttl, IEnumerable<string> uniqueKeys) =>
        $"{name} pk={partitionKey} indexed=[{string.Join(' ', indexed.Order(StringComparer.Ordinal))}] composites=[{string.Join(" | ", composites)}] ttl={ttl?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off"} unique=[{string.Join(" | ", uniqueKeys)}]";
}
