using System.Text.Json.Nodes;
using LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

namespace LegalAidReferral.Infrastructure.Deployment.Tests;

/// <summary>Every role is granted on the one resource that needs it, never on a subscription or resource group.</summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class RoleAssignmentTests(CompiledInfrastructure infra)
{
    private const string Sender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private const string Receiver = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";
    private const string CosmosDataContributor = "00000000-0000-0000-0000-000000000002";

    // Each built-in role the templates grant, and the only kind of resource it may be granted on.
    private static readonly Dictionary<string, string> ScopeOfRole = new()
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Microsoft.Storage/storageAccounts", // Storage Blob Data Owner
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Microsoft.KeyVault/vaults", // Key Vault Secrets User
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Microsoft.Insights/components", // Monitoring Metrics Publisher
        [Sender] = "Microsoft.ServiceBus/namespaces/topics", // Azure Service Bus Data Sender
        [Receiver] = "Microsoft.ServiceBus/namespaces/topics/subscriptions", // Azure Service Bus Data Receiver
    };

    [Fact]
    public void Every_role_assignment_is_scoped_to_a_resource_of_the_kind_its_role_needs()
    {
        var assignments = infra.Snapshots().SelectMany(s => s.Snapshot.OfType("Microsoft.Authorization/roleAssignments").Select(r => (s.File, s.Snapshot, Assignment: r))).ToArray();
        Assert.NotEmpty(assignments);
        Assert.All(assignments, a =>
        {
            var scope = Snapshot.ScopeOf(a.Assignment);
            Assert.True(scope.Contains("/providers/", StringComparison.Ordinal), $"{a.File}: role {Snapshot.RoleOf(a.Assignment)} is granted on {scope}, a subscription or resource group.");
            var role = Snapshot.RoleOf(a.Assignment);
            Assert.True(ScopeOfRole.ContainsKey(role), $"{a.File}: role {role} is not one the templates are known to grant.");
            var target = a.Snapshot.ById(scope);
            Assert.True(target is not null, $"{a.File}: {scope} is not a resource of the deployment.");
            Assert.Equal(ScopeOfRole[role], (string)target["type"]!);
        });
    }

    [Fact]
    public void The_cosmos_data_role_is_granted_on_the_database_only()
    {
        Assert.All(infra.Snapshots().Where(s => CompiledInfrastructure.IsCountry(s.File)), s =>
        {
            var assignment = s.Snapshot.Single("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");
            var database = s.Snapshot.Single("Microsoft.DocumentDB/databaseAccounts/sqlDatabases");
            var account = (string)s.Snapshot.Single("Microsoft.DocumentDB/databaseAccounts")["id"]!;
            Assert.Equal($"{account}/dbs/{database["properties"]!["resource"]!["id"]}", (string)assignment["properties"]!["scope"]!);
            Assert.EndsWith(CosmosDataContributor, (string)assignment["properties"]!["roleDefinitionId"]!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Each_country_receives_from_exactly_its_own_offices_subscriptions_and_sends_to_every_topic()
    {
        foreach (var file in infra.ParameterFiles.Where(f => !CompiledInfrastructure.IsCountry(f)))
        {
            var snapshot = infra.Snapshot(file);
            var assignments = snapshot.OfType("Microsoft.Authorization/roleAssignments").ToArray();
            var countries = infra.Parameters(file)["countries"]!["value"]!.AsArray();
            Assert.NotEmpty(countries);
            foreach (var country in countries)
            {
                var principal = (string)country!["principalId"]!;
                var offices = country["offices"]!.AsArray().Select(o => (string)o!).Order().ToArray();
                Assert.Equal(
                    offices.Select(o => $"protocol-settings/{o}").Concat(offices.Select(o => $"referrals/{o}")).Order(StringComparer.Ordinal),
                    Targets(snapshot, assignments, principal, Receiver));
                Assert.Equal(["protocol-events", "protocol-settings", "referrals"], Targets(snapshot, assignments, principal, Sender));
            }
        }
    }

    private static string[] Targets(Snapshot snapshot, IEnumerable<JsonObject> assignments, string principal, string role) =>
        assignments
            .Where(a => (string)a["properties"]!["principalId"]! == principal && Snapshot.RoleOf(a) == role)
            .Select(a => string.Join('/', ((string)snapshot.ById(Snapshot.ScopeOf(a))!["name"]!).Split('/')[1..]))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
