using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Triage;

namespace LegalAidReferral.Functions.Offices;

/// <summary>One office as <c>GET /api/offices/{officeId}</c> shows it: the directory entry and its current triage policy.</summary>
public sealed record OfficeResource(
    string Id,
    string Name,
    string Institution,
    string Country,
    string Locality,
    string TimeZone,
    IReadOnlyList<string> Languages,
    FocalPoint FocalPoint,
    IReadOnlyList<LegalIssueType> Mandate,
    bool AcceptsCrossBorderReferrals,
    bool DemoUnit,
    string ReferencePrefix,
    TriagePolicy? Policy)
{
    public static OfficeResource Of(Office o, TriagePolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Id, o.Name, o.Institution, o.Country, o.Locality, o.TimeZone, o.Languages, o.FocalPoint, o.Mandate, o.AcceptsCrossBorderReferrals, o.DemoUnit, o.ReferencePrefix, policy);
    }
}
