using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Pages.Review;

/// <summary>The network's offices, their countries and the corridors between them, for the filters and the corridor table.</summary>
public sealed record ReviewNetwork(IReadOnlyList<Office> Offices)
{
    public static ReviewNetwork Empty { get; } = new([]);

    public IReadOnlyList<string> Countries => [.. Offices.Select(o => o.Country).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Every ordered pair of countries, from country to country (within a country only when it has two offices or more).</summary>
    public IReadOnlyList<string> Corridors =>
        [.. from origin in Countries
            from destination in Countries
            where origin != destination || Offices.Count(o => o.Country == origin) > 1
            select $"{origin}-{destination}"];

    /// <summary>The corridors a filter can show: the one it names, or those touching its country or its office's country.</summary>
    public IReadOnlyList<string> CorridorsOf(ReviewFilter filter)
    {
        if (filter.Corridor is { } corridor)
        {
            return [corridor];
        }

        var country = filter.Country ?? Offices.FirstOrDefault(o => o.Id == filter.OfficeId)?.Country;
        return country is null ? Corridors : [.. Corridors.Where(c => c.Split('-').Contains(country))];
    }

    public static string CorridorText(string corridor) => corridor.Replace("-", " → ", StringComparison.Ordinal);
}
