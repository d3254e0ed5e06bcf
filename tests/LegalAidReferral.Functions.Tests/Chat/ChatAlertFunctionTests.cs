using System.Text.Json.Nodes;
using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Chat;
using LegalAidReferral.Core.Chat.Alerts;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Core.Chat.State;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Functions.Chat;
using LegalAidReferral.Functions.Referrals;
using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>Chat hand-offs and erasure requests as alerts of the case's office: raised with the change, cleared by closing or acknowledging, recovered by the timer.</summary>
public sealed class ChatAlertFunctionTests
{
    private const string Supervisor = "mx-ifdp-tapachula-supervisor";
    private const string OtherOffice = "gt-idpp-guatemala-supervisor";
    private static readonly ChatAddress Conversation = new("test", "first", "person");

    [Fact]
    public async Task A_hand_off_and_an_erasure_request_reach_their_office_only_and_closing_and_acknowledging_clear_them()
    {
        await using var scenario = await ChatScenario.StartAsync();
        var (link, reference) = await IntakeAsync(scenario);
        var client = Client(link);
        var actions = scenario.Services.GetRequiredService<ClientChatActions>();
        Assert.True((await actions.OpenHandOffAsync(client, link.CaseId, Conversation, default)).IsSuccess);
        scenario.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await actions.RequestErasureAsync(client, link.CaseId, default)).IsSuccess);

        var listed = await ListAsync(scenario, Supervisor);
        var others = await ListAsync(scenario, OtherOffice);

        Assert.Equal(["chat-hand-off", "erasure-request"], listed.Select(a => a["kind"]!.GetValue<string>()));
        Assert.All(listed, a => Assert.Equal((link.CaseId.ToString("D"), reference), (a["caseId"]!.GetValue<string>(), a["caseReference"]!.GetValue<string>())));
        Assert.All(listed, a => Assert.Null(a["referralId"]));
        Assert.Equal(ChatScenario.Start.AddMinutes(5).AddDays(30), listed[1]["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Empty(others);

        var close = scenario.Harness.Request("POST", Supervisor);
        Assert.Equal(200, (await FunctionHarness.ExecuteAsync(await scenario.Harness.Function<CloseChatHandOffFunction>().Run(close, link.CaseId.ToString("D")), close)).Status);
        var erasure = Assert.Single(await ListAsync(scenario, Supervisor));
        Assert.Equal("erasure-request", erasure["kind"]!.GetValue<string>());

        var notTheirs = await AcknowledgeAsync(scenario, OtherOffice, erasure["id"]!.GetValue<string>());
        var acknowledged = await AcknowledgeAsync(scenario, Supervisor, erasure["id"]!.GetValue<string>());
        var again = await AcknowledgeAsync(scenario, Supervisor, erasure["id"]!.GetValue<string>());

        Assert.Equal(404, notTheirs.Status);
        Assert.Equal((200, Supervisor), (acknowledged.Status, acknowledged.Body!["acknowledgedBy"]!.GetValue<string>()));
        Assert.Equal(404, again.Status);
        Assert.Empty(await ListAsync(scenario, Supervisor));
        Assert.Empty(await scenario.Services.GetRequiredService<IAlertStore>().ListMarksAsync(link.OfficeId, DateTimeOffset.MaxValue, 10, default));
        var history = await scenario.Services.GetRequiredService<IAuditTrail>().ListForCaseAsync(link.OfficeId, link.CaseId, new(100, null), default);
        var taken = Assert.Single(history.Items, e => e.Action == AuditAction.ErasureRequestAcknowledged);
        Assert.Equal((Supervisor, $"alert:{erasure["id"]!.GetValue<string>()}"), (taken.UserId, Assert.Single(taken.Changes)));
    }

    [Fact]
    public async Task An_erasure_acknowledgement_whose_record_failed_leaves_the_alert_open_and_the_retry_records_and_clears_it()
    {
        await using var scenario = await ChatScenario.StartAsync(services => services.AddSingleton<IAuditTrail>(
            sp => new AuditFailingOnce(sp.GetRequiredService<SqliteAuditTrail>(), AuditAction.ErasureRequestAcknowledged)));
        var (link, _) = await IntakeAsync(scenario);
        Assert.True((await scenario.Services.GetRequiredService<ClientChatActions>().RequestErasureAsync(Client(link), link.CaseId, default)).IsSuccess);
        var alertId = Assert.Single(await ListAsync(scenario, Supervisor))["id"]!.GetValue<string>();

        var failed = await AcknowledgeAsync(scenario, Supervisor, alertId);
        var stillOpen = await ListAsync(scenario, Supervisor);
        var retried = await AcknowledgeAsync(scenario, Supervisor, alertId);

        Assert.Equal(500, failed.Status);
        Assert.Equal(alertId, Assert.Single(stillOpen)["id"]!.GetValue<string>());
        Assert.Equal(200, retried.Status);
        Assert.Empty(await ListAsync(scenario, Supervisor));
        var history = await scenario.Services.GetRequiredService<IAuditTrail>().ListForCaseAsync(link.OfficeId, link.CaseId, new(100, null), default);
        var taken = Assert.Single(history.Items, e => e.Action == AuditAction.ErasureRequestAcknowledged);
        Assert.Equal((Supervisor, $"alert:{alertId}"), (taken.UserId, Assert.Single(taken.Changes)));
    }

    [Fact]
    public async Task A_change_whose_writer_stopped_before_the_sync_is_synced_by_the_timer_once_the_grace_is_over()
    {
        await using var scenario = await ChatScenario.StartAsync();
        var (link, _) = await IntakeAsync(scenario);
        var alerts = scenario.Services.GetRequiredService<IAlertStore>();
        var recover = scenario.Services.GetRequiredService<RecoverChatAlerts>();

        // The writer marked the case and stored the hand-off, then stopped before syncing the alerts.
        await alerts.MarkCaseAsync(link.OfficeId, new CaseAlertMark(Guid.NewGuid(), link.CaseId, scenario.Clock.GetUtcNow()), default);
        var written = await scenario.Services.GetRequiredService<ChatCaseWrite>().ApplyAsync(
            UseCase.OpenChatHandOff, Client(link), link.CaseId, AuditAction.ChatHandOffOpened,
            (_, chat) => chat with { HandOff = new ChatHandOff(scenario.Clock.GetUtcNow(), null, null) }, default);
        Assert.True(written.IsSuccess);

        var tooEarly = await recover.RunAsync(default);
        Assert.Empty(await ListAsync(scenario, Supervisor));
        scenario.Clock.Advance(RecoverChatAlerts.Grace + TimeSpan.FromSeconds(1));
        var recovered = await recover.RunAsync(default);
        var afterwards = await recover.RunAsync(default);

        Assert.Equal((0, 0, 0), (tooEarly.Recovered, tooEarly.Raised, tooEarly.Failed.Count));
        Assert.Equal((1, 1, 0), (recovered.Recovered, recovered.Raised, recovered.Failed.Count));
        Assert.Equal((0, 0, 0), (afterwards.Recovered, afterwards.Raised, afterwards.Failed.Count));
        Assert.Equal("chat-hand-off", Assert.Single(await ListAsync(scenario, Supervisor))["kind"]!.GetValue<string>());
    }

    private static CallContext Client(ChatCaseLink link) => new(new ClientCaller(link.CaseId, link.OfficeId), "test");

    private static async Task<(ChatCaseLink Link, string Reference)> IntakeAsync(ChatScenario scenario)
    {
        var transcript = new Transcript(scenario);
        await transcript.RunAsync("intake-en.part.txt");
        var reference = transcript.Captured["reference"];
        return (await scenario.LinkAsync(reference), reference);
    }

    private static async Task<IReadOnlyList<JsonNode>> ListAsync(ChatScenario scenario, string userId)
    {
        var request = scenario.Harness.Request("GET", userId);
        var (status, _, body) = await FunctionHarness.ExecuteAsync(await scenario.Harness.Function<ListAlertsFunction>().Run(request), request);
        Assert.Equal(200, status);
        return body!["items"]!.AsArray().Select(a => a!).ToList();
    }

    private static async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, JsonNode? Body)> AcknowledgeAsync(
        ChatScenario scenario, string userId, string alertId)
    {
        var request = scenario.Harness.Request("POST", userId);
        return await FunctionHarness.ExecuteAsync(await scenario.Harness.Function<AcknowledgeAlertFunction>().Run(request, alertId), request);
    }
}
