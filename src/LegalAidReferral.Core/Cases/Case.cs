using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Triage;

namespace LegalAidReferral.Core.Cases;

/// <summary>
/// A migrant's case, owned by one office. Immutable: every change returns a new instance with the
/// next <see cref="Version"/>, which stores use for optimistic concurrency.
/// </summary>
public sealed record Case
{
    public required Guid Id { get; init; }

    public required string OfficeId { get; init; }

    public required string Reference { get; init; }

    public required IntakeChannel Channel { get; init; }

    public required CaseDetails Details { get; init; }

    public required CaseStatus Status { get; init; }

    /// <summary>The effective priority: the supervisor's override if any, else the triage result's.</summary>
    public Priority? Priority { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }

    /// <summary>True only for the demonstration cases the standalone host seeds.</summary>
    public bool Demo { get; init; }

    public IReadOnlyList<Consent> Consents { get; init; } = [];

    public IReadOnlyList<StatusChange> StatusHistory { get; init; } = [];

    public ConflictCheck? ConflictCheck { get; init; }

    /// <summary>The outcome recorded for the conflict check, always equal to <see cref="ConflictCheck"/>'s; triage reads it.</summary>
    public ConflictOutcome? ConflictOutcome { get; init; }

    public TriageResult? Triage { get; init; }

    /// <summary>The chat side of the case, for a case the client reaches through the chat (docs/chat.md).</summary>
    public CaseChat? Chat { get; init; }

    public static Case Open(Guid id, string officeId, string reference, IntakeChannel channel, CaseDetails details, string by, DateTimeOffset now) =>
        new()
        {
            Id = id,
            OfficeId = officeId,
            Reference = reference,
            Channel = channel,
            Details = details,
            Status = CaseStatus.Intake,
            CreatedAt = now,
            CreatedBy = by,
            UpdatedAt = now,
            Version = 1,
        };

    /// <summary>New details; a triage result that read data which changed becomes stale (and current again if it is changed back).</summary>
    public Case WithDetails(CaseDetails details, DateTimeOffset now) =>
        this with
        {
            Details = details,
            Triage = Triage?.CheckedAgainst(details, ConflictOutcome),
            UpdatedAt = now,
            Version = Version + 1,
        };

    /// <summary>
    /// Stores a new triage result, replacing the previous one and its override (they judged other
    /// data). From intake the case moves to triaged; a triaged case is re-evaluated where it is.
    /// </summary>
    public Result<Case> WithTriage(TriageResult result, string by, DateTimeOffset now)
    {
        var moved = Status switch
        {
            CaseStatus.Intake => TransitionTo(CaseStatus.Triaged, null, by, now),
            CaseStatus.Triaged => this,
            _ => Failure.InvalidTransition(
                $"Triage runs on cases in status 'intake' or 'triaged'; this case is '{Kebab<CaseStatus>.Name(Status)}'."),
        };
        if (!moved.IsSuccess)
        {
            return moved.Failure;
        }

        return moved.Value with { Triage = result, Priority = result.Priority, UpdatedAt = now, Version = Version + 1 };
    }

    /// <summary>Records a supervisor's decision beside the evaluated result, which stays as it was.</summary>
    public Result<Case> WithTriageOverride(TriageOverride triageOverride, DateTimeOffset now)
    {
        if (Triage is null)
        {
            return Failure.InvalidTransition("This case has no triage result to override. Run triage first.");
        }

        if (Status != CaseStatus.Triaged)
        {
            return Failure.InvalidTransition(
                $"A triage result can be overridden while the case is 'triaged'; this case is '{Kebab<CaseStatus>.Name(Status)}'.");
        }

        return this with
        {
            Triage = Triage with { Override = triageOverride },
            Priority = triageOverride.Priority,
            UpdatedAt = now,
            Version = Version + 1,
        };
    }

