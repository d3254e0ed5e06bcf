using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Infrastructure.Tests.Contracts;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Tests.Cosmos;

/// <summary>
/// A document record carries the audit entries of its upload, so the trail has them even when copying
/// them into the audit container failed after the record was stored.
/// </summary>
public sealed class CosmosDocumentAuditTests
{
    private const string Office = "gt-idpp-guatemala";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_document_s_upload_entry_is_in_the_trail_even_when_it_never_reached_the_audit_container()
    {
        await using var storage = await TestStorage.CosmosAsync();
        var document = new CaseDocument(Guid.NewGuid(), Office, Guid.NewGuid(), Guid.NewGuid(), "scan.pdf", "application/pdf", 10, new string('a', 64), "defender-1", Start);
        var entry = new AuditEntry(Guid.NewGuid(), Office, document.CaseId, AuditAction.DocumentUploaded, "defender-1", Office, Start, "c-1", []);
        Assert.True(await storage.Documents.TryAddAsync(document, [entry], default));
        using (await storage.CosmosDatabase.Audit.DeleteItemStreamAsync(entry.Id.ToString("D"), new PartitionKey(Office)))
        {
        }

        var trail = await storage.Audit.ListForCaseAsync(Office, document.CaseId, new PageRequest(10, null), default);

        Assert.Equal(entry.Id, Assert.Single(trail.Items).Id);
    }
}
