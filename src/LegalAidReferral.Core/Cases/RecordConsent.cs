using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Core.Cases;

/// <summary>Records the client's consent (given or refused) for one purpose.</summary>
public sealed class RecordConsent(
    AccessPolicy access,
    CaseReader reader,
    CaseMutation mutation, IOfficeDirectory offices, IdempotencyGuard idempotency, CaseAuditor auditor, TimeProvider clock)
{
    public sealed record Command(Guid CaseId, ConsentInput Input, ExpectedVersion? ExpectedVersion, string? IdempotencyKey, string RequestHash);

    public sealed record Outcome(Case Case, Consent Consent, bool Replayed);

    public async Task<Result<Outcome>> HandleAsync(Command command, CallContext call, CancellationToken cancellationToken)
    {
        if (access.Admit(UseCase.RecordConsent, call.Caller) is { } denied)
        {
            return denied;
        }

        var errors = new ValidationErrors();
        var input = command.Input;
        var purpose = FieldRules.Enum<ConsentPurpose>(input.Purpose, "purpose", errors);
        var channel = FieldRules.Enum<ConsentChannel>(input.Channel, "channel", errors);

        if (input.Given is null)
        {
            errors.Add("given", "State whether the consent was given (true) or refused (false).");
        }

        var language = FieldRules.Code(
            input.Language, "language", FieldRules.LanguageTag(), FieldLimits.LanguageTag, upper: false, "a language tag such as es or ht", errors);
        if (input.Language is null)
        {
            errors.Add("language", "The language the consent was asked in is required, as a language tag such as es or ht.");
        }

        var sharedWith = FieldRules.Text(input.OfficeId, "officeId", FieldLimits.OfficeId, errors);
        if (sharedWith is not null)
        {
            if (purpose != ConsentPurpose.ShareWithOffice)
            {
                errors.Add("officeId", "Only a share-with-office consent names an office.");
            }
            else if (await offices.FindAsync(sharedWith, cancellationToken) is null)
            {
                errors.Add("officeId", "No office of the network has this id.");
            }
        }

        var evidenceDocumentId = FieldRules.Text(input.EvidenceDocumentId, "evidenceDocumentId", FieldLimits.EvidenceDocumentId, errors);
        var evidenceReference = FieldRules.Text(input.EvidenceReference, "evidenceReference", FieldLimits.EvidenceReference, errors);

        if (errors.Any)
        {
            return errors.ToFailure();
        }

        var officeId = call.Caller.OfficeId;
        var id = await idempotency.ResourceIdAsync($"{officeId}/cases/{command.CaseId}/consents", command.IdempotencyKey, command.RequestHash, cancellationToken);
        if (!id.IsSuccess)
        {
            return id.Failure;
        }

        // A retry of a recorded consent is answered before the expected version is checked: the first attempt changed the version.
        if (command.IdempotencyKey is not null
            && (await reader.FindAsync(UseCase.RecordConsent, call.Caller, command.CaseId, cancellationToken)).Value is { } existing
            && existing.Consents.FirstOrDefault(c => c.Id == id.Value) is { } earlier)
        {
            return new Outcome(existing, earlier, Replayed: true);
        }

        var result = await mutation.ApplyAsync(UseCase.RecordConsent, call.Caller, command.CaseId, command.ExpectedVersion, current =>
        {
            if (current.Consents.Any(c => c.Id == id.Value))
            {
                return current;
            }

            if (current.Consents.Count >= FieldLimits.ConsentsPerCase)
            {
                return new Failure(
                    FailureKind.Conflict,
                    $"This case already holds {FieldLimits.ConsentsPerCase} consents, the most a case can hold. Withdrawn and refused consents stay on the case.");
            }

            var consent = new Consent(
                id.Value, purpose!.Value, sharedWith, input.Given!.Value, clock.GetUtcNow(), channel!.Value, language!,
                call.Caller.Id, evidenceDocumentId, evidenceReference);
            return current.WithConsent(consent, clock.GetUtcNow());
        }, (_, after) => auditor.Entries(call, officeId, after.Id, AuditAction.ConsentRecorded, $"consent:{Kebab<ConsentPurpose>.Name(purpose!.Value)}"), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Failure;
        }

        var (before, after) = result.Value;
        var recorded = after.Consents.Single(c => c.Id == id.Value);
        return new Outcome(after, recorded, Replayed: ReferenceEquals(before, after));
    }
}
