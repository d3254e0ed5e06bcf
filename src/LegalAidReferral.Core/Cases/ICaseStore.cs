using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Cases;

/// <summary>Port: where cases live. Every operation is scoped to one office (the partition).</summary>
public interface ICaseStore
{
    /// <summary>
    /// Stores a new case, claims its reference <paramref name="number"/> and records its audit entries in
    /// one atomic write; false, and nothing written, when a case with that id already exists.
    /// </summary>
    Task<bool> TryCreateAsync(Case @case, CaseNumber number, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    Task<Case?> FindAsync(string officeId, Guid caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the case, and records its audit entries in the same atomic write, only if the stored
    /// case still has <paramref name="expectedVersion"/>; otherwise writes nothing. The new case carries
    /// the next version (<see cref="CaseVersions.RequireNext"/>): a version names one content for ever,
    /// which is what lets readers keep what they decoded or serialized of it.
    /// </summary>
    Task<bool> TryReplaceAsync(Case @case, long expectedVersion, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>The office's cases, newest first.</summary>
    Task<Page<CaseSummary>> ListAsync(string officeId, CaseQuery query, PageRequest page, CancellationToken cancellationToken);
}

public sealed record CaseQuery(CaseStatus? Status, Priority? Priority, string? Text);

public sealed record CaseSummary(
    Guid Id,
    string Reference,
    string ClientName,
    CaseStatus Status,
    Priority? Priority,
    IntakeChannel Channel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Demo)
{
    public static CaseSummary Of(Case c) =>
        new(c.Id, c.Reference, c.Details.Client.FullName, c.Status, c.Priority, c.Channel, c.CreatedAt, c.UpdatedAt, c.Demo);
}
