namespace LegalAidReferral.Core.Triage.Input;

/// <summary>
/// The body of <c>PUT /api/offices/{officeId}/policy</c> and the content of a seed policy file. The
/// office and the version come from the route and the store, never from the document.
/// </summary>
public sealed record TriagePolicyInput
{
    public string? Description { get; init; }

    public List<TriageCriterionInput?>? Criteria { get; init; }

    public List<PriorityRuleInput?>? PriorityRules { get; init; }

    public string? DefaultPriority { get; init; }

    public ReferralSettingsInput? Referral { get; init; }
}

public sealed record TriageCriterionInput
{
    public string? Id { get; init; }

    public string? Kind { get; init; }

    public List<string?>? Countries { get; init; }

    public List<string?>? Localities { get; init; }

    public List<string?>? LegalIssues { get; init; }

    public string? Currency { get; init; }

    public List<decimal>? Thresholds { get; init; }

    public decimal? AdditionalMemberIncrement { get; init; }

    public List<string?>? WaivedFor { get; init; }

    public List<string?>? AppliesToLegalIssues { get; init; }
}

public sealed record PriorityRuleInput
{
    public string? Id { get; init; }

    public string? Priority { get; init; }

    public List<string?>? AnyVulnerability { get; init; }

    public int? HearingWithinDays { get; init; }

    public int? DetainedWithinDays { get; init; }

    public int? DeadlineWithinDays { get; init; }
}

public sealed record ReferralSettingsInput
{
    public bool? RecommendOffices { get; init; }

    public int? MaxOffices { get; init; }
}
