using System.Collections.Frozen;
using System.Text.Json;

namespace LegalAidReferral.Core.Common;

/// <summary>Kebab-case names of enum values, as they appear on the wire.</summary>
public static class Kebab<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName =
        Enum.GetValues<TEnum>().ToFrozenDictionary(Name, v => v, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names { get; } = Enum.GetValues<TEnum>().Select(Name).ToArray();

    public static string Name(TEnum value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse(string? name, out TEnum value)
    {
        value = default;
        return name is not null && ByName.TryGetValue(name, out value);
    }

    public static string Allowed => string.Join(", ", Names);
}
