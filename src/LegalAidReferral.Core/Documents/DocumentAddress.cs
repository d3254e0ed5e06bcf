using System.Text.RegularExpressions;

namespace LegalAidReferral.Core.Documents;

/// <summary>
/// Where a document's bytes are stored: office, case and content id, nothing the user typed, so a
/// storage path built from it can never leave its office's folder or prefix.
/// </summary>
public sealed partial record DocumentAddress
{
    public DocumentAddress(string officeId, Guid caseId, Guid contentId)
    {
        if (!OfficeIdPattern().IsMatch(officeId ?? string.Empty))
        {
            throw new ArgumentException("An office id is lower-case letters, digits and hyphens.", nameof(officeId));
        }

        OfficeId = officeId!;
        CaseId = caseId;
        ContentId = contentId;
    }

    public string OfficeId { get; }

    public Guid CaseId { get; }

    public Guid ContentId { get; }

    /// <summary>The office id as a path segment: only <c>[a-z0-9-]</c>, checked by the constructor.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    public static partial Regex OfficeIdPattern();
}
