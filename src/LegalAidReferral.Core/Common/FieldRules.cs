using System.Text.RegularExpressions;

namespace LegalAidReferral.Core.Common;

/// <summary>
/// Field checks the validators share. Each reports into <see cref="ValidationErrors"/> under the
/// field's JSON path and returns the parsed value, or null (or an empty list) when it is invalid.
/// </summary>
public static partial class FieldRules
{
    /// <summary>False for a missing list, and for one longer than <paramref name="max"/> (reported).</summary>
    public static bool WithinLimit<T>(List<T>? list, string field, int max, ValidationErrors errors)
    {
        if (list is null)
        {
            return false;
        }

        if (list.Count > max)
        {
            errors.Add(field, $"At most {max} entries are allowed.");
            return false;
        }

        return true;
    }

    public static TEnum? Enum<TEnum>(string? value, string field, ValidationErrors errors, bool required = true)
        where TEnum : struct, Enum
    {
        if (value is null && !required)
        {
            return null;
        }

        if (Kebab<TEnum>.TryParse(value, out var parsed))
        {
            return parsed;
        }

        errors.Add(field, $"{(value is null ? "This field is required." : "Unknown value.")} Allowed values: {Kebab<TEnum>.Allowed}.");
        return null;
    }

    /// <summary>Each entry parsed; duplicates kept once, in first-seen order.</summary>
    public static IReadOnlyList<TEnum> Enums<TEnum>(List<string?>? values, string field, int max, ValidationErrors errors)
        where TEnum : struct, Enum
    {
        var result = new List<TEnum>();
        if (!WithinLimit(values, field, max, errors))
        {
            return result;
        }

        for (var i = 0; i < values!.Count; i++)
        {
            if (Enum<TEnum>(values[i], $"{field}[{i}]", errors) is { } value && !result.Contains(value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>ISO 3166-1 alpha-2, in capitals.</summary>
    [GeneratedRegex("^[A-Z]{2}$")]
    public static partial Regex CountryCode();

    /// <summary>ISO 4217, in capitals.</summary>
    [GeneratedRegex("^[A-Z]{3}$")]
    public static partial Regex CurrencyCode();

    /// <summary>A BCP 47 language tag in lower case, e.g. <c>es</c>, <c>ht</c>, <c>es-gt</c>.</summary>
    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$")]
    public static partial Regex LanguageTag();
}
