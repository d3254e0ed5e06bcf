using System.Text.RegularExpressions;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Review;

/// <summary>
/// The review routes' filters: <c>from</c> and <c>to</c> (months <c>YYYY-MM</c> in the review's time
/// zone, both included, at most <see cref="MaxMonths"/>; by default the twelve months up to this one),
/// <c>country</c> (either end), <c>officeId</c> (either end), <c>corridor</c> (<c>GT-MX</c>), <c>kind</c>,
/// <c>priority</c>, and on the indicators only <c>gender</c> and <c>group</c>. Every bad value is reported.
/// </summary>
public static partial class ReviewParameters
{
    public const int MaxMonths = 60;

    public static (AdherenceRequest? Request, Problem? Problem) Read(HttpRequest request, ReviewSettings settings, DateTimeOffset now, bool categories)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new ValidationErrors();
        var thisMonth = ReviewPeriods.MonthOf(now, settings.TimeZone);
        var to = Month(request, "to", errors) ?? thisMonth;
        var from = Month(request, "from", errors) ?? ReviewPeriods.Between("2000-01", to).TakeLast(12).First();
        if (string.CompareOrdinal(from, to) > 0)
        {
            errors.Add("from", "The first month must not be after the last (to).");
        }
        else if (ReviewPeriods.Count(from, to) > MaxMonths)
        {
            errors.Add("from", $"A query spans at most {MaxMonths} months.");
        }

        var country = Matching(request, "country", CountryCode(), "An ISO 3166-1 alpha-2 country code in capitals, e.g. GT.", errors);
        var office = Matching(request, "officeId", OfficeId(), "An office id: lowercase letters, digits and hyphens, at most 64.", errors);
        var corridor = Matching(request, "corridor", Corridor(), "Two country codes joined by a hyphen, e.g. GT-MX.", errors);
        var kind = Enum<ReferralKind>(request, "kind", errors);
        var priority = Enum<Priority>(request, "priority", errors);
        GenderCategory? gender = null;
        Vulnerability? group = null;
        if (categories)
        {
            gender = Enum<GenderCategory>(request, "gender", errors);
            if (QueryParameters.Text(request, "group") is { } groupText)
            {
                group = ReviewGroups.Named.Where(g => Kebab<Vulnerability>.Name(g) == groupText).Select(g => (Vulnerability?)g).FirstOrDefault();
                if (group is null)
                {
                    errors.Add("group", $"Unknown value. Allowed values: {string.Join(", ", ReviewGroups.Named.Select(Kebab<Vulnerability>.Name))}.");
                }
            }
        }
        else
        {
            foreach (var category in new[] { "gender", "group" }.Where(c => QueryParameters.Text(request, c) is not null))
            {
                errors.Add(category, "Events are listed without their categories, so they cannot be filtered by them; use the indicators.");
            }
        }

        if (errors.Any)
        {
            return (null, Problem.From(errors.ToFailure()));
        }

        var query = new ReviewQuery(from, to, country, office, corridor?[..2], corridor?[3..], kind, priority);
        return (new AdherenceRequest(query, gender, group), null);
    }

    private static string? Month(HttpRequest request, string name, ValidationErrors errors)
    {
        var text = QueryParameters.Text(request, name);
        if (text is not null && !ReviewPeriods.IsMonth(text))
        {
            errors.Add(name, "A month written YYYY-MM, e.g. 2026-11.");
            return null;
        }

        return text;
    }

    private static string? Matching(HttpRequest request, string name, Regex pattern, string rule, ValidationErrors errors)
    {
        var text = QueryParameters.Text(request, name);
        if (text is not null && !pattern.IsMatch(text))
        {
            errors.Add(name, rule);
            return null;
        }

        return text;
    }

    private static T? Enum<T>(HttpRequest request, string name, ValidationErrors errors)
        where T : struct, Enum
    {
        if (QueryParameters.Text(request, name) is not { } text)
        {
            return null;
        }

        if (Kebab<T>.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(name, $"Unknown value. Allowed values: {Kebab<T>.Allowed}.");
        return null;
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex OfficeId();

    [GeneratedRegex("^[A-Z]{2}-[A-Z]{2}$")]
    private static partial Regex Corridor();
}
