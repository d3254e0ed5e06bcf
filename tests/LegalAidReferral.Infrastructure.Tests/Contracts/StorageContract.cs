using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

/// <summary>A contract suite: the tests of a port, run once per adapter by a subclass that says which.</summary>
public abstract class StorageContract : IAsyncLifetime
{
    /// <summary>The reference number tests claim with a case when numbering is not what they test.</summary>
    protected static readonly CaseNumber TestNumber = new("test-office", 2026, 1);

    private TestStorage? storage;

    protected TestStorage Storage => storage ?? throw new InvalidOperationException("The storage starts with the test.");

    protected abstract Task<TestStorage> StartAsync();

    public async Task InitializeAsync() => storage = await StartAsync();

    public async Task DisposeAsync()
    {
        if (storage is not null)
        {
            await storage.DisposeAsync();
        }
    }
}
