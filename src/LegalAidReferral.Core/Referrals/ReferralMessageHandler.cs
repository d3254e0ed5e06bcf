using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// The receiving side of the referrals topic: a delivery becomes the receiving office's copy, a step
/// is taken into the other office's copy, by the exchange's receipt rule (<see cref="ReferralExchange"/>),
/// and a thread message or its receipt by the thread's (<see cref="ReferralThread"/>).
/// The copy and the message id are stored in one write, so a redelivery changes nothing; a step whose
/// predecessor has not arrived is asked for again later; a broken message is rejected. On the sending
/// side, an accepted representation referral then moves its case to referred-out; that is checked on
/// every delivery of the step, a duplicate included, so a crash between the two writes loses nothing.
/// The exchange adapters hand it batches (<see cref="HandleBatchAsync"/>): the messages of distinct
/// referrals are handled at once, so the store commits their writes together.
/// </summary>
public sealed class ReferralMessageHandler(
    IReferralStore store, ICaseStore cases, CaseAuditor auditor, TimeProvider clock, IEnumerable<IReferralCopyListener>? listeners = null)
    : IBatchMessageHandler
{
    private const int MaxAttempts = 5;
    private const string Process = "referral-exchange";

    public string Topic => Topics.Referrals;

    /// <summary>As many steps at once as the embedded store's writer commits together well (see docs/performance.md).</summary>
    public int MaxBatchSize => 32;

    /// <summary>
    /// The messages of each referral (by correlation) one after another in their order, the referrals at
    /// once. After a message of a referral that is to be retried, the rest of that referral's messages
    /// in the batch are retried too, unhandled, so no step overtakes an earlier one.
    /// </summary>
    public async Task<IReadOnlyList<Delivery>> HandleBatchAsync(IReadOnlyList<ExchangeMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var deliveries = new Delivery[messages.Count];
        var referrals = messages.Select((message, i) => (Message: message, Index: i)).GroupBy(m => m.Message.CorrelationId);
        await Parallel.ForEachAsync(referrals, new ParallelOptions { MaxDegreeOfParallelism = MaxBatchSize, CancellationToken = cancellationToken }, async (referral, ct) =>
        {
            Delivery? held = null;
            foreach (var (message, i) in referral)
            {
                deliveries[i] = held ?? await HandleAsync(message, ct);
                if (deliveries[i].Outcome == DeliveryOutcome.RetryLater)
                {
                    held = Delivery.RetryLater("earlier-message-waits");
                }
            }
        });
        return deliveries;
    }

    public async Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ToOfficeId is not { } holder)
        {
            return Delivery.Rejected("no-receiving-office");
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (!TryRead(message, out var referralId, out var receive))
            {
                return Delivery.Rejected("unreadable-body");
            }

            var copy = await store.FindAsync(holder, referralId, cancellationToken);
            var receipt = receive(copy, clock.GetUtcNow());
            var call = new CallContext(new SystemCaller(Process, holder), message.Id.ToString("D"));
            switch (receipt.Kind)
            {
                case ReceiptKind.Duplicate:
                    await ApplyToCaseAsync(copy!, call, cancellationToken);
                    await TellListenersAsync(copy!, cancellationToken);
                    return Delivery.Handled;
                case ReceiptKind.NotYetApplicable:
                    return Delivery.RetryLater("predecessor-missing");
                case ReceiptKind.Rejected:
                    return Delivery.Rejected(receipt.Detail ?? "not-applicable");
            }

            var changed = receipt.Referral!;
            var audit = auditor.Entries(call, holder, changed.CaseId ?? changed.Id, AuditAction.ReferralReceived, message.Subject);
            if (await store.TryReceiveAsync(changed, copy?.Version, message.Id, receipt.Sends, audit, cancellationToken))
            {
                await ApplyToCaseAsync(changed, call, cancellationToken);
                await TellListenersAsync(changed, cancellationToken);
                return Delivery.Handled;
            }
        }

        // Handled meanwhile by a concurrent delivery, or the copy kept moving: the next delivery decides.
        return Delivery.RetryLater("concurrent-change");
    }

    private async Task TellListenersAsync(Referral copy, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners ?? [])
        {
            await listener.CopyChangedAsync(copy, cancellationToken);
        }
    }

    /// <summary>What the steps of a sending copy do to its case (<see cref="ReferralCaseEffects"/>); idempotent.</summary>
    private async Task ApplyToCaseAsync(Referral copy, CallContext call, CancellationToken cancellationToken)
    {
        if (copy.CaseId is not { } caseId || !copy.Steps.Any(step => ReferralCaseEffects.Changes(copy, step)))
        {
            return;
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await cases.FindAsync(copy.HolderOfficeId, caseId, cancellationToken) is not { } current)
            {
                return;
            }

            var now = clock.GetUtcNow();
            var after = copy.Steps.Aggregate(current, (@case, step) => ReferralCaseEffects.Apply(@case, copy, step, now));
            if (ReferenceEquals(after, current))
            {
                return;
            }

            var audit = auditor.Entries(call, copy.HolderOfficeId, caseId, AuditAction.CaseStatusChanged, Kebab<CaseStatus>.Name(after.Status));
            if (await cases.TryReplaceAsync(after, current.Version, audit, cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException("The case kept changing while a referral step was applied to it; the message will be delivered again.");
    }

    private static bool TryRead(ExchangeMessage message, out Guid referralId, out Func<Referral?, DateTimeOffset, Receipt> receive)
    {
        if (ReferralMessages.TryReadDelivery(message, out var delivery))
        {
            referralId = delivery.ReferralId;
            receive = (copy, now) => ReferralExchange.Receive(copy, delivery, now);
            return true;
        }

        if (ReferralMessages.TryReadStep(message, out var id, out var step))
        {
            referralId = id.Value;
            receive = (copy, now) => ReferralExchange.Receive(copy, step, now);
            return true;
        }

        if (ReferralMessages.TryReadPosted(message, out var posted))
        {
            referralId = posted.ReferralId;
            receive = (copy, now) => ReferralThread.Receive(copy, posted, Guid.CreateVersion7(now), now);
            return true;
        }

        if (ReferralMessages.TryReadReceipt(message, out var receipt))
        {
            referralId = receipt.ReferralId;
            receive = (copy, now) => ReferralThread.Confirm(copy, receipt, now);
            return true;
        }

        referralId = Guid.Empty;
        receive = (_, _) => new Receipt(ReceiptKind.Rejected, null);
        return false;
    }
}
