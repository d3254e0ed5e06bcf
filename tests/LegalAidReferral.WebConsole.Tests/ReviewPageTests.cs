using System.Globalization;
using System.Net;
using System.Resources;
using System.Text;
using System.Text.Json.Nodes;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Localisation;
using LegalAidReferral.WebConsole.Pages.Review;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The review page: tiles, suppressed values, filters sent as the query, charts equal to their tables, corridors, overdue list.</summary>
public sealed class ReviewPageTests : ConsoleTestContext
{
    private readonly ReviewApi _api = new();
    private readonly Session _session = new(new StaffUser("aidef-reviewer", "Reviewer", "aidef-network", [RoleNames.RegionalReviewer]));

    public ReviewPageTests()
    {
        var client = new ConsoleApi(new HttpClient(_api) { BaseAddress = new Uri("http://console.test/") });
        Services.AddSingleton(client);
        Services.AddSingleton<ISignInSession>(_session);
        Services.AddSingleton(new OfficeDirectory(client));
    }

    [Fact]
    public void The_tiles_show_the_whole_range_and_a_left_out_value_as_suppressed_never_zero()
    {
        _api.Report = Report(total: Indicators(i =>
        {
            i["sent"] = 42;
            i["sentWithOverride"] = null;
            i["acknowledgedWithinDeadlineShare"] = 0.875;
            i["hoursToAcknowledgeMedian"] = 12.5;
            i["decided"] = 0;
            i["decidedWithinDeadlineShare"] = null;
            i["hoursToDecideMedian"] = null;
            i["firstContacts"] = null;
            i["hoursToFirstContactP90"] = null;
        }));

        var page = RenderReview();

        Assert.Equal("42", Tile(page, "sent"));
        Assert.Equal("suppressed", Tile(page, "sentWithOverride"));
        Assert.Equal("87.5%", Tile(page, "acknowledgedWithinDeadlineShare"));
        Assert.Equal("12.5 h", Tile(page, "hoursToAcknowledgeMedian"));
        // No decision at all: nothing to measure. First contacts suppressed: their time is suppressed too.
        Assert.Equal("nothing to measure", Tile(page, "decidedWithinDeadlineShare"));
        Assert.Equal("nothing to measure", Tile(page, "hoursToDecideMedian"));
        Assert.Equal("suppressed", Tile(page, "hoursToFirstContactP90"));
        Assert.Equal("0", Tile(page, "overdueNow"));
    }

    [Fact]
    public void Declines_and_unsuccessful_outcomes_are_broken_down_by_code_with_suppressed_codes_said_so()
    {
        _api.Report = Report(total: Indicators(i =>
        {
            (i["declinedNoCapacity"], i["declinedOther"], i["declinedUnspecified"]) = (7, null, 0);
            i["notSuccessfulReasons"] = new JsonObject { ["unable-to-contact-client"] = 6, ["other"] = null };
        }));

        var page = RenderReview();

        string Count(string breakdown, string code) => page.Find($"#breakdown-{breakdown} tr[data-code={code}] td").TextContent;
        Assert.Equal("7", Count("declinedReasons", "no-capacity"));
        Assert.Equal("suppressed", Count("declinedReasons", "other"));
        Assert.Equal("0", Count("declinedReasons", "unspecified"));
        Assert.Contains("No capacity", page.Find("#breakdown-declinedReasons tr[data-code=no-capacity] th").TextContent, StringComparison.Ordinal);
        Assert.Equal("6", Count("notSuccessfulReasons", "unable-to-contact-client"));
        Assert.Equal("suppressed", Count("notSuccessfulReasons", "other"));
    }

    [Fact]
    public void A_suppressed_count_is_suppressed_in_every_table_and_chart_of_the_page()
    {
        _api.Report = Report(
            total: Indicators(i => i["declined"] = null),
            month: (_, i) => i["declined"] = null,
            category: i => i["declined"] = null);

        var page = RenderReview();

        var declined = page.FindAll("[data-indicator=declined]");
        Assert.NotEmpty(declined);
        Assert.All(declined, cell => Assert.True(
            cell.TextContent == "suppressed" || cell.GetAttribute("data-value") == "suppressed",
            $"{cell.OuterHtml} is not shown as suppressed"));
        Assert.DoesNotContain(declined, cell => cell.TextContent == "0" || cell.GetAttribute("data-value") == "0");
    }

