using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Referrals.Input;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Posts a message to the thread of the caller's office's copy of a referral (<see cref="ReferralThread"/>):
/// the copy with the message and the message for the other office are one write, as for a step. A
/// retry with the same Idempotency-Key finds the message it posted. The audit entry names the message
/// id, never its text.
/// </summary>
public sealed class PostReferralMessage(ReferralReader reader, IReferralStore store, IdempotencyGuard idempotency, ReferralAudit audit, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public sealed record Command(Guid ReferralId, ReferralMessageInput Input, string? IdempotencyKey, string RequestHash);

    public sealed record Outcome(ThreadMessage Message, bool Replayed);

    public async Task<Result<Outcome>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(call);
        var found = await reader.FindAsync(UseCase.PostReferralMessage, call.Caller, command.ReferralId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Failure;
        }

        var errors = new ValidationErrors();
        var text = FieldRules.Text(command.Input.Text, "text", ReferralThread.MaxText, errors, required: true, multiline: true);
        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var id = await idempotency.ResourceIdAsync($"{call.Caller.OfficeId}/referrals/{command.ReferralId:D}/messages", command.IdempotencyKey, command.RequestHash, cancellationToken);
        if (!id.IsSuccess)
        {
            return id.Failure;
        }

        var current = found.Value;
        for (var attempt = 1; ; attempt++)
        {
            if (current.Thread.FirstOrDefault(m => m.Id == id.Value) is { } earlier)
            {
                return new Outcome(earlier, Replayed: true);
            }

            var now = clock.GetUtcNow();
            var post = ReferralThread.Post(current, call.Caller, id.Value, text!, now);
            if (!post.IsSuccess)
            {
                return post.Failure;
            }

            var changed = post.Value.Referral;
            var entries = audit.Entries(call, changed, AuditAction.ReferralMessagePosted, $"message:{id.Value:D}");
            if (await store.TryReplaceAsync(changed, current.Version, [ReferralMessages.Of(changed, post.Value.Message)], entries, cancellationToken))
            {
                return new Outcome(post.Value.Message, Replayed: false);
            }

            var fresh = await reader.FindAsync(UseCase.PostReferralMessage, call.Caller, command.ReferralId, cancellationToken);
            if (!fresh.IsSuccess || attempt == MaxAttempts)
            {
                return fresh.IsSuccess ? new Failure(FailureKind.Conflict, "The referral kept changing while the message was posted. Retry it.") : fresh.Failure;
            }

            current = fresh.Value;
        }
    }
}
