using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Documents;

namespace LegalAidReferral.Infrastructure.Tests.Documents;

/// <summary>
/// What every <see cref="IDocumentCatalog"/> adapter does, written against the port, run on SQLite and
/// Cosmos DB (<see cref="DocumentCatalogOnStorage"/>).
/// </summary>
public abstract class DocumentCatalogContract
{
    private const string Office = "gt-idpp-guatemala";
    private const string OtherOffice = "mx-ifdp-tapachula";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    protected abstract IDocumentCatalog Catalog { get; }

    /// <summary>The audit entries of a case as the adapter's audit trail holds them.</summary>
    protected abstract Task<IReadOnlyList<AuditEntry>> AuditAsync(string officeId, Guid caseId);

    [Fact]
    public async Task An_added_document_is_found_with_every_field_and_its_audit_entry_is_written_with_it()
    {
        var document = Document(Office, Guid.NewGuid(), 0);

        Assert.True(await Catalog.TryAddAsync(document, [Entry(document)], default));

        Assert.Equal(document, await Catalog.FindAsync(Office, document.Id, default));
        Assert.Equal(AuditAction.DocumentUploaded, Assert.Single(await AuditAsync(Office, document.CaseId)).Action);
    }

    [Fact]
    public async Task A_second_document_with_the_same_id_is_refused_and_writes_nothing()
    {
        var document = Document(Office, Guid.NewGuid(), 0);
        await Catalog.TryAddAsync(document, [Entry(document)], default);

        Assert.False(await Catalog.TryAddAsync(document with { FileName = "other.pdf" }, [Entry(document)], default));

        Assert.Equal("file-0.pdf", (await Catalog.FindAsync(Office, document.Id, default))!.FileName);
        Assert.Single(await AuditAsync(Office, document.CaseId));
    }

    [Fact]
    public async Task A_missing_document_is_not_found_and_another_office_never_finds_one()
    {
        var document = Document(Office, Guid.NewGuid(), 0);
        await Catalog.TryAddAsync(document, [], default);

        Assert.Null(await Catalog.FindAsync(Office, Guid.NewGuid(), default));
        Assert.Null(await Catalog.FindAsync(OtherOffice, document.Id, default));
        Assert.Empty((await Catalog.ListAsync(OtherOffice, document.CaseId, new PageRequest(10, null), default)).Items);
    }

    [Fact]
    public async Task A_case_lists_its_documents_oldest_first_across_pages_and_no_other()
    {
        var caseId = Guid.NewGuid();
        var added = Enumerable.Range(0, 5).Select(i => Document(Office, caseId, i)).ToArray();
        foreach (var document in added.Reverse())
        {
            await Catalog.TryAddAsync(document, [], default);
        }

        await Catalog.TryAddAsync(Document(Office, Guid.NewGuid(), 9), [], default);

        var first = await Catalog.ListAsync(Office, caseId, new PageRequest(2, null), default);
        var second = await Catalog.ListAsync(Office, caseId, new PageRequest(2, first.ContinuationToken), default);
        var last = await Catalog.ListAsync(Office, caseId, new PageRequest(2, second.ContinuationToken), default);

        Assert.Equal(added.Select(d => d.Id), first.Items.Concat(second.Items).Concat(last.Items).Select(d => d.Id));
        Assert.Null(last.ContinuationToken);
    }

    [Fact]
    public async Task Erasing_a_case_removes_its_records_and_only_those()
    {
        var caseId = Guid.NewGuid();
        var kept = Document(Office, Guid.NewGuid(), 3);
        await Catalog.TryAddAsync(Document(Office, caseId, 0), [], default);
        await Catalog.TryAddAsync(Document(Office, caseId, 1), [], default);
        await Catalog.TryAddAsync(kept, [], default);

        Assert.Equal(2, await Catalog.EraseCaseAsync(Office, caseId, default));

        Assert.Empty((await Catalog.ListAsync(Office, caseId, new PageRequest(10, null), default)).Items);
        Assert.Equal(kept, await Catalog.FindAsync(Office, kept.Id, default));
    }

    private static CaseDocument Document(string officeId, Guid caseId, int n)
    {
        var id = Guid.CreateVersion7(Start.AddMinutes(n));
        return new CaseDocument(id, officeId, caseId, id, $"file-{n}.pdf", "application/pdf", 1000 + n, new string('a', 64), "gt-idpp-guatemala-defender", Start.AddMinutes(n));
    }

    private static AuditEntry Entry(CaseDocument document) =>
        new(Guid.CreateVersion7(), document.OfficeId, document.CaseId, AuditAction.DocumentUploaded, document.UploadedBy, document.OfficeId, document.UploadedAt, "correlation", [DocumentAudit.Change(document.Id)]);
}
