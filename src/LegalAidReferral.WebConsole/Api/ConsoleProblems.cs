namespace LegalAidReferral.WebConsole.Api;

/// <summary>The problems the console makes itself, for calls the API never answered with one of its own.</summary>
public static class ConsoleProblems
{
    /// <summary>The type of <see cref="Unreachable"/>, which the problem display names in the user's language.</summary>
    public const string UnreachableType = "urn:legalaidreferral:console:unreachable";

    /// <summary>No answer at all: no network, the API down, a timeout. Whether the API acted is unknown.</summary>
    public static Problem Unreachable { get; } = new(UnreachableType, null, null, null, null, null);

    /// <summary>An answer that is not the API's (e.g. a web page where JSON was due): the page says something went wrong.</summary>
    public static Problem Unreadable(int status) => new(null, null, status, null, null, null);
}
