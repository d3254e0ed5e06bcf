using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals.Input;

namespace LegalAidReferral.Core.Referrals.Protocol;

/// <summary>
/// An office admin replaces the office's protocol settings, validated whole. Each change is stored
/// as the next version; earlier versions stay. Deadlines already running keep the due times stored
/// when their step started: only steps that start afterwards follow the new settings. The new version
/// goes to the other deployments through the outbox, in the same write (<see cref="ProtocolSettingsMessages"/>).
/// Only the deployment that serves the office changes its settings (not found elsewhere): the others
/// hold the versions it sends them, and a version made beside them would fork the office's history.
/// </summary>
public sealed class UpdateProtocolSettings(AccessPolicy access, IProtocolSettingsStore store, IOfficeDirectory offices, IServedOffices served, TimeProvider clock)
{
    public sealed record Command(string OfficeId, ProtocolSettingsInput Input, ExpectedVersion? ExpectedVersion);

    public async Task<Result<ProtocolSettings>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(call);
        if (await access.CheckAsync(UseCase.UpdateProtocolSettings, call.Caller, new AccessTarget(command.OfficeId), cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await offices.FindAsync(command.OfficeId, cancellationToken) is null
            || !(await served.ListAsync(cancellationToken)).Contains(command.OfficeId, StringComparer.Ordinal))
        {
            return Failure.NotFound("office");
        }

        var now = clock.GetUtcNow();
        return await NextVersion.AddAsync(
            command.ExpectedVersion,
            async () => (await store.CurrentAsync(command.OfficeId, cancellationToken))?.Version,
            version => ProtocolSettingsValidator.Validate(command.Input, command.OfficeId, version, now, call.Caller.Id),
            settings => store.TryAddAsync(settings, [ProtocolSettingsMessages.Of(settings, Guid.CreateVersion7(now), now)], cancellationToken));
    }
}
