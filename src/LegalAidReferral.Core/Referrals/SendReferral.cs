using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Referrals.Input;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Sends a referral (or cooperation request) from one of the caller's office's cases: the consent
/// gate, the shared package, the first deadlines from the receiving office's calendar; the sending
/// copy, the delivery to the receiving office and the step's protocol event are one write.
/// </summary>
public sealed class SendReferral(
    AccessPolicy access,
    CaseReader cases,
    IOfficeDirectory offices,
    ReferralCalendars calendars,
    IReferralStore store,
    IDocumentCatalog documents,
    IdempotencyGuard idempotency,
    CaseAuditor auditor,
    Pseudonyms pseudonyms,
    TimeProvider clock)
{
    public sealed record Command(Guid CaseId, ReferralInput Input, string? IdempotencyKey, string RequestHash);

    public sealed record Outcome(Referral Referral, bool Replayed);

    public async Task<Result<Outcome>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(call);
        if (access.Admit(UseCase.SendReferral, call.Caller) is { } denied)
        {
            return denied;
        }

        // The access rule admits staff only; a referral's sender is always a staff member.
        var caller = (StaffCaller)call.Caller;

        var request = ReferralRequestValidator.Validate(command.Input, caller.OfficeId);
        if (!request.IsSuccess)
        {
            return request.Failure;
        }

        var found = await cases.FindAsync(UseCase.SendReferral, caller, command.CaseId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Failure;
        }

        var documentIds = await ReferralDocuments.CheckAsync(documents, found.Value, request.Value.DocumentIds, cancellationToken);
        if (!documentIds.IsSuccess)
        {
            return documentIds.Failure;
        }

        var from = await offices.FindAsync(caller.OfficeId, cancellationToken);
        var to = await offices.FindAsync(request.Value.ToOfficeId, cancellationToken);
        if (from is null)
        {
            return Failure.Forbidden("Your office is not in the network directory.");
        }

        if (to is null)
        {
            return Failure.Invalid("toOfficeId", "No office of the network has this id; GET /api/offices lists them.");
        }

        // A key names a request to one case, as for consents and documents: the same key and body sent for another case is a new referral.
        var id = await idempotency.ResourceIdAsync($"{caller.OfficeId}/cases/{command.CaseId:D}/referrals", command.IdempotencyKey, command.RequestHash, cancellationToken);
        if (!id.IsSuccess)
        {
            return id.Failure;
        }

        if (command.IdempotencyKey is not null && await store.FindAsync(caller.OfficeId, id.Value, cancellationToken) is { } earlier)
        {
            return new Outcome(earlier, Replayed: true);
        }

        var now = clock.GetUtcNow();
        var (_, calendar) = await calendars.ForAsync(to, cancellationToken);
        var sent = ReferralSending.Send(id.Value, Guid.CreateVersion7(now), found.Value, request.Value with { DocumentIds = documentIds.Value }, from, to, calendar, caller, now);
        if (!sent.IsSuccess)
        {
            return sent.Failure;
        }

        var referral = sent.Value.Referral;
        var messages = ReferralMessages.Of(referral, sent.Value.Step, sent.Value.Delivery, pseudonyms);
        var audit = auditor.Entries(call, caller.OfficeId, found.Value.Id, AuditAction.ReferralSent, [.. referral.SharedFields]);
        if (!await store.TryCreateAsync(referral, messages, audit, cancellationToken))
        {
            return await store.FindAsync(caller.OfficeId, id.Value, cancellationToken) is { } winner
                ? new Outcome(winner, Replayed: true)
                : new Failure(FailureKind.Conflict, "Another request with this Idempotency-Key is being processed. Retry it.");
        }

        return new Outcome(referral, Replayed: false);
    }
}
