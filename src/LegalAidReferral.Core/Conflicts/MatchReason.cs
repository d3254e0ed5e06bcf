namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// Why a candidate matched, as a language-neutral code that staff screens translate, with what was
/// compared on each side: folded name tokens, the names used, or document types (never numbers).
/// </summary>
public sealed record MatchReason(string Code, string? Query = null, string? Candidate = null)
{
    public const string NameExact = "name-exact";
    public const string NamePhonetic = "name-phonetic";
    public const string NameTypo = "name-typo";
    public const string Alias = "alias";
    public const string DocumentNumber = "document-number";
    public const string DocumentNumberMismatch = "document-number-mismatch";
    public const string BirthDateMatch = "birth-date-match";
    public const string BirthDateMismatch = "birth-date-mismatch";
}
