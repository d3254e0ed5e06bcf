namespace LegalAidReferral.Core.Referrals.Input;

/// <summary>The body of <c>POST /api/cases/{caseId}/referrals</c>.</summary>
public sealed record ReferralInput
{
    public string? ToOfficeId { get; init; }

    public string? Kind { get; init; }

    /// <summary>What is asked, for kind <c>other</c> only.</summary>
    public string? KindDescription { get; init; }

    public string? Reason { get; init; }

    /// <summary>Case paths from the allow-list (<see cref="SharedFields.Allowed"/>).</summary>
    public List<string?>? SharedFields { get; init; }

    public List<string?>? DocumentIds { get; init; }

    public ConsentOverrideInput? ConsentOverride { get; init; }
}

public sealed record ConsentOverrideInput
{
    public string? Reason { get; init; }
}

/// <summary>The body of <c>POST /api/referrals/{referralId}/{action}</c>; each action takes the fields it needs and no others.</summary>
public sealed record ReferralActionInput
{
    public string? Note { get; init; }

    /// <summary>Decline and revoke; a decline needs it only with <see cref="ReasonCode"/> <c>other</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>Decline: required, a <see cref="DeclineReason"/> code (<c>no-capacity</c>, ...).</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Assign: the receiving office's staff user id.</summary>
    public string? DefenderId { get; init; }

    /// <summary>Outcome.</summary>
    public bool? Successful { get; init; }

    /// <summary>Outcome when not successful: a code of the receiving office's list.</summary>
    public string? ReasonNotSuccessful { get; init; }
}
