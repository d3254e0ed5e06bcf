namespace LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

/// <summary>Rules of the form "every resource of this type has this value at this path", checked on every snapshot.</summary>
public static class ResourceRules
{
    /// <summary>
    /// Every resource of each rule's type, in every parameter file's deployment, has the expected JSON
    /// at the path; and each type occurs in some deployment, so a rule cannot pass by matching nothing.
    /// </summary>
    public static void AssertAll(CompiledInfrastructure infra, IEnumerable<(string Type, string Path, string Expected)> rules)
    {
        var snapshots = infra.Snapshots().ToArray();
        foreach (var (type, path, expected) in rules)
        {
            Assert.True(snapshots.Any(s => s.Snapshot.Has(type)), $"No deployment creates a {type}.");
            foreach (var (file, snapshot) in snapshots)
            {
                foreach (var resource in snapshot.OfType(type))
                {
                    Assert.True(expected == Json.At(resource, path), $"{file}: {resource["id"]} has {path} = {Json.At(resource, path) ?? "(absent)"}, expected {expected}.");
                }
            }
        }
    }
}
