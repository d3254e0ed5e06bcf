using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Referrals;

public enum GenderCategory
{
    Female,
    Male,
    Other,
    NotStated,
}

public enum AgeBand
{
    Child,
    Adult,
    NotStated,
}

/// <summary>
/// The coarse categories a protocol event carries for disaggregated statistics, taken from the case
/// when the referral is sent and kept on both copies (the receiving office may not have the fields
/// they come from). Never a name, a date or free text.
/// </summary>
public sealed record ReferralCategories(GenderCategory Gender, AgeBand AgeBand, IReadOnlyList<Vulnerability> VulnerableGroups)
{
    /// <summary>Self-described genders, folded (lower case, no accents), read as female or male; anything else given is "other".</summary>
    private static readonly FrozenDictionary<string, GenderCategory> Genders = new Dictionary<string, GenderCategory>(StringComparer.Ordinal)
    {
        ["female"] = GenderCategory.Female,
        ["f"] = GenderCategory.Female,
        ["woman"] = GenderCategory.Female,
        ["mujer"] = GenderCategory.Female,
        ["femenino"] = GenderCategory.Female,
        ["femenina"] = GenderCategory.Female,
        ["feminino"] = GenderCategory.Female,
        ["mulher"] = GenderCategory.Female,
        ["femme"] = GenderCategory.Female,
        ["feminin"] = GenderCategory.Female,
        ["fanm"] = GenderCategory.Female,
        ["male"] = GenderCategory.Male,
        ["m"] = GenderCategory.Male,
        ["man"] = GenderCategory.Male,
        ["hombre"] = GenderCategory.Male,
        ["masculino"] = GenderCategory.Male,
        ["homem"] = GenderCategory.Male,
        ["homme"] = GenderCategory.Male,
        ["masculin"] = GenderCategory.Male,
        ["gason"] = GenderCategory.Male,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const int AdultAge = 18;

    /// <summary>The categories of <paramref name="details"/> on <paramref name="today"/> (the date the referral is sent).</summary>
    public static ReferralCategories Of(CaseDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new ReferralCategories(GenderOf(details.Client.Gender), AgeBandOf(details, today), details.Vulnerabilities.Order().ToArray());
    }

    private static GenderCategory GenderOf(string? gender)
    {
        if (string.IsNullOrWhiteSpace(gender))
        {
            return GenderCategory.NotStated;
        }

        return Genders.TryGetValue(Fold(gender), out var category) ? category : GenderCategory.Other;
    }

    /// <summary>From the birth date; without one, a child or unaccompanied-minor vulnerability still says child.</summary>
    private static AgeBand AgeBandOf(CaseDetails details, DateOnly today)
    {
        if (details.Client.BirthDate is { } born)
        {
            return born.AddYears(AdultAge) > today ? AgeBand.Child : AgeBand.Adult;
        }

        return details.Vulnerabilities.Any(v => v is Vulnerability.Child or Vulnerability.UnaccompaniedMinor) ? AgeBand.Child : AgeBand.NotStated;
    }

    private static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return string.Concat(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));
    }
}
