using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Triage.Input;

namespace LegalAidReferral.Core.Triage;

/// <summary>
/// An office admin replaces the office's triage policy. Each change is stored as the next version;
/// earlier versions stay, so every stored triage result can still name the policy it was judged by.
/// </summary>
public sealed class UpdateTriagePolicy(AccessPolicy access, ITriagePolicyStore store, IOfficeDirectory offices, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public sealed record Command(string OfficeId, TriagePolicyInput Input, ExpectedVersion? ExpectedVersion);

    public async Task<Result<TriagePolicy>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (await access.CheckAsync(UseCase.UpdateTriagePolicy, call.Caller, new AccessTarget(command.OfficeId), cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await offices.FindAsync(command.OfficeId, cancellationToken) is null)
        {
            return Failure.NotFound("office");
        }

        for (var attempt = 1; ; attempt++)
        {
            var current = await store.FindCurrentAsync(command.OfficeId, cancellationToken);
            if (command.ExpectedVersion is not null && !command.ExpectedVersion.Matches(current?.Version))
            {
                return Failure.StaleVersion();
            }

            var validated = TriagePolicyValidator.Validate(
                command.Input, command.OfficeId, (current?.Version ?? 0) + 1, clock.GetUtcNow(), call.Caller.Id);
            if (!validated.IsSuccess)
            {
                return validated.Failure;
            }

            if (await store.TryAddAsync(validated.Value, cancellationToken))
            {
                return validated.Value;
            }

            if (attempt == MaxAttempts)
            {
                return Failure.StaleVersion();
            }
        }
    }
}
