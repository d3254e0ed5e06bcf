using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

namespace LegalAidReferral.Infrastructure.Deployment.Tests.SourceOfTruth;

/// <summary>The app registration manifest fragment in docs/deploy.md declares exactly the roles the code knows.</summary>
public sealed partial class AppRegistrationTests
{
    [Fact]
    public void The_manifest_fragment_declares_exactly_the_code_s_roles()
    {
        var deploy = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "docs", "deploy.md"));
        var manifest = JsonBlocks().Matches(deploy).Select(m => JsonNode.Parse(m.Groups[1].Value)!).Single(j => j["appRoles"] is not null);
        var roles = manifest["appRoles"]!.AsArray().Select(r => (string)r!["value"]!).Order(StringComparer.Ordinal);
        Assert.Equal(Enum.GetNames<Role>().Order(StringComparer.Ordinal), roles);
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlocks();
}
