using LegalAidReferral.Core.Audit;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Chat;
using LegalAidReferral.Functions.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>The staff side of a hand-off through the function classes: read the thread, reply (once per key), close.</summary>
public sealed class StaffChatFunctionTests
{
    private const string Supervisor = "mx-ifdp-tapachula-supervisor";

    [Fact]
    public async Task A_reply_reaches_the_client_once_per_key_and_closing_the_hand_off_is_said_once()
    {
        await using var scenario = await ChatScenario.StartAsync();
        var transcript = new Transcript(scenario);
        await transcript.RunAsync("intake-en.part.txt");
        var link = await scenario.LinkAsync(transcript.Captured["reference"]);
        var caseId = link.CaseId.ToString("D");
        var harness = scenario.Harness;
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "reply-1" };

        var first = await PostAsync(harness, caseId, "We will call you tomorrow.", headers);
        var replay = await PostAsync(harness, caseId, "We will call you tomorrow.", headers);
        var read = harness.Request("GET", Supervisor);
        var thread = await FunctionHarness.ExecuteAsync(await harness.Function<ListChatMessagesFunction>().Run(read, caseId), read);

        Assert.Equal(201, first.Status);
        Assert.True(first.Body!["delivered"]!.GetValue<bool>());
        Assert.Equal(201, replay.Status);
        Assert.Equal("true", replay.Headers["Idempotent-Replayed"].ToString());
        Assert.False(replay.Body!["delivered"]!.GetValue<bool>());
        var sent = Assert.Single(scenario.Channel.Sent);
        Assert.Equal("Message from the office: We will call you tomorrow.", sent.Reply.Text);
        Assert.Equal("first", sent.To.ConversationId);
        Assert.Equal(200, thread.Status);
        Assert.Equal("staff", Assert.Single(thread.Body!["items"]!.AsArray())!["from"]!.GetValue<string>());

        var noHandOff = await CloseAsync(harness, caseId);
        Assert.Equal(409, noHandOff.Status);

        var history = await scenario.Services.GetRequiredService<IAuditTrail>().ListForCaseAsync(link.OfficeId, link.CaseId, new(100, null), default);
        Assert.Contains(history.Items, e => e.Action == AuditAction.ChatMessagesRead && e.UserId == Supervisor);
        Assert.Single(history.Items, e => e.Action == AuditAction.ChatMessagePosted);
    }

    [Fact]
    public async Task A_reply_to_a_case_without_a_chat_conversation_is_a_conflict_and_an_empty_text_is_invalid()
    {
        await using var scenario = await ChatScenario.StartAsync();
        var harness = scenario.Harness;
        var request = harness.Request("POST", Supervisor, CaseSamples());
        var intake = await FunctionHarness.ExecuteAsync(await harness.Function<IntakeCaseFunction>().Run(request), request);
        var caseId = intake.Body!["id"]!.GetValue<string>();

        Assert.Equal(409, (await PostAsync(harness, caseId, "Hello", null)).Status);
        Assert.Equal(400, (await PostAsync(harness, caseId, "   ", null)).Status);
        Assert.Empty(scenario.Channel.Sent);
    }

    private static object CaseSamples() => new
    {
        client = new { fullName = "Rosa Ejemplo", currentLocation = new { country = "MX", locality = "Tapachula" } },
        legalIssues = new[] { new { type = "asylum" } },
    };

    private static async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, System.Text.Json.Nodes.JsonNode? Body)> PostAsync(
        FunctionHarness harness, string caseId, string text, IDictionary<string, string>? headers)
    {
        var request = harness.Request("POST", Supervisor, new { text }, headers: headers);
        return await FunctionHarness.ExecuteAsync(await harness.Function<PostChatMessageFunction>().Run(request, caseId), request);
    }

    private static async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, System.Text.Json.Nodes.JsonNode? Body)> CloseAsync(
        FunctionHarness harness, string caseId)
    {
        var request = harness.Request("POST", Supervisor);
        return await FunctionHarness.ExecuteAsync(await harness.Function<CloseChatHandOffFunction>().Run(request, caseId), request);
    }
}
