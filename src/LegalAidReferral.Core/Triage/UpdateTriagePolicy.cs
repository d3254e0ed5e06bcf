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

        return await NextVersion.AddAsync(
            command.ExpectedVersion,
            async () => (await store.FindCurrentAsync(command.OfficeId, cancellationToken))?.Version,
            version => TriagePolicyValidator.Validate(command.Input, command.OfficeId, version, clock.GetUtcNow(), call.Caller.Id),
            policy => store.TryAddAsync(policy, cancellationToken));
    }
}
