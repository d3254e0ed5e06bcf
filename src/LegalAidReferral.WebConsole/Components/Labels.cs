using Microsoft.Extensions.Localization;
using LegalAidReferral.WebConsole.Localisation;

namespace LegalAidReferral.WebConsole.Components;

/// <summary>Names of the API's enum values in the user's language (resource keys <c>{Enum}.{value}</c>).</summary>
public static class Labels
{
    public static string Of(this IStringLocalizer<Texts> l, string enumName, string? value) =>
        value is null ? "" : l[$"{enumName}.{value}"] is { ResourceNotFound: false } found ? found.Value : value;
}