    [Fact]
    public void The_filters_applied_are_the_query_of_the_report_and_of_the_csv()
    {
        var page = RenderReview();
        Assert.Equal("api/review/adherence", _api.Reports[0]);
        Assert.Equal("2026-01", page.Find("#review-f-from").GetAttribute("value"));

        page.Find("#review-f-from").Change("2025-07");
        page.Find("#review-f-to").Change("2025-12");
        page.Find("#review-f-country").Change("GT");
        page.Find("#review-f-officeId").Change("gt-idpp-guatemala");
        page.Find("#review-f-corridor").Change("GT-MX");
        page.Find("#review-f-kind").Change("representation");
        page.Find("#review-f-priority").Change("high");
        page.Find("#review-f-gender").Change("female");
        page.Find("#review-f-group").Change("detained");
        page.Find("form.review-filters").Submit();

        const string query = "?from=2025-07&to=2025-12&country=GT&officeId=gt-idpp-guatemala&corridor=GT-MX&kind=representation&priority=high&gender=female&group=detained";
        page.WaitForAssertion(() => Assert.Contains("api/review/adherence" + query, _api.Reports));
        Assert.Contains("not shown when filtering by gender", page.Find("#review-overdue-title").Parent!.TextContent, StringComparison.Ordinal);

        page.Find("#review-csv").Click();

        page.WaitForAssertion(() => Assert.Equal("api/review/adherence.csv" + query, _api.Csv.Single()));
        var saved = JSInterop.Invocations.Single(i => i.Identifier == "legalAidConsole.save");
        Assert.Equal("adherence-2025-07-2025-12.csv", saved.Arguments[0]);
        Assert.Equal("text/csv", saved.Arguments[1]);
    }

    [Fact]
    public void The_filters_are_the_page_s_address_so_a_review_can_be_bookmarked()
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("review?priority=high&group=detained");

        var page = RenderReview();

        Assert.Equal("api/review/adherence?priority=high&group=detained", _api.Reports[0]);
        Assert.Equal("high", page.Find("#review-f-priority").GetAttribute("value"));

        page.Find("#review-f-priority").Change("low");
        page.Find("form.review-filters").Submit();

