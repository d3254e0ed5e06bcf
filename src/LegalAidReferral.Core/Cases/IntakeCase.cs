using System.Globalization;
using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Core.Cases;

/// <summary>Takes in a new case for the caller's office.</summary>
public sealed class IntakeCase(
    AccessPolicy access,
    ICaseStore store,
    ICaseReferenceSequence references,
    IOfficeDirectory offices,
    IdempotencyGuard idempotency,
    CaseAuditor auditor,
    TimeProvider clock)
{
    public sealed record Command(IntakeInput Input, string? IdempotencyKey, string RequestHash);

    public sealed record Outcome(Case Case, bool Replayed);

    public async Task<Result<Outcome>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.IntakeCase, call.Caller) is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow();
        var details = CaseDetailsValidator.Validate(command.Input, DateOnly.FromDateTime(now.UtcDateTime));
        var channel = IntakeChannel.Staff;
        var channelValid = command.Input.Channel is null || Kebab<IntakeChannel>.TryParse(command.Input.Channel, out channel);
        if (!details.IsSuccess || !channelValid)
        {
            var errors = new Dictionary<string, string[]>(details.Failure?.Errors ?? new Dictionary<string, string[]>(), StringComparer.Ordinal);
            if (!channelValid)
            {
                errors["channel"] = [$"Unknown value. Allowed values: {Kebab<IntakeChannel>.Allowed}."];
            }

            return new Failure(FailureKind.Validation, "The request has invalid fields.", errors);
        }

        var officeId = call.Caller.OfficeId;
        var office = await offices.FindAsync(officeId, cancellationToken);
        if (office is null)
        {
            return Failure.Forbidden("Your office is not in the network directory.");
        }

        // A client (the chat) takes in their own case: its id is the one the client is bound to, so a retry finds it.
        var id = call.Caller is ClientCaller client
            ? (Result<Guid>)client.CaseId
            : await idempotency.ResourceIdAsync($"{officeId}/cases", command.IdempotencyKey, command.RequestHash, cancellationToken);
        if (!id.IsSuccess)
        {
            return id.Failure;
        }

        // Only a key (or a client's bound id) can name an id that may already exist; a fresh id needs no look-up.
        if ((command.IdempotencyKey is not null || call.Caller is ClientCaller) && await store.FindAsync(officeId, id.Value, cancellationToken) is { } earlier)
        {
            return new Outcome(earlier, Replayed: true);
        }

        var year = now.Year;
        var number = await references.NextAsync(officeId, year, cancellationToken);
        var reference = string.Create(CultureInfo.InvariantCulture, $"{office.ReferencePrefix}-{year}-{number.Number:D6}");
        var created = Case.Open(id.Value, officeId, reference, channel, details.Value, call.Caller.Id, now);
        if (!await store.TryCreateAsync(created, number, auditor.Entries(call, officeId, created.Id, AuditAction.CaseCreated), cancellationToken))
        {
            // A concurrent retry with the same key won the race: answer with its case.
            return await store.FindAsync(officeId, id.Value, cancellationToken) is { } winner
                ? new Outcome(winner, Replayed: true)
                : new Failure(FailureKind.Conflict, "Another request with this Idempotency-Key is being processed. Retry it.");
        }

        return new Outcome(created, Replayed: false);
    }
}
