using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Infrastructure.Tests.Contracts;

namespace LegalAidReferral.Infrastructure.Tests.Documents;

public sealed class SqliteDocumentCatalogTests() : DocumentCatalogOnStorage(() => TestStorage.SqliteAsync());

public sealed class CosmosDocumentCatalogTests() : DocumentCatalogOnStorage(() => TestStorage.CosmosAsync());

/// <summary>The catalog contract on a storage adapter as the hosts register it, its audit read back through the same adapter's audit trail.</summary>
public abstract class DocumentCatalogOnStorage(Func<Task<TestStorage>> start) : DocumentCatalogContract, IAsyncLifetime
{
    private TestStorage _storage = null!;

    protected override IDocumentCatalog Catalog => _storage.Documents;

    public async Task InitializeAsync() => _storage = await start();

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    protected override async Task<IReadOnlyList<AuditEntry>> AuditAsync(string officeId, Guid caseId) =>
        (await _storage.Audit.ListForCaseAsync(officeId, caseId, new PageRequest(100, null), default)).Items;
}
