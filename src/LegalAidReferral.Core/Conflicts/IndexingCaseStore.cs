using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// Wraps the case store so every stored write also updates the party index: a case is indexed only
/// after the store accepted it, so the index never holds a party the store does not.
/// </summary>
public sealed class IndexingCaseStore(ICaseStore inner, PartyIndex index) : ICaseStore
{
    public async Task<bool> TryCreateAsync(Case @case, CancellationToken cancellationToken)
    {
        var created = await inner.TryCreateAsync(@case, cancellationToken);
        if (created)
        {
            index.Upsert(@case);
        }

        return created;
    }

    public Task<Case?> FindAsync(string officeId, Guid caseId, CancellationToken cancellationToken) =>
        inner.FindAsync(officeId, caseId, cancellationToken);

    public async Task<bool> TryReplaceAsync(Case @case, long expectedVersion, CancellationToken cancellationToken)
    {
        var replaced = await inner.TryReplaceAsync(@case, expectedVersion, cancellationToken);
        if (replaced)
        {
            index.Upsert(@case);
        }

        return replaced;
    }

    public Task<Page<CaseSummary>> ListAsync(string officeId, CaseQuery query, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListAsync(officeId, query, page, cancellationToken);

    public IAsyncEnumerable<Case> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);
}
