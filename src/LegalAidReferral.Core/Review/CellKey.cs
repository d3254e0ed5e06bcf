using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// One aggregate cell: a month x the two offices (and so the corridor) x kind x priority x gender x
/// the named vulnerable groups (<see cref="ReviewGroups"/> mask). Every query adds up cells, so
/// the figures of any filter come from a few thousand cells, never from the raw events.
/// </summary>
public sealed record CellKey(
    string Period,
    string FromOfficeId,
    string ToOfficeId,
    string FromCountry,
    string ToCountry,
    ReferralKind Kind,
    Priority Priority,
    GenderCategory Gender,
    int Groups)
{
    /// <summary>From country to country, e.g. <c>GT-MX</c>.</summary>
    public string Corridor => $"{FromCountry}-{ToCountry}";

    /// <summary>The cell's id in storage: its parts joined (office ids are slugs, so they hold no separator).</summary>
    public string Id =>
        string.Join('|', Period, FromOfficeId, ToOfficeId, FromCountry, ToCountry, Kebab<ReferralKind>.Name(Kind), Kebab<Priority>.Name(Priority), Kebab<GenderCategory>.Name(Gender), Groups);

    public static CellKey Of(ProtocolEvent e, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new CellKey(
            ReviewPeriods.MonthOf(e.OccurredAt, zone), e.FromOfficeId, e.ToOfficeId, e.FromCountry, e.ToCountry, e.Kind, e.Priority, e.Gender,
            ReviewGroups.MaskOf(e.VulnerableGroups));
    }
}

/// <summary>A stored cell and what it holds.</summary>
public sealed record AdherenceCell(CellKey Key, CellCounts Counts);
