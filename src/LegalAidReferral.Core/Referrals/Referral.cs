using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// One office's copy of a referral. The sending office's copy lives with the case (it holds the
/// <see cref="CaseId"/> and the list of shared fields); the receiving office's copy lives in the
/// receiving office's partition and holds the shared <see cref="Package"/> instead (no case id: the
/// sender's case stays invisible to it). Both hold the same steps and deadlines. Immutable: every
/// change returns a new instance with the next <see cref="Version"/>, for optimistic concurrency.
/// </summary>
public sealed record Referral
{
    public required Guid Id { get; init; }

    public required ReferralCopy Copy { get; init; }

    public required string FromOfficeId { get; init; }

    public required string ToOfficeId { get; init; }

    /// <summary>ISO 3166-1 alpha-2 of the sending office, for the corridor of protocol events.</summary>
    public required string FromCountry { get; init; }

    public required string ToCountry { get; init; }

    /// <summary>The sender's case; null on the receiving copy.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>
    /// The sender's case reference, to name the case in the sending office's alerts; null on the receiving copy (the
    /// reference is not among the shared fields) and on copies sent before it was kept.
    /// </summary>
    public string? CaseReference { get; init; }

    public required ReferralKind Kind { get; init; }

    /// <summary>What is asked, for <see cref="ReferralKind.Other"/> only.</summary>
    public string? KindDescription { get; init; }

    public required Priority Priority { get; init; }

    public required string Reason { get; init; }

    /// <summary>The case paths shared, in the order the sender listed them.</summary>
    public required IReadOnlyList<string> SharedFields { get; init; }

    /// <summary>The shared values; on the receiving copy only.</summary>
    public SharedPackage? Package { get; init; }

    public IReadOnlyList<string> DocumentIds { get; init; } = [];

    public required ConsentBasis Consent { get; init; }

    public required ReferralCategories Categories { get; init; }

    public required ReferralStatus Status { get; init; }

    public string? AssignedDefenderId { get; init; }

    public ReferralOutcome? Outcome { get; init; }

    /// <summary>The steps applied to this copy, in order; the first is <see cref="ReferralAction.Send"/>.</summary>
    public required IReadOnlyList<ReferralStep> Steps { get; init; }

    /// <summary>Steps of the other office that arrived after a revoke had ended the referral: kept, not applied.</summary>
    public IReadOnlyList<ReferralStep> Superseded { get; init; } = [];

    public required IReadOnlyList<ReferralDeadline> Deadlines { get; init; }

    /// <summary>The messages the two offices wrote each other (<see cref="ReferralThread"/>), in the order this copy stored them.</summary>
    public IReadOnlyList<ThreadMessage> Thread { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long Version { get; init; }

    /// <summary>The office whose partition holds this copy.</summary>
    public string HolderOfficeId => Copy == ReferralCopy.Sending ? FromOfficeId : ToOfficeId;

    /// <summary>The office that holds the other copy, where this copy's messages go.</summary>
    public string OtherOfficeId => Copy == ReferralCopy.Sending ? ToOfficeId : FromOfficeId;

    /// <summary>
    /// The side a caller acts on: staff of the sending or the receiving office, or the system; null
    /// for anyone else (staff of a third office, a client), who must not see the referral at all.
    /// </summary>
    public ReferralSide? SideOf(Caller caller) => caller switch
    {
        StaffCaller staff when staff.OfficeId == FromOfficeId => ReferralSide.SendingOffice,
        StaffCaller staff when staff.OfficeId == ToOfficeId => ReferralSide.ReceivingOffice,
        SystemCaller system when system.OfficeId == HolderOfficeId => ReferralSide.System,
        _ => null,
    };

    /// <summary>The actions <paramref name="caller"/> may take now (for the referral's <c>allowedActions</c>).</summary>
    public IReadOnlyList<ReferralAction> AllowedActions(Caller caller) =>
        SideOf(caller) is { } side && Holds(side) ? ReferralActions.AllowedFrom(Status, side, RolesOf(caller)).ToArray() : [];

    /// <summary>
    /// Takes <paramref name="action"/> on this copy for <paramref name="caller"/>: the action table
    /// decides (Forbidden, InvalidTransition), then the step is recorded with its due times.
    /// <paramref name="calendar"/> computes the deadlines the step starts; only the receiving office
    /// starts any (on accept), from its own settings.
    /// </summary>
    public Result<ReferralChange> Act(
        ReferralAction action, ReferralActionDetails details, Caller caller, Guid stepId, DateTimeOffset now, Protocol.DeadlineCalculator? calendar)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (SideOf(caller) is not { } side || !Holds(side))
        {
            return Failure.NotFound("referral");
        }

        var decided = ReferralActions.Decide(Status, action, side, RolesOf(caller));
        if (!decided.IsSuccess)
        {
            return decided.Failure;
        }

        var rule = decided.Value;
        if (rule.Starts.Count > 0 && calendar is null)
        {
            throw new ArgumentNullException(nameof(calendar), $"The step '{Kebab<ReferralAction>.Name(action)}' starts deadlines; pass the receiving office's calendar.");
        }

        var step = new ReferralStep(
            stepId, action, side, Status, rule.To, now, caller.Id, details.Note, details.Reason, details.DefenderId, details.Outcome,
            rule.Meets, rule.Meets is { } kind ? Deadlines.FirstOrDefault(d => d.Kind == kind)?.DueAt : null,
            rule.Starts.Select(k => calendar!.Start(k, Priority, now)).ToArray())
        {
            ReasonCode = details.ReasonCode,
        };
        return new ReferralChange(Apply(step, now), step);
    }

