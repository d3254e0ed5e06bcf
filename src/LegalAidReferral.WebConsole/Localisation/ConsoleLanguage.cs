using System.Globalization;
using Microsoft.JSInterop;

namespace LegalAidReferral.WebConsole.Localisation;

/// <summary>
/// The console's languages. The first start follows the browser's languages; a choice made in the
/// console is kept in local storage and applied by reloading (satellite resources load at start).
/// </summary>
public static class ConsoleLanguage
{
    public const string StorageKey = "legalaidreferral.language";

    /// <summary>Each language with its name in itself, as the switcher shows it.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("es", "Español"), ("en", "English"), ("fr", "Français"), ("pt", "Português"), ("ht", "Kreyòl ayisyen"),
    ];

    public static async Task ApplyAsync(IJSRuntime js)
    {
        var stored = await js.InvokeAsync<string?>("localStorage.getItem", StorageKey);
        var browser = await js.InvokeAsync<string[]>("legalAidConsole.languages");
        var code = Choose(stored, browser);
        Apply(code);
        await js.InvokeVoidAsync("legalAidConsole.setLanguage", code);
    }

    /// <summary>The stored choice if it is one of ours, else the first browser language we have, else Spanish.</summary>
    public static string Choose(string? stored, IEnumerable<string> browserLanguages)
    {
        var codes = All.Select(l => l.Code).ToHashSet();
        if (stored is not null && codes.Contains(stored))
        {
            return stored;
        }

        return browserLanguages.Select(l => l.Split('-')[0].ToLowerInvariant()).FirstOrDefault(codes.Contains) ?? "es";
    }

    public static void Apply(string code)
    {
        var culture = CultureInfo.GetCultureInfo(code);
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
