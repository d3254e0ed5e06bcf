using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Infrastructure.Sqlite;
using LegalAidReferral.Infrastructure.Tests.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Documents;

public sealed class SqliteDocumentCatalogTests : DocumentCatalogContract, IAsyncLifetime
{
    private readonly Database _database = new();

    protected override IDocumentCatalog Catalog => new SqliteDocumentCatalog(_database.Sqlite);

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    protected override async Task<IReadOnlyList<AuditEntry>> AuditAsync(string officeId, Guid caseId) =>
        (await new SqliteAuditTrail(_database.Sqlite).ListForCaseAsync(officeId, caseId, new PageRequest(100, null), default)).Items;

    private sealed class Database : TempDatabase
    {
        public SqliteDatabase Sqlite => Database;
    }
}