    /// <summary>The system's revoke when the client withdraws the consent the referral relied on (<see cref="ConsentGate.MustRevoke"/>).</summary>
    public Result<ReferralChange> RevokeForWithdrawnConsent(SystemCaller system, Guid stepId, DateTimeOffset now) =>
        Act(ReferralAction.Revoke, new ReferralActionDetails(null, ReferralStep.ConsentWithdrawnReason, null, null), system, stepId, now, null);

    /// <summary>What the exchange carries to the receiving office when a referral is sent.</summary>
    public ReferralDelivery Deliver(SharedPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (Copy != ReferralCopy.Sending || Steps.Count != 1)
        {
            throw new InvalidOperationException("Only a sending copy, as sent, is delivered.");
        }

        return new ReferralDelivery(
            Id, FromOfficeId, ToOfficeId, FromCountry, ToCountry, Kind, KindDescription, Priority, Reason, package, DocumentIds, Consent, Categories,
            Steps[0], Deadlines, CreatedAt);
    }

    /// <summary>Records an applied step: status, deadlines met, started or cancelled, and what the step carries.</summary>
    internal Referral Apply(ReferralStep step, DateTimeOffset now)
    {
        var deadlines = Deadlines
            .Select(d => d.IsOpen && d.Kind == step.Meets ? d with { MetAt = step.At } : d)
            .Concat(step.Starts)
            .Select(d => d.IsOpen && ReferralActions.Final.Contains(step.To) ? d with { CancelledAt = step.At } : d)
            .ToArray();
        return this with
        {
            Status = step.To,
            AssignedDefenderId = step.DefenderId ?? AssignedDefenderId,
            Outcome = step.Outcome ?? Outcome,
            Package = step.WithdrawsConsent ? Package?.Withdrawn(step.At) : Package,
            Thread = step.WithdrawsConsent && Copy == ReferralCopy.Receiving ? ReferralThread.Withdrawn(Thread, step.At) : Thread,
            Steps = [.. Steps, step],
            Deadlines = deadlines,
            UpdatedAt = now,
            Version = Version + 1,
        };
    }

    /// <summary>Each office acts on its own copy: staff of the sending office and the system on the sending copy, the receiving office on its own.</summary>
    private bool Holds(ReferralSide side) => (Copy == ReferralCopy.Receiving) == (side == ReferralSide.ReceivingOffice);

    private static IReadOnlySet<Role> RolesOf(Caller caller) => caller is StaffCaller staff ? staff.Roles : new HashSet<Role>();
}

/// <summary>A changed copy and the step that changed it (for the outbox message and the protocol event).</summary>
public sealed record ReferralChange(Referral Referral, ReferralStep Step);

/// <summary>An action's validated input (<see cref="ReferralActionValidator"/>); <paramref name="ReasonCode"/> is a decline's code.</summary>
public sealed record ReferralActionDetails(string? Note, string? Reason, string? DefenderId, ReferralOutcome? Outcome, DeclineReason? ReasonCode = null);
