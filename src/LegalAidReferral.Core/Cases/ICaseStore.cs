using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Cases;

/// <summary>Port: where cases live. Every operation is scoped to one office (the partition).</summary>
public interface ICaseStore
{
    /// <summary>Stores a new case; false when a case with that id already exists.</summary>
    Task<bool> TryCreateAsync(Case @case, CancellationToken cancellationToken);

    Task<Case?> FindAsync(string officeId, Guid caseId, CancellationToken cancellationToken);

    /// <summary>Replaces the case only if the stored one still has <paramref name="expectedVersion"/>.</summary>
    Task<bool> TryReplaceAsync(Case @case, long expectedVersion, CancellationToken cancellationToken);

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
