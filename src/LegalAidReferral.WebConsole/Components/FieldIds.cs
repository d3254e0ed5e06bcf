using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Components;

/// <summary>
/// Element ids derived from API field paths, so an input, its label and its error find each other.
/// A page with several forms gives each a scope, since their fields share names (<c>reason</c>).
/// </summary>
public static class FieldIds
{
    public static string Input(string field, string scope = "") => scope + "f-" + Safe(field);

    public static string Error(string field, string scope = "") => scope + "e-" + Safe(field);

    /// <summary>The attributes that tie an input to its error: invalid and described by it while the server reports one.</summary>
    public static Dictionary<string, object> For(Problem? problem, string field, string scope = "")
    {
        var attributes = new Dictionary<string, object> { ["id"] = Input(field, scope) };
        if (problem?.Errors?.ContainsKey(field) == true)
        {
            attributes["aria-invalid"] = "true";
            attributes["aria-describedby"] = Error(field, scope);
        }

        return attributes;
    }

    private static string Safe(string field) =>
        string.Concat(field.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}
