namespace LegalAidReferral.Core.Common;

/// <summary>
/// The limits of every input field, in one place so the validators, the OpenAPI document and the
/// docs state the same numbers. Text lengths count Unicode code points (as JSON Schema's
/// <c>maxLength</c> does) after the text rule has normalised and trimmed the value.
/// </summary>
public static class FieldLimits
{
    /// <summary>A person's name or alias: client, adverse party.</summary>
    public const int PersonName = 200;

    public const int Locality = 200;

    public const int Gender = 100;

    /// <summary>E.164: a plus sign and up to 15 digits.</summary>
    public const int Phone = 16;

    public const int ChatHandle = 200;

    public const int DocumentNumber = 50;

    /// <summary>Descriptions, notes and reasons: several lines allowed.</summary>
    public const int LongText = 2000;

    public const int PolicyDescription = 500;

    /// <summary>RFC 5646 asks implementations to support language tags of at least 35 characters.</summary>
    public const int LanguageTag = 35;

    public const int CountryCode = 2;

    public const int CurrencyCode = 3;

    public const int OfficeId = 64;

    /// <summary>A staff member's user id as another deployment sends it (an Entra ID object id has 36 characters).</summary>
    public const int UserId = 128;

    public const int EvidenceDocumentId = 100;

    public const int EvidenceReference = 200;

    /// <summary>The text of a case search.</summary>
    public const int SearchText = 200;

    /// <summary>Entries of each list in the case details (aliases, documents, issues, deadlines, parties, ...).</summary>
    public const int CaseList = 20;

    /// <summary>Entries of each list inside a triage policy criterion or rule.</summary>
    public const int PolicyList = 50;

    public const int ConsentsPerCase = 50;

    public const int StatusChangesPerCase = 100;
}
