using System.Net;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages.CaseParts;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The case page's chat panel: the thread, a reply sent once per key, and the end of the hand-off, in the user's language.</summary>
public sealed class ChatPanelTests : ConsoleTestContext
{
    private const string CaseId = "0193a5c0-0000-7000-8000-0000000000a1";
    private const string Thread = $"api/cases/{CaseId}/chat/messages";
    private const string BoundThread = $$"""
            { "caseId": "{{CaseId}}", "conversationBound": true, "handOff": { "openedAt": "2026-12-01T10:00:00Z", "closedAt": null, "closedBy": null },
              "items": [
                { "id": "m1", "from": "client", "kind": "information", "by": "client:{{CaseId}}", "text": "I moved to a shelter.", "at": "2026-12-01T09:00:00Z", "delivered": null },
                { "id": "m2", "from": "client", "kind": "message", "by": "client:{{CaseId}}", "text": "My hearing is on Thursday.", "at": "2026-12-01T10:01:00Z", "delivered": null }
              ], "continuationToken": null }
            """;

    private readonly RoutedApi _api = new();

    public ChatPanelTests()
    {
        var client = new ConsoleApi(new HttpClient(_api) { BaseAddress = new Uri("http://console.test/") });
        Services.AddSingleton(client);
        Services.AddSingleton<ISignInSession>(new NobodySignedIn());
        Services.AddSingleton(new OfficeDirectory(client));
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)));
        _api.Route("GET", "api/offices?", """{ "items": [], "continuationToken": null }""");
    }

    [Fact]
    public void The_thread_the_open_hand_off_and_the_erasure_request_are_shown()
    {
        var panel = RenderPanel();

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("li.chat-message").Count));
        Assert.Contains("I moved to a shelter.", panel.FindAll("li.chat-message")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("added information", panel.FindAll("li.chat-message")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("The client asked for a person", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("Erasure of the client's data requested on", panel.Markup, StringComparison.Ordinal);
        Assert.Single(panel.FindAll("#chat-close"));
    }

    [Fact]
    public void A_reply_retried_after_a_failure_keeps_its_idempotency_key_and_a_new_reply_gets_a_new_one()
    {
        _api.Route("POST", Thread, """{ "status": 503, "title": "Unavailable." }""", HttpStatusCode.ServiceUnavailable);
        _api.Route("POST", Thread, $$"""{ "id": "m3", "from": "staff", "kind": "message", "by": "u", "text": "We will call you.", "at": "2026-12-01T12:00:00Z", "delivered": true }""", HttpStatusCode.Created);
        var changed = 0;
        var panel = RenderPanel(() => changed++);
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("#chat-reply")));

        panel.Find("#chat-reply").Input("We will call you.");
        panel.Find("#chat-send").Click();
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[role=alert]")));
        panel.Find("#chat-send").Click();
        panel.WaitForAssertion(() => Assert.Equal("Sent to the client.", panel.Find("#chat-status").TextContent));
        panel.Find("#chat-reply").Input("Another one.");
        panel.Find("#chat-send").Click();

        var posts = _api.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(3, posts.Count);
        Assert.Equal("""{"text":"We will call you."}""", posts[0].Body);
        Assert.Equal(posts[0].IdempotencyKey, posts[1].IdempotencyKey);
        Assert.NotEqual(posts[1].IdempotencyKey, posts[2].IdempotencyKey);
        Assert.NotNull(posts[2].IdempotencyKey);
        Assert.Equal(2, changed);
    }

    [Fact]
    public void Ending_the_hand_off_closes_it_and_the_page_reads_the_case_again()
    {
        _api.Route("POST", $"api/cases/{CaseId}/chat/handoff/close", """{ "openedAt": "2026-12-01T10:00:00Z", "closedAt": "2026-12-01T12:00:00Z", "closedBy": "u" }""");
        var changed = 0;
        var panel = RenderPanel(() => changed++);
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("#chat-close")));

        panel.Find("#chat-close").Click();

        panel.WaitForAssertion(() => Assert.Equal("Conversation ended. The bot answers the client again.", panel.Find("#chat-status").TextContent));
        Assert.Contains(_api.Requests, r => r is { Method: "POST", Path: $"api/cases/{CaseId}/chat/handoff/close" });
        Assert.Equal(1, changed);
    }

    [Fact]
    public void A_case_without_a_bound_conversation_offers_no_reply()
    {
        var panel = RenderPanel(thread: $$"""{ "caseId": "{{CaseId}}", "conversationBound": false, "handOff": null, "items": [], "continuationToken": null }""");

        panel.WaitForAssertion(() => Assert.Contains("replies cannot be sent", panel.Markup, StringComparison.Ordinal));
        Assert.Empty(panel.FindAll("#chat-reply"));
        Assert.Empty(panel.FindAll("#chat-close"));
    }

    [Fact]
    public void A_later_successful_read_of_the_thread_clears_the_problem_of_a_failed_one()
    {
        _api.Route("GET", Thread, """{ "status": 503, "title": "Unavailable." }""", HttpStatusCode.ServiceUnavailable);
        var panel = RenderPanel();
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[role=alert]")));

        panel.Render(p => p.Add(c => c.Context, new CaseContext(Case() with { Version = 2 }, "\"2\"")));

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("li.chat-message").Count));
        Assert.Empty(panel.FindAll("[role=alert]"));
    }

    [Fact]
    public void A_reply_that_could_not_reach_the_api_shows_the_problem_and_leaves_the_send_button_usable_for_a_retry()
    {
        _api.UnreachableOnce("POST", Thread);
        _api.Route("POST", Thread, $$"""{ "id": "m3", "from": "staff", "kind": "message", "by": "u", "text": "We will call you.", "at": "2026-12-01T12:00:00Z", "delivered": true }""", HttpStatusCode.Created);
        var panel = RenderPanel();
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("#chat-reply")));
        panel.Find("#chat-reply").Input("We will call you.");

        panel.Find("#chat-send").Click();
        panel.WaitForAssertion(() => Assert.Contains("could not be reached", panel.Find("[role=alert]").TextContent, StringComparison.Ordinal));

        Assert.Null(panel.Find("#chat-send").GetAttribute("disabled"));
        panel.Find("#chat-send").Click();
        panel.WaitForAssertion(() => Assert.Equal("Sent to the client.", panel.Find("#chat-status").TextContent));
    }

    [Fact]
    public void Ending_the_hand_off_without_reaching_the_api_shows_the_problem_and_leaves_the_button_usable_for_a_retry()
    {
        const string close = $"api/cases/{CaseId}/chat/handoff/close";
        _api.UnreachableOnce("POST", close);
        _api.Route("POST", close, """{ "openedAt": "2026-12-01T10:00:00Z", "closedAt": "2026-12-01T12:00:00Z", "closedBy": "u" }""");
        var panel = RenderPanel();
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("#chat-close")));

        panel.Find("#chat-close").Click();
        panel.WaitForAssertion(() => Assert.Contains("could not be reached", panel.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        panel.Find("#chat-reply").Input("x");

        Assert.Null(panel.Find("#chat-close").GetAttribute("disabled"));
        panel.Find("#chat-close").Click();
        panel.WaitForAssertion(() => Assert.Equal("Conversation ended. The bot answers the client again.", panel.Find("#chat-status").TextContent));
    }

    private IRenderedComponent<ChatPanel> RenderPanel(Action? changed = null, string thread = BoundThread)
    {
        _api.Route("GET", Thread, thread);
        return Render<ChatPanel>(p => p
            .Add(c => c.Context, new CaseContext(Case(), "\"1\""))
            .Add(c => c.Changed, () => changed?.Invoke()));
    }

    private static Case Case() => new(
        CaseId, "MX-2026-000007", "mx-ifdp-tapachula", "chat", "intake", null, false,
        new Client("Ana Ficticia", null, null, null, null, null, null, null, null, null), null, null, null,
        [new LegalIssue("asylum", null)], null, null, [], [], null, [], DateTimeOffset.UnixEpoch, "client", DateTimeOffset.UnixEpoch, 1, null)
    {
        Chat = new CaseChat(true, "es", 0, null, new ChatHandOff(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), null, null),
            [new ErasureRequest("r1", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.Zero))], 2),
    };
}
