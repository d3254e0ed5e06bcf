using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// The vulnerable groups the regional model names, which the review disaggregates by. A referral
/// may be in several (each breakdown row counts it), or in none. Kept as a bit mask in the
/// aggregates, so the cells stay few.
/// </summary>
public static class ReviewGroups
{
    public const string None = "none";

    private static readonly Vulnerability[] Order =
        [Vulnerability.UnaccompaniedMinor, Vulnerability.Detained, Vulnerability.TraffickingVictim, Vulnerability.Pregnant];

    public static IReadOnlyList<Vulnerability> Named => Order;

    public static int MaskOf(IEnumerable<Vulnerability>? groups)
    {
        var mask = 0;
        foreach (var group in groups ?? [])
        {
            var index = IndexOf(group);
            mask |= index < 0 ? 0 : 1 << index;
        }

        return mask;
    }

    public static bool Has(int mask, Vulnerability group) => IndexOf(group) is var index and >= 0 && (mask & (1 << index)) != 0;

    private static int IndexOf(Vulnerability group) => Array.IndexOf(Order, group);
}
