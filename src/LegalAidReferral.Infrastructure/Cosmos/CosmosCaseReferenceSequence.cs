using System.Globalization;
using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Case numbers per office and year from a counter document (id: the year) in the office's partition,
/// moved on with ETag concurrency, so instances of a scaled-out app never hand out a number twice. A
/// number is claimed when it is handed out: one whose case is never stored is skipped.
/// </summary>
public sealed class CosmosCaseReferenceSequence(CosmosDatabase database) : ICaseReferenceSequence
{
    public async Task<CaseNumber> NextAsync(string officeId, int year, CancellationToken cancellationToken)
    {
        var id = year.ToString(CultureInfo.InvariantCulture);
        while (true)
        {
            var stored = await database.Sequences.ReadAsync<SequenceDocument>(id, officeId, cancellationToken);
            var next = (stored?.Document.LastNumber ?? 0) + 1;
            var document = new SequenceDocument(id, officeId, next);
            var claimed = stored is null
                ? await database.Sequences.TryCreateAsync(document, officeId, cancellationToken)
                : await database.Sequences.TryReplaceAsync(document, id, officeId, stored.ETag, cancellationToken);
            if (claimed)
            {
                return new CaseNumber(officeId, year, next);
            }
        }
    }

    private sealed record SequenceDocument(string Id, string OfficeId, long LastNumber, int Schema = 1);
}
