using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Copies audit entries into the audit container. Entries have fixed ids, so copying one twice (a
/// write that carries its predecessor's entries again) changes nothing.
/// </summary>
internal static class AuditProjection
{
    public static async Task ProjectAsync(Container audit, IEnumerable<AuditDocument> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            await audit.TryCreateAsync(entry, entry.OfficeId, cancellationToken);
        }
    }
}
