using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Missed-deadline alerts, one document per alert (id: the alert's derived id) in the office's
/// partition: raised once by creating it, cleared and acknowledged by replacing it at its ETag.
/// </summary>
public sealed class CosmosAlertStore(CosmosDatabase database) : IAlertStore
{
    public async Task<int> SyncAsync(string officeId, Guid referralId, IReadOnlyList<MissedDeadlineAlert> open, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        var stillOpen = open.Select(a => a.Id.ToString("D")).ToHashSet(StringComparer.Ordinal);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.officeId = @office AND c.referralId = @referral AND c.open = true")
            .WithParameter("@office", officeId)
            .WithParameter("@referral", referralId.ToString("D"));
        var stored = await database.Alerts.QueryAsync<AlertDocument>(query, officeId, cancellationToken);
        foreach (var alert in stored.Where(a => !stillOpen.Contains(a.Id)))
        {
            await UpdateAsync(officeId, alert.Id, a => a.Open ? a with { Open = false, ClearedAt = CosmosTime.Of(now) } : null, cancellationToken);
        }

        var raised = 0;
        var known = stored.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var alert in open.Where(a => !known.Contains(a.Id.ToString("D"))))
        {
            // A cleared alert with the same id exists when the step was done late: it is not raised again.
            raised += await database.Alerts.TryCreateAsync(AlertDocument.Of(alert, now), officeId, cancellationToken) ? 1 : 0;
        }

        return raised;
    }

    public Task<Page<RaisedAlert>> ListOpenAsync(string officeId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var take = KeysetPosition.Take(page);
        var definition = CosmosQuery.In(officeId, CosmosPage.Top(take, "*"))
            .Where("c.open = @open", "@open", true)
            .After(KeysetPosition.Parse(page.ContinuationToken), "dueAt", descending: false)
            .OrderBy("c.dueAt, c.id");
        return CosmosPage.ReadAsync<AlertDocument, RaisedAlert>(
            database.Alerts, definition, officeId, take, a => (CosmosPage.Position(a.DueAt, a.Id), a.ToRaised()), cancellationToken);
    }

    public async Task<RaisedAlert?> AcknowledgeAsync(string officeId, Guid alertId, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        (await UpdateAsync(
            officeId,
            alertId.ToString("D"),
            a => !a.Open ? null : a.AcknowledgedAt is null ? a with { AcknowledgedAt = CosmosTime.Of(at), AcknowledgedBy = by } : a,
            cancellationToken))?.ToRaised();

    /// <summary>Applies <paramref name="change"/> at the ETag read, again if another writer came first; null when the alert is missing or the change declines.</summary>
    private async Task<AlertDocument?> UpdateAsync(string officeId, string id, Func<AlertDocument, AlertDocument?> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await database.Alerts.ReadAsync<AlertDocument>(id, officeId, cancellationToken);
            if (stored is null || change(stored.Document) is not { } changed)
            {
                return null;
            }

            if (changed == stored.Document || await database.Alerts.TryReplaceAsync(changed, id, officeId, stored.ETag, cancellationToken))
            {
                return changed;
            }
        }
    }

    private sealed record AlertDocument(
        string Id,
        string OfficeId,
        string ReferralId,
        DeadlineKind Deadline,
        int Occurrence,
        DateTimeOffset Due,
        string DueAt,
        bool Open,
        string RaisedAt,
        string? ClearedAt,
        string? AcknowledgedAt,
        string? AcknowledgedBy,
        int Schema = 1)
    {
        public static AlertDocument Of(MissedDeadlineAlert alert, DateTimeOffset now) =>
            new(alert.Id.ToString("D"), alert.OfficeId, alert.ReferralId.ToString("D"), alert.Deadline, alert.Occurrence, alert.DueAt, CosmosTime.Of(alert.DueAt),
                true, CosmosTime.Of(now), null, null, null);

        public RaisedAlert ToRaised() =>
            new(
                new MissedDeadlineAlert(Guid.ParseExact(Id, "D"), OfficeId, Guid.ParseExact(ReferralId, "D"), Deadline, Occurrence, Due),
                CosmosTime.Parse(RaisedAt),
                CosmosTime.ParseOptional(AcknowledgedAt),
                AcknowledgedBy);
    }
}