        page.WaitForAssertion(() => Assert.Contains("api/review/adherence?from=2026-01&to=2026-03&priority=low&group=detained", _api.Reports));
        var address = new Uri(navigation.Uri);
        Assert.Equal("/review", address.AbsolutePath);
        Assert.Equal(["from=2026-01", "group=detained", "priority=low", "to=2026-03"], address.Query.TrimStart('?').Split('&').Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_filter_the_api_refuses_shows_its_message_at_the_filter_and_keeps_the_values()
    {
        var page = RenderReview();
        _api.Refusal = new JsonObject
        {
            ["type"] = "https://legalaidreferral.example/problems/validation", ["title"] = "Invalid", ["status"] = 400,
            ["errors"] = new JsonObject { ["from"] = new JsonArray("The first month must not be after the last (to).") },
        };

        page.Find("#review-f-from").Change("2026-05");
        page.Find("form.review-filters").Submit();

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#review-f-from").GetAttribute("aria-invalid")));
        Assert.Equal("review-e-from", page.Find("#review-f-from").GetAttribute("aria-describedby"));
        Assert.Contains("must not be after the last", page.Find("#review-e-from").TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-05", page.Find("#review-f-from").GetAttribute("value"));
        Assert.Equal("#review-f-from", new Uri(page.Find("[role=alert] a").GetAttribute("href")!).Fragment);
    }

    [Fact]
    public void A_refused_csv_download_shows_the_api_s_problem_and_saves_nothing()
    {
        _api.CsvRefusal = HttpStatusCode.Forbidden;
        var page = RenderReview();

        page.Find("#review-csv").Click();

        page.WaitForAssertion(() => Assert.Contains("You are not allowed to do this.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "legalAidConsole.save");
    }

    [Fact]
    public void Every_chart_has_the_numbers_of_its_table_and_of_the_api()
    {
        _api.Report = Report(month: (m, i) =>
        {
            i["sent"] = 10 + m;
            i["accepted"] = m == 1 ? null : 5 + m;
            i["acknowledgedWithinDeadlineShare"] = 0.5 + (m / 10.0);
            i["hoursToDecideMedian"] = m == 2 ? null : 20.25 * (m + 1);
        });

        var page = RenderReview();

        foreach (var chart in ReviewIndicators.Charts)
        {
            var bars = page.FindAll($"#chart-{chart.Name} svg rect[data-month]");
            var cells = page.FindAll($"#chart-{chart.Name} table td[data-month]");
            Assert.Equal(3 * chart.Indicators.Count, bars.Count);
            Assert.Equal(bars.Count, cells.Count);
            foreach (var bar in bars)
            {
                var (month, name) = (bar.GetAttribute("data-month")!, bar.GetAttribute("data-indicator")!);
                var cell = cells.Single(c => c.GetAttribute("data-month") == month && c.GetAttribute("data-indicator") == name);
                var fromApi = _api.Report["monthly"]!.AsArray().Single(r => r!["period"]!.GetValue<string>() == month)!["total"]![name];
                Assert.Equal(fromApi is null ? "suppressed" : Number(fromApi).ToString(CultureInfo.InvariantCulture), bar.GetAttribute("data-value"));
                Assert.Equal(Shown(AllIndicators.Single(i => i.Name == name), fromApi), cell.TextContent);
            }
        }
    }

    [Fact]
    public void The_corridor_table_lists_the_report_s_own_corridors_with_referrals_without_asking_a_report_per_corridor()
    {
        _api.Report = Report(corridors: new()
        {
            ["GT-GT"] = Indicators(i => (i["sent"], i["overdueNow"]) = (0, 0)),
            ["GT-MX"] = Indicators(i => i["sent"] = 7),
            ["MX-GT"] = Indicators(i => i["sent"] = null),
        });

        var page = RenderReview();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#review-corridors tbody tr").Count));
        Assert.Equal("7", page.Find("#review-corridors tr[data-corridor=GT-MX] [data-indicator=sent]").TextContent);
        Assert.Equal("suppressed", page.Find("#review-corridors tr[data-corridor=MX-GT] [data-indicator=sent]").TextContent);
        // Guatemala and Mexico have two offices each: GT-GT (zero in the report) and MX-MX (not in it) have no referral and are only counted.
        Assert.Contains("2 corridors without referrals", page.Markup, StringComparison.Ordinal);
        Assert.Single(_api.Reports);
        Assert.DoesNotContain("corridor=", _api.Reports.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_overdue_list_names_pseudonyms_and_due_times_in_the_review_s_zone()
    {
        var page = RenderReview();

        var row = page.Find("#review-overdue tbody tr");
        Assert.Contains("synthetic-000007e2-00000001", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("GT → MX", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-03-02T17:00:00.0000000+00:00", row.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task A_report_request_that_threw_leaves_the_filters_usable_and_the_page_not_loading()
    {
        var page = RenderReview();
        _api.FailNext = new InvalidOperationException("The token request failed.");

        await Assert.ThrowsAsync<InvalidOperationException>(() => page.Find("form.review-filters").SubmitAsync());

        Assert.Null(page.Find("#review-apply").GetAttribute("disabled"));
        Assert.Empty(page.FindAll("[role=status]"));
        page.Find("form.review-filters").Submit();
        page.WaitForAssertion(() => Assert.Equal(2, _api.Reports.Count));
    }

    [Fact]
    public void A_double_click_on_show_asks_for_one_report_and_on_the_csv_downloads_it_once()
    {
        var page = RenderReview();
        var report = new TaskCompletionSource();
        _api.Hold = report.Task;
        page.Find("form.review-filters").Submit();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#review-apply").GetAttribute("disabled")));
        page.Find("form.review-filters").Submit();
        report.SetResult();
        page.WaitForElement("#tile-sent");

        var csv = new TaskCompletionSource();
        _api.Hold = csv.Task;
        DoubleClick.WhileOnItsWay(page, () => page.Find("#review-csv"), csv);

        page.WaitForAssertion(() => Assert.Null(page.Find("#review-csv").GetAttribute("disabled")));
        Assert.Equal(2, _api.Reports.Count);
        Assert.Single(_api.Csv);
    }

    [Fact]
    public void Someone_other_than_a_regional_reviewer_is_told_so_and_nothing_is_asked()
    {
        _session.User = new StaffUser("gt-idpp-guatemala-defender", "Defender", "gt-idpp-guatemala", [RoleNames.Defender]);

        var page = Render<ReviewPage>();

        Assert.Contains("Only a regional reviewer", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_api.Reports);
    }

    [Fact]
    public void Every_indicator_tile_chart_and_breakdown_of_the_page_has_a_text()
    {
        var texts = new ResourceManager("LegalAidReferral.WebConsole.Localisation.Texts", typeof(Texts).Assembly);
        var keys = AllIndicators.Select(i => i.TextKey)
            .Concat(ReviewIndicators.Tiles.Select(t => $"Review.Tile.{t.Name}"))
            .Concat(ReviewIndicators.Charts.Select(c => $"Review.Chart.{c.Name}"))
            .Concat(ReviewIndicators.Breakdowns.Select(b => b.TextKey))
            .Append("ReviewGroup.none");
        Assert.All(keys, key => Assert.False(string.IsNullOrEmpty(texts.GetString(key, CultureInfo.InvariantCulture)), key));
    }

    private static IEnumerable<ReviewIndicator> AllIndicators =>
        ReviewIndicators.Tiles.Concat(ReviewIndicators.Charts).SelectMany(g => g.Indicators).Concat(ReviewIndicators.Columns).Distinct();

    private IRenderedComponent<ReviewPage> RenderReview()
    {
        var page = Render<ReviewPage>();
        page.WaitForElement("#tile-sent");
        return page;
    }

    private static string Tile(IRenderedComponent<ReviewPage> page, string indicator) => page.Find($"ul.tiles dd[data-indicator={indicator}]").TextContent;

    private static string Shown(ReviewIndicator indicator, JsonNode? value) =>
        value is null ? "suppressed"
        : indicator.Format switch
        {
            FigureFormat.Share => Number(value).ToString("P1", CultureInfo.GetCultureInfo("en")),
            FigureFormat.Hours => Number(value).ToString("0.#", CultureInfo.GetCultureInfo("en")) + " h",
            _ => Number(value).ToString("N0", CultureInfo.GetCultureInfo("en")),
        };

    private static double Number(JsonNode value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    /// <summary>A row of indicators as the API sends it: every count 10, shares 0.6, times 30 h, then the changes.</summary>
    private static JsonObject Indicators(Action<JsonObject>? change = null)
    {
        var row = new JsonObject();
        foreach (var name in Repository.OpenApiSchemas["Indicators"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()))
        {
            row[name] = name switch
            {
                "notSuccessfulReasons" => new JsonObject { ["unable-to-contact-client"] = 6, ["other"] = null },
                _ when name.EndsWith("Share", StringComparison.Ordinal) => 0.6,
                _ when name.StartsWith("hours", StringComparison.Ordinal) => 30.0,
                "overdueNow" => 0,
                _ => 10,
            };
        }

        change?.Invoke(row);
        return row;
    }

    /// <summary>A report of three months; <paramref name="corridors"/> are the range's corridor totals (a month lists none).</summary>
    private static JsonObject Report(
        JsonObject? total = null, Action<int, JsonObject>? month = null, Action<JsonObject>? category = null, Dictionary<string, JsonObject>? corridors = null)
    {
        JsonArray Categories(string[] names) => new([.. names.Select(g => (JsonNode)new JsonObject { ["category"] = g, ["indicators"] = Indicators(category) })]);
        JsonArray Genders() => Categories(["female", "male", "other", "not-stated"]);
        JsonArray Groups() => Categories(["unaccompanied-minor", "detained", "trafficking-victim", "pregnant", "none"]);
        JsonObject Breakdown(string period, JsonObject row) => new()
        {
            ["period"] = period,
            ["total"] = row,
            ["byGender"] = Genders(),
            ["byGroup"] = Groups(),
            ["byCorridor"] = new JsonArray([.. (period == "all" ? corridors ?? [] : []).Select(c => (JsonNode)new JsonObject
            {
                ["corridor"] = c.Key,
                ["total"] = (JsonObject)c.Value.DeepClone(),
                ["byGender"] = Genders(),
                ["byGroup"] = Groups(),
            })]),
        };

        return new JsonObject
        {
            ["from"] = "2026-01",
            ["to"] = "2026-03",
            ["timeZone"] = "UTC",
            ["minCellSize"] = 5,
            ["generatedAt"] = "2026-03-15T10:00:00Z",
            ["summary"] = Breakdown("all", total ?? Indicators()),
            ["monthly"] = new JsonArray([.. new[] { "2026-01", "2026-02", "2026-03" }.Select((p, m) => (JsonNode)Breakdown(p, Indicators(i => month?.Invoke(m, i))))]),
            ["overdue"] = new JsonArray(new JsonObject
            {
                ["referralPseudonym"] = "synthetic-000007e2-00000001", ["kind"] = "representation", ["priority"] = "high",
                ["fromOfficeId"] = "gt-idpp-guatemala", ["toOfficeId"] = "mx-ifdp-tapachula", ["corridor"] = "GT-MX",
                ["deadline"] = "decide", ["dueAt"] = "2026-03-02T17:00:00Z",
            }),
        };
    }

    private sealed class Session(StaffUser user) : ISignInSession
    {
        public StaffUser? User { get; set; } = user;

        public event Action? Changed;

        public Task RestoreAsync()
        {
            Changed?.Invoke();
            return Task.CompletedTask;
        }

        public Task<string?> AccessTokenAsync() => Task.FromResult<string?>("token");

        public Task SignOutAsync() => Task.CompletedTask;
    }

    /// <summary>The review routes and the office list: a report for the page and the CSV.</summary>
    private sealed class ReviewApi : HttpMessageHandler
    {
        public JsonObject Report { get; set; } = ReviewPageTests.Report();

        public List<string> Reports { get; } = [];

        public List<string> Csv { get; } = [];

        public HttpStatusCode? CsvRefusal { get; set; }

        /// <summary>The problem every report is refused with.</summary>
        public JsonObject? Refusal { get; set; }

        /// <summary>Thrown, once, by the next report or CSV request instead of an answer.</summary>
        public Exception? FailNext { get; set; }

        /// <summary>Holds back the answers of report and CSV requests until it ends (a request on its way).</summary>
        public Task Hold { get; set; } = Task.CompletedTask;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.PathAndQuery.TrimStart('/');
            if (path.StartsWith("api/review", StringComparison.Ordinal))
            {
                if (FailNext is { } failure)
                {
                    FailNext = null;
                    throw failure;
                }

                await Hold;
            }

            return await AnswerAsync(path);
        }

        private Task<HttpResponseMessage> AnswerAsync(string path)
        {
            if (path.StartsWith("api/offices", StringComparison.Ordinal))
            {
                return Json(new JsonObject
                {
                    ["items"] = new JsonArray(Office("gt-idpp-guatemala", "GT"), Office("gt-idpp-quetzaltenango", "GT"), Office("mx-ifdp-tapachula", "MX"), Office("mx-ifdp-ciudad-juarez", "MX")),
                    ["continuationToken"] = null,
                });
            }

            if (path.StartsWith("api/review/adherence.csv", StringComparison.Ordinal))
            {
                Csv.Add(path);
                if (CsvRefusal is { } refusal)
                {
                    var problem = new JsonObject { ["type"] = "https://legalaidreferral.example/problems/forbidden", ["title"] = "Forbidden", ["status"] = (int)refusal };
                    return Task.FromResult(new HttpResponseMessage(refusal) { Content = new StringContent(problem.ToJsonString(), Encoding.UTF8, "application/problem+json") });
                }

                var content = new ByteArrayContent(Encoding.UTF8.GetBytes("period,breakdown,category\r\n"));
                content.Headers.ContentType = new("text/csv");
                content.Headers.ContentDisposition = new("attachment") { FileName = "\"adherence-2025-07-2025-12.csv\"" };
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
            }

            Reports.Add(path);
            if (Refusal is not null)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(Refusal.ToJsonString(), Encoding.UTF8, "application/problem+json") });
            }

            var answer = (JsonObject)Report.DeepClone();
            // The API answers the months asked for.
            foreach (var month in new[] { "from", "to" })
            {
                if (path.Split($"{month}=") is [_, var value])
                {
                    answer[month] = value.Split('&')[0];
                }
            }

            return Json(answer);
        }

        private static JsonObject Office(string id, string country) => new()
        {
            ["id"] = id, ["name"] = id, ["institution"] = "Defensa", ["country"] = country, ["locality"] = id, ["timeZone"] = "UTC",
            ["languages"] = new JsonArray("es"), ["mandate"] = new JsonArray(), ["acceptsCrossBorderReferrals"] = true, ["demoUnit"] = false, ["policy"] = null,
        };

        private static Task<HttpResponseMessage> Json(JsonNode body) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") });
    }
}
