using System.Security.Cryptography;
using System.Text;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;

namespace LegalAidReferral.Core.Triage;

/// <summary>
/// A fingerprint of exactly the case data triage reads: location, household, vulnerabilities, legal
/// issue types, key dates and the conflict outcome. A change elsewhere (a name, a phone number) leaves
/// the result current; a change here makes it stale.
/// </summary>
public static class TriageInputs
{
    public static string Fingerprint(CaseDetails details, ConflictOutcome? conflict)
    {
        ArgumentNullException.ThrowIfNull(details);
        var text = new StringBuilder()
            .Append("location:").Append(details.Client.CurrentLocation?.Country).Append('/').Append(details.Client.CurrentLocation?.Locality?.ToUpperInvariant()).Append('\n')
            .Append("household:").Append(details.Household?.Size).Append('/').Append(details.Household?.MonthlyIncome?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append('/').Append(details.Household?.Currency).Append('\n')
            .Append("vulnerabilities:").AppendJoin(',', details.Vulnerabilities.Select(Kebab<Vulnerability>.Name).Order(StringComparer.Ordinal)).Append('\n')
            .Append("issues:").AppendJoin(',', details.LegalIssues.Select(i => Kebab<LegalIssueType>.Name(i.Type)).Distinct().Order(StringComparer.Ordinal)).Append('\n')
            .Append("dates:").Append(details.KeyDates.DetentionDate?.ToString("O")).Append('/').Append(details.KeyDates.HearingDate?.ToString("O")).Append('/')
            .AppendJoin(',', details.KeyDates.Deadlines.Select(d => d.Date.ToString("O")).Order(StringComparer.Ordinal)).Append('\n')
            .Append("conflict:").Append(conflict is { } c ? Kebab<ConflictOutcome>.Name(c) : "unchecked");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
