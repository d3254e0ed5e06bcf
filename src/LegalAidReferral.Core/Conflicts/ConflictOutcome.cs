namespace LegalAidReferral.Core.Conflicts;

/// <summary>What staff concluded after the conflict check of a case.</summary>
public enum ConflictOutcome
{
    None,
    Potential,
    Confirmed,
}
