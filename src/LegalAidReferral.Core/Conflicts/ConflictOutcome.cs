namespace LegalAidReferral.Core.Conflicts;

public enum ConflictOutcome
{
    None,
    Potential,
    Confirmed,
}
