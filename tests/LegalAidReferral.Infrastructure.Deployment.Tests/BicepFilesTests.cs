using LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

namespace LegalAidReferral.Infrastructure.Deployment.Tests;

/// <summary>Every .bicep and .bicepparam file builds and lints with no diagnostic at all (bicepconfig.json makes every rule an error).</summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class BicepFilesTests(CompiledInfrastructure infra)
{
    [Fact]
    public void The_infrastructure_has_a_country_deployment_a_hub_and_their_parameter_files()
    {
        Assert.Contains("main.bicep", infra.BicepFiles);
        Assert.Contains("hub.bicep", infra.BicepFiles);
        Assert.Contains("main.dev.bicepparam", infra.ParameterFiles);
        Assert.Contains("main.prod.bicepparam", infra.ParameterFiles);
        Assert.Contains("hub.bicepparam", infra.ParameterFiles);
    }

    [Fact]
    public void Lint_reports_nothing_for_any_bicep_or_bicepparam_file()
    {
        Assert.True(infra.Lint.IsClean, infra.Lint.ToString());
    }

    [Fact]
    public void Build_reports_nothing_and_produces_json_for_every_bicep_and_bicepparam_file()
    {
        Assert.All(infra.Compilations, c =>
        {
            Assert.True(c.Compilation.Diagnostics.Count == 0, $"{c.File}:\n{string.Join('\n', c.Compilation.Diagnostics)}");
            Assert.True(c.Compilation.Success);
            Assert.NotNull(c.Compilation.Output);
        });
    }

    [Fact]
    public void Every_parameter_file_expands_into_a_deployment_without_diagnostics()
    {
        Assert.All(infra.Snapshots(), s =>
        {
            Assert.NotEmpty(s.Snapshot.Resources);
            Assert.Empty(s.Snapshot.Diagnostics);
        });
    }

    [Fact]
    public void No_file_refers_to_a_registry_module()
    {
        var bicep = infra.BicepFiles.Concat(infra.ParameterFiles).Select(f => File.ReadAllText(Path.Combine(CompiledInfrastructure.InfraFolder, f)));
        Assert.All(bicep, text => Assert.DoesNotMatch(@"'(br|ts)[:/]", text));
    }
}
