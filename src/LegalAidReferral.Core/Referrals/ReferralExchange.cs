using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Core.Referrals;

/// <summary>What the handler of an incoming referral message does with it.</summary>
public enum ReceiptKind
{
    /// <summary>Store <see cref="Receipt.Referral"/> (the new version of the copy); complete the message.</summary>
    Applied,

    /// <summary>A step that arrived after a revoke ended the referral here: store <see cref="Receipt.Referral"/>, which keeps it unapplied; complete the message.</summary>
    Superseded,

    /// <summary>Already here (a redelivery or replay): change nothing; complete the message.</summary>
    Duplicate,

    /// <summary>Its predecessor has not arrived yet: change nothing; let the message be delivered again later (abandon).</summary>
    NotYetApplicable,

    /// <summary>It can never apply to this copy (a broken or foreign message): change nothing; dead-letter it with <see cref="Receipt.Detail"/>.</summary>
    Rejected,
}

public sealed record Receipt(ReceiptKind Kind, Referral? Referral, string? Detail = null)
{
    /// <summary>The messages the stored copy sends back (a thread message's receipt), saved in the same write.</summary>
    public IReadOnlyList<ExchangeMessage> Sends { get; init; } = [];
}

/// <summary>
/// How a copy takes a step that the other office took (docs/referrals.md, "Out of order"). Each
/// step carries the status the taking side's copy was in (<see cref="ReferralStep.From"/>):
/// <list type="number">
/// <item>a step already held (by id, applied or superseded) is a duplicate;</item>
/// <item>a step whose <c>From</c> is this copy's status and that the table allows here is applied;</item>
/// <item>a revoke is applied in any status but closed and revoked: the sender revoked before it knew
/// of the receiver's concurrent steps, and a revoke always wins (the client's withdrawal must);</item>
/// <item>a receiving-office step reaching a revoked copy is kept as superseded, never lost;</item>
/// <item>a step whose <c>From</c> this copy can still reach is not applicable yet: its predecessor is on its way;</item>
/// <item>anything else is rejected.</item>
/// </list>
/// A step for a referral this office does not hold yet is not applicable yet: the delivery is on its way.
/// </summary>
public static class ReferralExchange
{
    /// <summary>The receiving office takes a sent referral: a new receiving copy, or a duplicate.</summary>
    public static Receipt Receive(Referral? existing, ReferralDelivery delivery, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (existing is not null)
        {
            return existing.Steps[0].Id == delivery.Sent.Id
                ? new Receipt(ReceiptKind.Duplicate, null)
                : new Receipt(ReceiptKind.Rejected, null, "Another referral with this id is already held.");
        }

        if (delivery.Sent.Action != ReferralAction.Send || delivery.Sent.To != ReferralStatus.Sent)
        {
            return new Receipt(ReceiptKind.Rejected, null, "A delivery must carry the send step.");
        }

        var copy = new Referral
        {
            Id = delivery.ReferralId,
            Copy = ReferralCopy.Receiving,
            FromOfficeId = delivery.FromOfficeId,
            ToOfficeId = delivery.ToOfficeId,
            FromCountry = delivery.FromCountry,
            ToCountry = delivery.ToCountry,
            Kind = delivery.Kind,
            KindDescription = delivery.KindDescription,
            Priority = delivery.Priority,
            Reason = delivery.Reason,
            SharedFields = delivery.Package.Fields,
            Package = delivery.Package,
            DocumentIds = delivery.DocumentIds,
            Consent = delivery.Consent,
            Categories = delivery.Categories,
            Status = ReferralStatus.Sent,
            Steps = [delivery.Sent],
            Deadlines = delivery.Deadlines,
            CreatedAt = delivery.CreatedAt,
            UpdatedAt = now,
            Version = 1,
        };
        return new Receipt(ReceiptKind.Applied, copy);
    }

    /// <summary>A copy takes a step the other office took, by the rule above.</summary>
    public static Receipt Receive(Referral? copy, ReferralStep step, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (copy is null)
        {
            return new Receipt(ReceiptKind.NotYetApplicable, null, "The referral has not arrived yet.");
        }

        if (copy.Steps.Any(s => s.Id == step.Id) || copy.Superseded.Any(s => s.Id == step.Id))
        {
            return new Receipt(ReceiptKind.Duplicate, null);
        }

        if (step.Action == ReferralAction.Send || step.From is not { } from)
        {
            return new Receipt(ReceiptKind.Rejected, null, "A send step travels only in a delivery.");
        }

        if (!TakenByTheOtherOffice(copy, step))
        {
            return new Receipt(ReceiptKind.Rejected, null, "The step was not taken by the other office of this referral.");
        }

        if (from == copy.Status && ReferralActions.Find(from, step.Action, step.Side) is { } rule && rule.To == step.To)
        {
            return new Receipt(ReceiptKind.Applied, copy.Apply(step, now));
        }

        if (step.Action == ReferralAction.Revoke && step.To == ReferralStatus.Revoked
            && copy.Status is not (ReferralStatus.Closed or ReferralStatus.Revoked) && ReferralActions.Find(from, step.Action, step.Side) is not null)
        {
            return new Receipt(ReceiptKind.Applied, copy.Apply(step, now));
        }

        if (copy.Status == ReferralStatus.Revoked && step.Side == ReferralSide.ReceivingOffice)
        {
            return new Receipt(ReceiptKind.Superseded, copy with { Superseded = [.. copy.Superseded, step], UpdatedAt = now, Version = copy.Version + 1 });
        }

        if (from != copy.Status && ReferralActions.CanReach(copy.Status, from))
        {
            return new Receipt(ReceiptKind.NotYetApplicable, null, "An earlier step of this referral has not arrived yet.");
        }

        return new Receipt(ReceiptKind.Rejected, null, "The step does not follow from any status of this referral.");
    }

    /// <summary>Receiving-office steps go to the sending copy; sending-office and system steps to the receiving copy.</summary>
    private static bool TakenByTheOtherOffice(Referral copy, ReferralStep step) =>
        copy.Copy == ReferralCopy.Sending ? step.Side == ReferralSide.ReceivingOffice : step.Side != ReferralSide.ReceivingOffice;
}
