namespace LegalAidReferral.Core.Triage;

public enum TriageDecision
{
    Eligible,
    NotEligible,
    Refer,
    NeedsInformation,
}

public enum CriterionStatus
{
    Passed,
    Failed,
    NotApplicable,
    NeedsInformation,
}

public enum TriageCriterionKind
{
    Jurisdiction,
    Mandate,
    MeansTest,
    ConflictOfInterest,
}
