using LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

namespace LegalAidReferral.Infrastructure.Deployment.Tests;

/// <summary>Logs of the Function App and of every data resource go to the deployment's Log Analytics workspace.</summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class MonitoringTests(CompiledInfrastructure infra)
{
    private static readonly string[] Monitored =
    [
        "Microsoft.Web/sites",
        "Microsoft.Storage/storageAccounts/blobServices",
        "Microsoft.DocumentDB/databaseAccounts",
        "Microsoft.KeyVault/vaults",
        "Microsoft.ServiceBus/namespaces",
    ];

    [Fact]
    public void The_function_app_and_every_data_resource_send_their_logs_to_the_workspace()
    {
        Assert.All(infra.Snapshots(), s =>
        {
            var settings = s.Snapshot.OfType("Microsoft.Insights/diagnosticSettings").Select(d => (string)d["id"]!).ToArray();
            Assert.All(Monitored.SelectMany(s.Snapshot.OfType), resource =>
                Assert.Contains(settings, id => id.StartsWith($"{resource["id"]}/providers/Microsoft.Insights/diagnosticSettings/", StringComparison.OrdinalIgnoreCase)));
        });
    }

    [Fact]
    public void Application_insights_keeps_its_telemetry_in_the_workspace()
    {
        Assert.All(infra.Snapshots(), s =>
        {
            var workspace = (string)s.Snapshot.Single("Microsoft.OperationalInsights/workspaces")["id"]!;
            Assert.Equal(workspace, (string)s.Snapshot.Single("Microsoft.Insights/components")["properties"]!["WorkspaceResourceId"]!);
        });
    }
}
