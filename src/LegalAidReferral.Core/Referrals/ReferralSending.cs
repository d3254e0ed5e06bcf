using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals.Protocol;

namespace LegalAidReferral.Core.Referrals;

/// <summary>A referral just sent: the sending copy to store, its first step, and the delivery for the exchange.</summary>
public sealed record SentReferral(Referral Referral, ReferralStep Step, ReferralDelivery Delivery);

/// <summary>Sends a referral from a case: the checks, the consent gate, the shared package and the first deadlines.</summary>
public static class ReferralSending
{
    private static readonly IReadOnlySet<Role> SenderRoles = new HashSet<Role> { Role.Defender, Role.Supervisor };

    /// <param name="receiverCalendar">The receiving office's calendar: its deadlines run from the send step.</param>
    public static Result<SentReferral> Send(
        Guid referralId,
        Guid stepId,
        Case @case,
        ReferralRequest request,
        Office from,
        Office to,
        DeadlineCalculator receiverCalendar,
        StaffCaller caller,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(receiverCalendar);
        ArgumentNullException.ThrowIfNull(caller);
        if (from.Id != @case.OfficeId || to.Id != request.ToOfficeId)
        {
            throw new ArgumentException("Pass the case's office as the sender and the requested office as the receiver.");
        }

        if (caller.OfficeId != @case.OfficeId)
        {
            return Failure.NotFound("case");
        }

        if (!caller.Roles.Overlaps(SenderRoles))
        {
            return Failure.Forbidden("Only defenders and supervisors of an office send its cases' referrals.");
        }

        if (@case.Status == CaseStatus.Closed)
        {
            return Failure.InvalidTransition("A closed case cannot be referred. Reopen it first.");
        }

        if (from.Country != to.Country && !to.AcceptsCrossBorderReferrals)
        {
            return Failure.Invalid("toOfficeId", "This office does not accept referrals from other countries.");
        }

        var consent = ConsentGate.Check(@case, to.Id, request.OverrideReason, caller, now);
        if (!consent.IsSuccess)
        {
            return consent.Failure;
        }

        var priority = @case.Priority ?? Priority.Normal;
        var deadlines = ReferralActions.SendStarts.Select(kind => receiverCalendar.Start(kind, priority, now)).ToArray();
        var step = new ReferralStep(stepId, ReferralAction.Send, ReferralSide.SendingOffice, null, ReferralStatus.Sent, now, caller.Id, null, null, null, null, null, null, deadlines);
        var referral = new Referral
        {
            Id = referralId,
            Copy = ReferralCopy.Sending,
            FromOfficeId = from.Id,
            ToOfficeId = to.Id,
            FromCountry = from.Country,
            ToCountry = to.Country,
            CaseId = @case.Id,
            CaseReference = @case.Reference,
            Kind = request.Kind,
            KindDescription = request.KindDescription,
            Priority = priority,
            Reason = request.Reason,
            SharedFields = request.SharedFields,
            DocumentIds = request.DocumentIds,
            Consent = consent.Value,
            Categories = ReferralCategories.Of(@case.Details, DateOnly.FromDateTime(now.UtcDateTime)),
            Status = ReferralStatus.Sent,
            Steps = [step],
            Deadlines = deadlines,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        return new SentReferral(referral, step, referral.Deliver(SharedFields.Project(@case.Details, request.SharedFields)));
    }
}
