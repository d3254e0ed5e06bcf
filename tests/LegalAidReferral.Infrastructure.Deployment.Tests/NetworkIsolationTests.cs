using LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

namespace LegalAidReferral.Infrastructure.Deployment.Tests;

/// <summary>
/// The <c>networkIsolation</c> parameter: on, every data resource refuses the public network and is
/// reached through a private endpoint in the deployment's virtual network; off, none of that exists.
/// </summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class NetworkIsolationTests(CompiledInfrastructure infra)
{
    private static readonly string[] DataResources =
    [
        "Microsoft.Storage/storageAccounts",
        "Microsoft.DocumentDB/databaseAccounts",
        "Microsoft.KeyVault/vaults",
        "Microsoft.ServiceBus/namespaces",
    ];

    [Fact]
    public void With_network_isolation_on_public_network_access_is_disabled_on_every_data_resource()
    {
        var isolated = Files(isolation: true);
        Assert.NotEmpty(isolated);
        Assert.Contains("hub.bicepparam", isolated);
        Assert.All(isolated, file =>
        {
            var snapshot = infra.Snapshot(file);
            var data = DataResources.SelectMany(snapshot.OfType).ToArray();
            Assert.NotEmpty(data);
            Assert.All(data, r => Assert.Equal("\"Disabled\"", Json.At(r, "properties.publicNetworkAccess")));
        });
    }

    [Fact]
    public void With_network_isolation_on_a_country_reaches_each_data_resource_and_the_exchange_through_a_private_endpoint()
    {
        Assert.All(Files(isolation: true).Where(CompiledInfrastructure.IsCountry), file =>
        {
            var snapshot = infra.Snapshot(file);
            var endpoints = snapshot.OfType("Microsoft.Network/privateEndpoints").ToArray();
            var targets = endpoints.Select(e => (string)e["properties"]!["privateLinkServiceConnections"]![0]!["properties"]!["privateLinkServiceId"]!).ToArray();
            var local = DataResources.SelectMany(snapshot.OfType).Select(r => (string)r["id"]!);
            Assert.Equal(local.Append((string)infra.Parameters(file)["serviceBusNamespaceId"]!["value"]!).Order(), targets.Order());
            Assert.Equal(endpoints.Length, snapshot.OfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups").Count());
            Assert.Equal(endpoints.Length, snapshot.OfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks").Count());
            Assert.NotNull(snapshot.Single("Microsoft.Web/sites")["properties"]!["virtualNetworkSubnetId"]);
            Assert.All(snapshot.OfType("Microsoft.Storage/storageAccounts"), s => Assert.Equal("\"Deny\"", Json.At(s, "properties.networkAcls.defaultAction")));
        });
    }

    [Fact]
    public void With_network_isolation_off_there_is_no_network_and_data_resources_stay_public()
    {
        var open = Files(isolation: false);
        Assert.NotEmpty(open);
        Assert.All(open, file =>
        {
            var snapshot = infra.Snapshot(file);
            Assert.DoesNotContain(snapshot.Resources, r => ((string)r["type"]!).StartsWith("Microsoft.Network/", StringComparison.Ordinal));
            Assert.All(DataResources.SelectMany(snapshot.OfType), r => Assert.Equal("\"Enabled\"", Json.At(r, "properties.publicNetworkAccess")));
        });
    }

    private string[] Files(bool isolation) =>
        infra.ParameterFiles.Where(f => (infra.Parameters(f)["networkIsolation"]?["value"]?.GetValue<bool>() ?? false) == isolation).ToArray();
}
