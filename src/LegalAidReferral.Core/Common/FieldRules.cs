using System.Text.RegularExpressions;

namespace LegalAidReferral.Core.Common;

/// <summary>
/// Field checks the validators share. Each reports into <see cref="ValidationErrors"/> under the
/// field's JSON path and returns the parsed value, or null (or an empty list) when it is invalid.
/// </summary>
public static partial class FieldRules
{
    /// <summary>
    /// A text field through <see cref="TextRule"/>: the cleaned text, or null when it is absent,
    /// blank (reported when <paramref name="required"/>) or rejected (reported).
    /// </summary>
    public static string? Text(string? value, string field, int maxLength, ValidationErrors errors, bool required = false, bool multiline = false)
    {
        var (text, problem) = value is null ? (string.Empty, null) : TextRule.Apply(value, maxLength, multiline);
        if (problem is not null)
        {
            errors.Add(field, problem);
            return null;
        }

        if (text!.Length == 0)
        {
            if (required)
            {
                errors.Add(field, "This field is required.");
            }

            return null;
        }

        return text;
    }

    /// <summary>A list of required texts; every entry kept, in order.</summary>
    public static IReadOnlyList<string> Texts(List<string?>? values, string field, int maxEntries, int maxLength, ValidationErrors errors)
    {
        var result = new List<string>();
        if (!WithinLimit(values, field, maxEntries, errors))
        {
            return result;
        }

        for (var i = 0; i < values!.Count; i++)
        {
            if (Text(values[i], $"{field}[{i}]", maxLength, errors, required: true) is { } text)
            {
                result.Add(text);
            }
        }

        return result;
    }

    /// <summary>A code such as a country or language: the text rule, then the pattern, in the pattern's case.</summary>
    public static string? Code(string? value, string field, Regex pattern, int maxLength, bool upper, string expected, ValidationErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        // The pattern, not the length, tells the caller what a code looks like; the length bounds what the pattern lets repeat.
        var errorsBefore = errors.Count;
        var text = Text(value, field, int.MaxValue, errors);
        if (errors.Count > errorsBefore)
        {
            return null;
        }

        var normalized = upper ? text?.ToUpperInvariant() : text?.ToLowerInvariant();
        if (normalized is null || !pattern.IsMatch(normalized))
        {
            errors.Add(field, $"The value must be {expected}.");
            return null;
        }

        if (normalized.Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters are allowed.");
            return null;
        }

        return normalized;
    }

    /// <summary>Each entry a required code; duplicates kept once, in first-seen order.</summary>
    public static IReadOnlyList<string> Codes(List<string?>? values, string field, int maxEntries, Regex pattern, int maxLength, bool upper, string expected, ValidationErrors errors)
    {
        var result = new List<string>();
        if (!WithinLimit(values, field, maxEntries, errors))
        {
            return result;
        }

        for (var i = 0; i < values!.Count; i++)
        {
            if (values[i] is null)
            {
                errors.Add($"{field}[{i}]", "The value cannot be null.");
            }
            else if (Code(values[i], $"{field}[{i}]", pattern, maxLength, upper, expected, errors) is { } code && !result.Contains(code))
            {
                result.Add(code);
            }
        }

        return result;
    }

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

    /// <summary>
    /// A well-formed BCP 47 (RFC 5646) language tag in lower case: language, then optional script,
    /// region and variants, e.g. <c>es</c>, <c>ht</c>, <c>es-gt</c>, <c>es-419</c>, <c>zh-hant-tw</c>.
    /// </summary>
    [GeneratedRegex("^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$")]
    public static partial Regex LanguageTag();
}
