using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Alerts, one document per alert (id: the alert's derived id) in the office's partition: raised once by
/// creating it, cleared and acknowledged by replacing it at its ETag. Missed deadlines and case alerts
/// share the container (<c>kind</c>); a case mark is a document of kind <c>case-mark</c> in the same partition.
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

    public async Task<int> SyncCaseAsync(string officeId, Guid caseId, CaseAlertState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var closed = state.Closed.Select(id => id.ToString("D")).ToHashSet(StringComparer.Ordinal);
        var handOff = Kebab<CaseAlertKind>.Name(CaseAlertKind.ChatHandOff);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.officeId = @office AND c.caseId = @case AND c.open = true")
            .WithParameter("@office", officeId)
            .WithParameter("@case", caseId.ToString("D"));
        // The sending office's missed deadlines name the case too: they are the sweep's, not this sync's.
        var stored = (await database.Alerts.QueryAsync<AlertDocument>(query, officeId, cancellationToken)).Where(a => a.ReferralId is null).ToList();
        foreach (var alert in stored.Where(a => closed.Contains(a.Id) || (a.Kind == handOff && a.Due < state.HandOffsBefore)))
        {
            await UpdateAsync(officeId, alert.Id, a => a.Open ? a with { Open = false, ClearedAt = CosmosTime.Of(now) } : null, cancellationToken);
        }

        var raised = 0;
        var known = stored.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var alert in state.Open.Where(a => !known.Contains(a.Id.ToString("D"))))
        {
            // A cleared alert with the same id exists once it was acknowledged or its hand-off closed: it is not raised again.
            raised += await database.Alerts.TryCreateAsync(AlertDocument.Of(alert, now), officeId, cancellationToken) ? 1 : 0;
        }

        return raised;
    }

    public Task MarkCaseAsync(string officeId, CaseAlertMark mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return database.Alerts.TryCreateAsync(
            new MarkDocument(mark.Id.ToString("D"), officeId, MarkDocument.MarkKind, mark.CaseId.ToString("D"), CosmosTime.Of(mark.MarkedAt)), officeId, cancellationToken);
    }

    public Task UnmarkCaseAsync(string officeId, Guid markId, CancellationToken cancellationToken) =>
        database.Alerts.DeleteAsync(markId.ToString("D"), officeId, cancellationToken);

    public async Task<IReadOnlyList<CaseAlertMark>> ListMarksAsync(string officeId, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT TOP @limit * FROM c WHERE c.officeId = @office AND c.kind = @kind AND c.markedAt < @before ORDER BY c.markedAt")
            .WithParameter("@limit", limit)
            .WithParameter("@office", officeId)
            .WithParameter("@kind", MarkDocument.MarkKind)
            .WithParameter("@before", CosmosTime.Of(before));
        var marks = await database.Alerts.QueryAsync<MarkDocument>(query, officeId, cancellationToken);
        return marks.Select(m => new CaseAlertMark(Guid.ParseExact(m.Id, "D"), Guid.ParseExact(m.CaseId, "D"), CosmosTime.Parse(m.MarkedAt))).ToArray();
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

    public async Task<RaisedAlert?> FindOpenAsync(string officeId, Guid alertId, CancellationToken cancellationToken) =>
        await database.Alerts.ReadAsync<AlertDocument>(alertId.ToString("D"), officeId, cancellationToken) is { Document.Open: true } stored
            ? stored.Document.ToRaised()
            : null;

    public async Task<RaisedAlert?> AcknowledgeAsync(string officeId, Guid alertId, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        (await UpdateAsync(
            officeId,
            alertId.ToString("D"),
            a => !a.Open ? null : a.Acknowledged(CosmosTime.Of(at), by),
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

    /// <summary>
    /// An alert; documents stored before case alerts existed have no kind and are missed deadlines. A missed deadline's
    /// case fields are the sending office's case; it and <see cref="OtherOfficeId"/> are missing on documents stored before them.
    /// </summary>
    private sealed record AlertDocument(
        string Id,
        string OfficeId,
        string? Kind,
        string? ReferralId,
        DeadlineKind? Deadline,
        int? Occurrence,
        string? CaseId,
        string? CaseReference,
        DateTimeOffset Due,
        string DueAt,
        bool Open,
        string RaisedAt,
        string? ClearedAt,
        string? AcknowledgedAt,
        string? AcknowledgedBy,
        string? OtherOfficeId = null,
        int Schema = 1)
    {
        private const string MissedDeadline = "missed-deadline";

        public static AlertDocument Of(MissedDeadlineAlert alert, DateTimeOffset now) =>
            new(alert.Id.ToString("D"), alert.OfficeId, MissedDeadline, alert.ReferralId.ToString("D"), alert.Deadline, alert.Occurrence, alert.CaseId?.ToString("D"),
                alert.CaseReference, alert.DueAt, CosmosTime.Of(alert.DueAt), true, CosmosTime.Of(now), null, null, null, alert.OtherOfficeId);

        public static AlertDocument Of(CaseAlert alert, DateTimeOffset now) =>
            new(alert.Id.ToString("D"), alert.OfficeId, Kebab<CaseAlertKind>.Name(alert.Kind), null, null, null, alert.CaseId.ToString("D"), alert.CaseReference,
                alert.DueAt, CosmosTime.Of(alert.DueAt), true, CosmosTime.Of(now), null, null, null);

        /// <summary>Acknowledged by the first caller; an erasure request is then done, so its alert is cleared.</summary>
        public AlertDocument Acknowledged(string at, string by)
        {
            var acknowledged = AcknowledgedAt is null ? this with { AcknowledgedAt = at, AcknowledgedBy = by } : this;
            return Kind == Kebab<CaseAlertKind>.Name(CaseAlertKind.ErasureRequest) ? acknowledged with { Open = false, ClearedAt = at } : acknowledged;
        }

        public RaisedAlert ToRaised() =>
            new(
                Kind is null or MissedDeadline
                    ? new MissedDeadlineAlert(
                        Guid.ParseExact(Id, "D"), OfficeId, Guid.ParseExact(ReferralId!, "D"), Deadline!.Value, Occurrence!.Value, Due, OtherOfficeId,
                        CaseId is null ? null : Guid.ParseExact(CaseId, "D"), CaseReference)
                    : new CaseAlert(
                        Guid.ParseExact(Id, "D"),
                        OfficeId,
                        Kebab<CaseAlertKind>.TryParse(Kind, out var kind) ? kind : throw new InvalidDataException("A stored alert has an unknown kind."),
                        Guid.ParseExact(CaseId!, "D"),
                        CaseReference!,
                        Due),
                CosmosTime.Parse(RaisedAt),
                CosmosTime.ParseOptional(AcknowledgedAt),
                AcknowledgedBy);
    }

    /// <summary>A case mark (<see cref="CaseAlertMark"/>): never open, so never listed as an alert.</summary>
    private sealed record MarkDocument(string Id, string OfficeId, string Kind, string CaseId, string MarkedAt)
    {
        public const string MarkKind = "case-mark";
    }
}
