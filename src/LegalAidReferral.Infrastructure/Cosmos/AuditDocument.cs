using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>Storage shape 1 of an audit entry: in the audit container, and pending inside the document of the write that recorded it.</summary>
internal sealed record AuditDocument(
    string Id,
    string OfficeId,
    string CaseId,
    string Action,
    string UserId,
    string ActorOfficeId,
    string At,
    string CorrelationId,
    IReadOnlyList<string> Changes,
    int Schema = AuditDocument.CurrentSchema)
{
    public const int CurrentSchema = 1;

    public static AuditDocument Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AuditDocument(
            entry.Id.ToString("D"),
            entry.OfficeId,
            entry.CaseId.ToString("D"),
            Kebab<AuditAction>.Name(entry.Action),
            entry.UserId,
            entry.ActorOfficeId,
            CosmosTime.Of(entry.At),
            entry.CorrelationId,
            entry.Changes);
    }

    public AuditEntry ToEntry() =>
        Kebab<AuditAction>.TryParse(Action, out var action)
            ? new AuditEntry(Guid.ParseExact(Id, "D"), OfficeId, Guid.ParseExact(CaseId, "D"), action, UserId, ActorOfficeId, CosmosTime.Parse(At), CorrelationId, Changes)
            : throw new InvalidDataException($"Audit entry {Id} has an unknown action '{Action}'.");
}
