using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>
/// Withdraws a consent at once; it stays on the case, marked withdrawn. Then its effects beyond the
/// case run (<see cref="IConsentWithdrawalEffects"/>), also when a retry finds it already withdrawn.
/// </summary>
public sealed class WithdrawConsent(
    AccessPolicy access, CaseMutation mutation, CaseReader reader, IConsentWithdrawalEffects effects, CaseAuditor auditor, TimeProvider clock)
{
    public sealed record Command(Guid CaseId, Guid ConsentId, ConsentWithdrawalInput Input, ExpectedVersion? ExpectedVersion);

    public sealed record Outcome(Case Case, Consent Consent);

    public async Task<Result<Outcome>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.WithdrawConsent, call.Caller) is { } denied)
        {
            return denied;
        }

        var channel = ConsentChannel.InPerson;
        if (command.Input.Channel is not null && !Kebab<ConsentChannel>.TryParse(command.Input.Channel, out channel))
        {
            return Failure.Invalid("channel", $"Unknown value. Allowed values: {Kebab<ConsentChannel>.Allowed}.");
        }

        var result = await mutation.ApplyAsync(
            UseCase.WithdrawConsent,
            call.Caller,
            command.CaseId,
            command.ExpectedVersion,
            current => current.WithdrawConsent(command.ConsentId, channel, call.Caller.Id, clock.GetUtcNow()),
            (_, after) => auditor.Entries(
                call, after.OfficeId, after.Id, AuditAction.ConsentWithdrawn,
                $"consent:{Kebab<ConsentPurpose>.Name(after.Consents.Single(c => c.Id == command.ConsentId).Purpose)}"),
            cancellationToken);
        if (!result.IsSuccess)
        {
            if (result.Failure.Kind == FailureKind.InvalidTransition
                && (await reader.FindAsync(UseCase.WithdrawConsent, call.Caller, command.CaseId, cancellationToken)).Value is { } current
                && current.Consents.FirstOrDefault(c => c.Id == command.ConsentId) is { WithdrawnAt: not null } earlier)
            {
                await effects.ApplyAsync(current, earlier, call, cancellationToken);
            }

            return result.Failure;
        }

        var after = result.Value.After;
        var withdrawn = after.Consents.Single(c => c.Id == command.ConsentId);
        await effects.ApplyAsync(after, withdrawn, call, cancellationToken);
        return new Outcome(after, withdrawn);
    }
}
