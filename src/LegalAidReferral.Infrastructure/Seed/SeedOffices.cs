using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Infrastructure.Seed;

/// <summary>
/// The offices the standalone host starts with, from the embedded <c>Seed/offices.json</c>. A bad entry
/// stops the start with a message naming the office and the field, rather than surfacing later as a
/// wrong deadline or an unreachable office.
/// </summary>
public static class SeedOffices
{
    private const string ResourceSuffix = ".Seed.offices.json";

    public static IReadOnlyList<Office> Load()
    {
        var assembly = typeof(SeedOffices).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            ?? throw new InvalidDataException($"The embedded resource '*{ResourceSuffix}' is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <exception cref="InvalidDataException">The JSON is malformed or an office is invalid.</exception>
    public static IReadOnlyList<Office> Parse(string json)
    {
        IReadOnlyList<Office>? offices;
        try
        {
            offices = JsonSerializer.Deserialize<Office[]>(json, WireJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The seed offices are not valid JSON at '{e.Path}': {e.Message}", e);
        }

        if (offices is null || offices.Count == 0)
        {
            throw new InvalidDataException("The seed offices list is empty.");
        }

        Validate(offices);
        return offices;
    }

    /// <exception cref="InvalidDataException">An office is invalid; the message names it and the field.</exception>
    public static void Validate(IReadOnlyList<Office> offices)
    {
        ArgumentNullException.ThrowIfNull(offices);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var office in offices)
        {
            var problem = ProblemOf(office);
            if (problem is null && !seen.Add(office.Id))
            {
                problem = ("id", "appears more than once");
            }

            if (problem is var (field, reason))
            {
                throw new InvalidDataException($"Seed office '{office.Id}' has an invalid '{field}': {reason}.");
            }
        }
    }

    private static (string Field, string Reason)? ProblemOf(Office office)
    {
        if (office.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetterUpper))
        {
            return ("country", $"'{office.Country}' is not two uppercase letters (ISO 3166-1 alpha-2)");
        }

        if (!office.Id.StartsWith(country.ToLowerInvariant() + "-", StringComparison.Ordinal) || office.Id.Length <= 3)
        {
            return ("id", $"it must start with '{country.ToLowerInvariant()}-' followed by a name");
        }

        foreach (var (field, value) in new[] { ("name", office.Name), ("institution", office.Institution), ("locality", office.Locality) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return (field, "it is empty");
            }
        }

        if (!TimeZoneResolves(office.TimeZone))
        {
            return ("timeZone", $"'{office.TimeZone}' is not a time zone known to this system");
        }

        if (office.Languages.Count == 0 || office.Languages.Any(string.IsNullOrWhiteSpace))
        {
            return ("languages", "at least one language is required");
        }

        if (office.Mandate.Count == 0)
        {
            return ("mandate", "at least one legal issue type is required");
        }

        return null;
    }

    private static bool TimeZoneResolves(string timeZone)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}
