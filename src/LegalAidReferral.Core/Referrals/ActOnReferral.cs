using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Referrals.Input;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// Takes an action on the caller's office's copy of a referral (acknowledge, accept, decline, assign,
/// first contact, outcome, revoke, close): the action table decides, the step is recorded with its due
/// times, and the changed copy, the step for the other office and its protocol event are one write.
/// With an expected version the copy must still be at it; without, a lost race is retried on fresh data.
/// </summary>
public sealed class ActOnReferral(
    ReferralReader reader,
    IReferralStore store,
    IOfficeDirectory offices,
    ReferralCalendars calendars,
    ReferralAudit audit,
    Pseudonyms pseudonyms,
    TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public sealed record Command(Guid ReferralId, ReferralAction Action, ReferralActionInput? Input, ExpectedVersion? ExpectedVersion);

    public async Task<Result<Referral>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            var found = await reader.FindAsync(UseCase.ActOnReferral, call.Caller, command.ReferralId, cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Failure;
            }

            var current = found.Value;
            if (command.ExpectedVersion is { } expected && !expected.Matches(current.Version))
            {
                return Failure.StaleVersion();
            }

            var receiver = await offices.FindAsync(current.ToOfficeId, cancellationToken)
                ?? throw new InvalidOperationException("A referral names an office that is not in the directory.");
            var (settings, calendar) = await calendars.ForAsync(receiver, cancellationToken);
            var details = ReferralActionValidator.Validate(command.Action, command.Input, settings.NotSuccessfulReasons);
            if (!details.IsSuccess)
            {
                return details.Failure;
            }

            var now = clock.GetUtcNow();
            var change = current.Act(command.Action, details.Value, call.Caller, Guid.CreateVersion7(now), now, calendar);
            if (!change.IsSuccess)
            {
                return change.Failure;
            }

            var changed = change.Value.Referral;
            var messages = ReferralMessages.Of(changed, change.Value.Step, null, pseudonyms);
            var entries = audit.Entries(call, changed, AuditAction.ReferralStepTaken, Kebab<ReferralAction>.Name(command.Action));
            if (await store.TryReplaceAsync(changed, current.Version, messages, entries, cancellationToken))
            {
                return changed;
            }

            if (attempt == MaxAttempts || command.ExpectedVersion is not null)
            {
                return Failure.StaleVersion();
            }
        }
    }
}
