using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// Which part of the read model a query reads: months <see cref="FromPeriod"/> to
/// <see cref="ToPeriod"/> (both included), and optionally a country (either end of the corridor),
/// an office (either end), a corridor (<see cref="FromCountry"/> to <see cref="ToCountry"/>), a
/// kind and a priority. The store applies these; gender and group are applied to the cells in memory.
/// </summary>
public sealed record ReviewQuery(
    string FromPeriod,
    string ToPeriod,
    string? Country = null,
    string? OfficeId = null,
    string? FromCountry = null,
    string? ToCountry = null,
    ReferralKind? Kind = null,
    Priority? Priority = null)
{
    public bool Matches(string fromOfficeId, string toOfficeId, string fromCountry, string toCountry, ReferralKind kind, Priority priority) =>
        (Country is null || Country == fromCountry || Country == toCountry)
        && (OfficeId is null || OfficeId == fromOfficeId || OfficeId == toOfficeId)
        && (FromCountry is null || FromCountry == fromCountry)
        && (ToCountry is null || ToCountry == toCountry)
        && (Kind is null || Kind == kind)
        && (Priority is null || Priority == priority);
}
