using LegalAidReferral.Testing.Emulators;

namespace LegalAidReferral.EndToEnd.Tests.OnCosmos;

/// <summary>A standalone host on Cosmos DB: a database of its own on the test run's emulator, created at start.</summary>
public sealed class CosmosHostFixture : HostFixture
{
    protected override async Task<string[]> StorageArgumentsAsync()
    {
        var emulator = await CosmosEmulator.Instance;
        return
        [
            "--storage", "cosmos",
            "--Storage:Cosmos:ConnectionString", emulator.ConnectionString,
            "--Storage:Cosmos:Database", $"e2e-{Guid.NewGuid():N}",
            "--Storage:Cosmos:CreateIfMissing", "true",
        ];
    }
}
