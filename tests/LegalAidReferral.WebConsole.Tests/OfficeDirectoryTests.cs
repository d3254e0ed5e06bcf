using System.Net;
using System.Text;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Time;

namespace LegalAidReferral.WebConsole.Tests;

public sealed class OfficeDirectoryTests
{
    private const string Offices = """
        { "items": [ { "id": "gt-idpp-guatemala", "name": "IDPP Guatemala", "institution": "IDPP", "country": "GT", "locality": "Ciudad de Guatemala",
          "timeZone": "America/Guatemala", "languages": ["es"], "mandate": [], "acceptsCrossBorderReferrals": true, "demoUnit": false, "policy": null } ],
          "continuationToken": null }
        """;

    private const string Protocol = """
        { "officeId": "gt-idpp-guatemala", "version": 1, "weekend": ["saturday", "sunday"], "holidays": [],
          "deadlines": { "acknowledge": { "businessDays": 2, "criticalHours": 24 }, "decide": { "businessDays": 5, "criticalHours": 48 },
            "firstContact": { "businessDays": 3, "criticalHours": 24 }, "outcomeReport": { "days": 30, "repeatEveryDays": 30 } },
          "notSuccessfulReasons": [], "updatedAt": null, "updatedBy": null }
        """;

    [Fact]
    public async Task A_hundred_times_shown_at_once_share_one_read_of_the_offices_and_one_of_the_calendar()
    {
        var api = new SlowApi();
        var directory = new OfficeDirectory(new ConsoleApi(new HttpClient(api) { BaseAddress = new Uri("http://console.test/") }));

        var reads = Enumerable.Range(0, 100).Select(_ => directory.CalendarAsync("gt-idpp-guatemala")).ToList();
        api.Answer();
        var calendars = await Task.WhenAll(reads);

        Assert.Equal(["/api/offices?limit=100", "/api/offices/gt-idpp-guatemala/protocol"], api.Paths);
        Assert.All(calendars, c => Assert.Same(calendars[0], c));
        Assert.Equal("America/Guatemala", calendars[0].TimeZone.Id);
    }

    /// <summary>Holds every answer until the test lets them go, as a network does while a page renders.</summary>
    private sealed class SlowApi : HttpMessageHandler
    {
        private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Paths { get; } = [];

        public void Answer() => _go.SetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.PathAndQuery;
            lock (Paths)
            {
                Paths.Add(path);
            }

            await _go.Task;
            var json = path.EndsWith("/protocol", StringComparison.Ordinal) ? Protocol : Offices;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
