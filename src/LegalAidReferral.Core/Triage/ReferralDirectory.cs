using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Core.Triage;

/// <summary>The offices triage may recommend, reduced to what the choice needs, in id order.</summary>
public sealed class ReferralDirectory
{
    private readonly Entry[] _entries;

    public ReferralDirectory(IEnumerable<Office> offices)
    {
        ArgumentNullException.ThrowIfNull(offices);
        _entries = offices
            .OrderBy(o => o.Id, StringComparer.Ordinal)
            .Select(o => new Entry(o.Id, o.Country, IssueMask.Of(o.Mandate), o.AcceptsCrossBorderReferrals))
            .ToArray();
    }

    /// <summary>
    /// Offices in <paramref name="country"/> whose mandate covers one of the issues, except the
    /// referring office; abroad, only offices that accept cross-border referrals.
    /// </summary>
    public string[] Recommend(string country, uint issues, string referringOfficeId, string referringCountry, int max)
    {
        var count = 0;
        foreach (var entry in _entries)
        {
            if (Fits(entry, country, issues, referringOfficeId, referringCountry))
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var result = new string[Math.Min(count, max)];
        var next = 0;
        foreach (var entry in _entries)
        {
            if (next < result.Length && Fits(entry, country, issues, referringOfficeId, referringCountry))
            {
                result[next++] = entry.Id;
            }
        }

        return result;
    }

    private static bool Fits(Entry entry, string country, uint issues, string referringOfficeId, string referringCountry) =>
        (entry.Mandate & issues) != 0
        && string.Equals(entry.Country, country, StringComparison.Ordinal)
        && !string.Equals(entry.Id, referringOfficeId, StringComparison.Ordinal)
        && (entry.AcceptsCrossBorder || string.Equals(entry.Country, referringCountry, StringComparison.Ordinal));

    private readonly record struct Entry(string Id, string Country, uint Mandate, bool AcceptsCrossBorder);
}
