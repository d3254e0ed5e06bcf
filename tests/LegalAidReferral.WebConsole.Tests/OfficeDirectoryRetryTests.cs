using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Time;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The office directory keeps what the API answered, but not a read that never reached it: the next use asks again.</summary>
public sealed class OfficeDirectoryRetryTests
{
    private const string Offices = """
        { "items": [ { "id": "gt-idpp-guatemala", "name": "IDPP Guatemala", "timeZone": "America/Guatemala" } ], "continuationToken": null }
        """;

    private readonly RoutedApi _routes = new();

    private OfficeDirectory Directory() => new(new ConsoleApi(new HttpClient(_routes) { BaseAddress = new Uri("http://console.test/") }));

    [Fact]
    public async Task A_read_of_the_offices_that_could_not_reach_the_API_is_read_again_at_the_next_use()
    {
        _routes.UnreachableOnce("GET", "api/offices?").Route("GET", "api/offices?", Offices);
        var directory = Directory();

        var first = await directory.NameAsync("gt-idpp-guatemala");
        var second = await directory.NameAsync("gt-idpp-guatemala");

        Assert.Equal(("gt-idpp-guatemala", "IDPP Guatemala"), (first, second));
    }

    [Fact]
    public async Task A_calendar_built_without_reaching_the_API_is_built_again_at_the_next_use()
    {
        _routes.UnreachableOnce("GET", "api/offices/gt-idpp-guatemala/protocol").Route("GET", "api/offices?", Offices);
        var directory = Directory();

        await directory.CalendarAsync("gt-idpp-guatemala");
        await directory.CalendarAsync("gt-idpp-guatemala");

        Assert.Equal(2, _routes.Requests.Count(r => r.Path == "api/offices/gt-idpp-guatemala/protocol"));
    }

    [Fact]
    public async Task A_calendar_of_an_office_without_protocol_settings_is_kept()
    {
        _routes.Route("GET", "api/offices?", Offices);
        var directory = Directory();

        var first = await directory.CalendarAsync("gt-idpp-guatemala");
        var second = await directory.CalendarAsync("gt-idpp-guatemala");

        Assert.Same(first, second);
        Assert.Equal("America/Guatemala", first.TimeZone.Id);
        Assert.Single(_routes.Requests, r => r.Path == "api/offices/gt-idpp-guatemala/protocol");
        Assert.Single(_routes.Requests, r => r.Path == "api/offices?limit=100");
    }
}