    public Result<Case> TransitionTo(CaseStatus to, string? reason, string by, DateTimeOffset now)
    {
        if (CaseTransitions.Find(Status, to) is not { } rule)
        {
            var allowed = string.Join(", ", CaseTransitions.AllowedFrom(Status).Select(Kebab<CaseStatus>.Name));
            return Failure.InvalidTransition(
                $"A case in status '{Kebab<CaseStatus>.Name(Status)}' cannot move to '{Kebab<CaseStatus>.Name(to)}'. Allowed: {(allowed.Length == 0 ? "none" : allowed)}.");
        }

        if (rule.ReasonRequired && string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Invalid("reason", $"A reason is required to move a case to '{Kebab<CaseStatus>.Name(to)}'.");
        }

        // The table has cycles (closed -> open -> closed), so the history needs a bound of its own.
        if (StatusHistory.Count >= FieldLimits.StatusChangesPerCase)
        {
            return new Failure(
                FailureKind.Conflict,
                $"This case has moved status {FieldLimits.StatusChangesPerCase} times, the most a case can record. Open a new case to continue.");
        }

        var change = new StatusChange(Status, to, now, by, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        return this with { Status = to, StatusHistory = [.. StatusHistory, change], UpdatedAt = now, Version = Version + 1 };
    }

    /// <summary>
    /// Another office accepted to represent the client: the case moves to referred-out, recorded with
    /// <paramref name="reason"/> (which names the referral). Already referred out or closed, it stays as
    /// it is; and one referral moves it once, so a redelivered acceptance never undoes a later reopening.
    /// </summary>
    public Case ReferredOut(string reason, string by, DateTimeOffset now)
    {
        if (!CaseTransitions.ReferredOutFrom.Contains(Status) || StatusHistory.Any(c => c.To == CaseStatus.ReferredOut && c.Reason == reason))
        {
            return this;
        }

        var change = new StatusChange(Status, CaseStatus.ReferredOut, now, by, reason);
        return this with { Status = CaseStatus.ReferredOut, StatusHistory = [.. StatusHistory, change], UpdatedAt = now, Version = Version + 1 };
    }

    public Case WithChat(CaseChat chat, DateTimeOffset now) => this with { Chat = chat, UpdatedAt = now, Version = Version + 1 };

    public Case WithConsent(Consent consent, DateTimeOffset now) =>
        this with { Consents = [.. Consents, consent], UpdatedAt = now, Version = Version + 1 };

    public Result<Case> WithdrawConsent(Guid consentId, ConsentChannel channel, string by, DateTimeOffset now)
    {
        var consent = Consents.FirstOrDefault(c => c.Id == consentId);
        if (consent is null)
        {
            return Failure.NotFound("consent");
        }

        if (!consent.IsInForce)
        {
            return Failure.InvalidTransition(consent.Given
                ? "This consent was already withdrawn."
                : "This consent was refused, so there is nothing to withdraw.");
        }

        var withdrawn = consent with { WithdrawnAt = now, WithdrawnBy = by, WithdrawalChannel = channel };
        return this with
        {
            Consents = Consents.Select(c => c.Id == consentId ? withdrawn : c).ToArray(),
            UpdatedAt = now,
            Version = Version + 1,
        };
    }

    public Case WithConflictCheck(IReadOnlyList<ConflictCheckHit> candidates, string by, DateTimeOffset now) =>
        this with
        {
            ConflictCheck = ConflictCheck is { } earlier
                ? earlier with { CheckedAt = now, CheckedBy = by, Candidates = candidates }
                : new ConflictCheck(now, by, candidates, null, null, null, null),
            UpdatedAt = now,
            Version = Version + 1,
        };

    public Result<Case> WithConflictOutcome(ConflictOutcome outcome, string? note, string by, DateTimeOffset now)
    {
        if (ConflictCheck is null)
        {
            return Failure.InvalidTransition("Run the conflict check of this case before recording its outcome.");
        }

        return this with
        {
            ConflictCheck = ConflictCheck with { Outcome = outcome, Note = note, OutcomeAt = now, OutcomeBy = by },
            ConflictOutcome = outcome,
            Triage = Triage?.CheckedAgainst(Details, outcome),
            UpdatedAt = now,
            Version = Version + 1,
        };
    }
}
