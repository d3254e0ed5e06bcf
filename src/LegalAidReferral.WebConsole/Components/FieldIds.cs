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

    /// <summary>
    /// The attributes that tie an input to its error: invalid and described by it while the server reports one.
    /// With <paramref name="items"/>, the input holds a list and the errors of its items count too (see <see cref="Messages"/>).
    /// </summary>
    public static Dictionary<string, object> For(Problem? problem, string field, string scope = "", bool items = false)
    {
        var attributes = new Dictionary<string, object> { ["id"] = Input(field, scope) };
        if (Messages(problem, field, items).Count > 0)
        {
            attributes["aria-invalid"] = "true";
            attributes["aria-describedby"] = Error(field, scope);
        }

        return attributes;
    }

    /// <summary>For a group of inputs (a fieldset): the id of its error while the server reports one, else null (no attribute).</summary>
    public static string? DescribedBy(Problem? problem, string field, string scope = "", bool items = false) =>
        Messages(problem, field, items).Count > 0 ? Error(field, scope) : null;

    /// <summary>
    /// The server's messages for a field; with <paramref name="items"/> also those of its items, for a list
    /// edited in one input (the messages of <c>countries[1]</c> belong to the <c>countries</c> input).
    /// </summary>
    public static IReadOnlyList<string> Messages(Problem? problem, string field, bool items = false) =>
        problem?.Errors is not { } errors
            ? []
            : [.. errors.Where(e => e.Key == field || (items && e.Key.StartsWith(field + "[", StringComparison.Ordinal))).SelectMany(e => e.Value)];

    private static string Safe(string field) =>
        string.Concat(field.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}
