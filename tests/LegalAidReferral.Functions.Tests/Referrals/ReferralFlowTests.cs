using System.Text.Json.Nodes;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Input;
using LegalAidReferral.Functions.Operations;
using LegalAidReferral.Functions.Referrals;
using LegalAidReferral.Functions.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.Referrals;

/// <summary>
/// A referral between two offices of one deployment through the use cases, the SQLite store, the
/// outbox relay and the in-process exchange, as the standalone host runs them.
/// </summary>
public sealed partial class ReferralFlowTests : IAsyncLifetime
{
    private const string Guatemala = "gt-idpp-guatemala";
    private const string Tapachula = "mx-ifdp-tapachula";
    private const string Name = "Rosalía Ficticia Monterroso";
    private const string BirthDate = "1988-04-17";
    private const string DocumentNumber = "GT99887766";
    private const string Note = "Llamó desde el albergue Belén";

    private readonly RecordingHandler review = new();
    private readonly FunctionHarness harness;

    // Monday 2 March 2026, 10:00 in Tapachula (UTC-6).
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero));

    public ReferralFlowTests()
    {
        harness = new FunctionHarness(services =>
        {
            services.AddSingleton<IMessageHandler>(review);
            services.AddSingleton<TimeProvider>(clock);
        });
    }

    public Task InitializeAsync() => harness.StartAsync();

    public Task DisposeAsync() => harness.DisposeAsync().AsTask();

    [Fact]
    public async Task Guatemala_refers_a_case_and_Tapachula_takes_it_step_by_step_while_Guatemala_sees_each_step()
    {
        var caseId = await CaseWithConsentAsync(Tapachula);

        var sent = await Send(caseId, ["client.fullName", "client.languages", "legalIssues"]);
        Assert.Equal(ReferralStatus.Sent, sent.Status);
        Assert.Empty(await IncomingAsync());

        await RelayAsync();
        var incoming = Assert.Single(await IncomingAsync());
        Assert.Equal(sent.Id, incoming.Id);
        Assert.Null(incoming.CaseId);
        Assert.Contains(Name, incoming.Package!.Values.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(BirthDate, incoming.Package.Values.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(DocumentNumber, incoming.Package.Values.GetRawText(), StringComparison.Ordinal);

        foreach (var (action, user, input) in new (ReferralAction, string, ReferralActionInput?)[]
        {
            (ReferralAction.Acknowledge, $"{Tapachula}-defender", null),
            (ReferralAction.Accept, $"{Tapachula}-defender", new() { Note = Note }),
            (ReferralAction.Assign, $"{Tapachula}-supervisor", new() { DefenderId = $"{Tapachula}-defender" }),
            (ReferralAction.FirstContact, $"{Tapachula}-defender", null),
            (ReferralAction.Outcome, $"{Tapachula}-defender", new() { Successful = true }),
        })
        {
            var acted = await ActAsync(sent.Id, action, user, input);
            Assert.True(acted.IsSuccess, acted.Failure?.Detail);
            await RelayAsync();
            var outgoing = await GetAsync(sent.Id, $"{Guatemala}-defender");
            Assert.Equal(acted.Value.Status, outgoing.Status);
            Assert.Equal(acted.Value.Steps.Select(s => s.Id), outgoing.Steps.Select(s => s.Id));
        }

        var referredOut = await harness.Provider.GetRequiredService<ICaseStore>().FindAsync(Guatemala, caseId, default);
        Assert.Equal(CaseStatus.ReferredOut, referredOut!.Status);
        Assert.Equal(6, review.Bodies.Count(b => b.Topic == Topics.ProtocolEvents));
        Assert.All(review.Bodies, m => Assert.DoesNotContain(Name, m.Body, StringComparison.Ordinal));
        Assert.All(review.Bodies, m => Assert.DoesNotContain(Note, m.Body, StringComparison.Ordinal));
        Assert.All(review.Bodies, m => Assert.DoesNotContain(caseId.ToString("D"), m.Body, StringComparison.Ordinal));
        Assert.All(review.Bodies, m => Assert.DoesNotContain(sent.Id.ToString("D"), m.Body + m.CorrelationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_referral_without_consent_to_share_with_the_office_is_refused_and_nothing_is_sent()
    {
        var caseId = await CaseWithConsentAsync("cl-dpp-santiago");

        var refused = await harness.Provider.GetRequiredService<SendReferral>().HandleAsync(
            new SendReferral.Command(caseId, Request(["client.fullName"]), null, "hash"), Call($"{Guatemala}-defender"), default);

        Assert.False(refused.IsSuccess);
        Assert.Equal(FailureKind.ConsentRequired, refused.Failure.Kind);
        Assert.DoesNotContain(await harness.Provider.GetRequiredService<IOutbox>().PendingAsync(100, default), m => m.Topic != Topics.ProtocolSettings);
    }

    [Fact]
    public async Task A_step_delivered_twice_is_taken_once()
    {
        var caseId = await CaseWithConsentAsync(Tapachula);
        var sent = await Send(caseId, ["client.fullName"]);
        var outbox = harness.Provider.GetRequiredService<IOutbox>();
        var delivery = (await outbox.PendingAsync(100, default)).First(m => m.Topic == Topics.Referrals);
        var exchange = harness.Provider.GetRequiredService<IMessagePublisher>();

        await exchange.PublishAsync(delivery, default);
        await exchange.PublishAsync(delivery, default);
        await RelayAsync();

        var copy = Assert.Single(await IncomingAsync());
        Assert.Equal(1, copy.Version);
        Assert.Equal(sent.Steps.Select(s => s.Id), copy.Steps.Select(s => s.Id));
    }

    [Fact]
    public async Task Withdrawing_the_consent_revokes_the_open_referral_and_blanks_the_receiving_copy_once()
    {
        var caseId = await CaseWithConsentAsync(Tapachula);
        var sent = await Send(caseId, ["client.fullName"]);
        await RelayAsync();
        var consentId = (await harness.Provider.GetRequiredService<ICaseStore>().FindAsync(Guatemala, caseId, default))!.Consents.Single().Id;
        var withdraw = harness.Provider.GetRequiredService<WithdrawConsent>();

        var withdrawn = await withdraw.HandleAsync(
            new WithdrawConsent.Command(caseId, consentId, new ConsentWithdrawalInput { Channel = "phone" }, null), Call($"{Guatemala}-defender"), default);
        var again = await withdraw.HandleAsync(
            new WithdrawConsent.Command(caseId, consentId, new ConsentWithdrawalInput { Channel = "phone" }, null), Call($"{Guatemala}-defender"), default);
        await RelayAsync();

        Assert.True(withdrawn.IsSuccess, withdrawn.Failure?.Detail);
        Assert.Equal(FailureKind.InvalidTransition, again.Failure!.Kind);
        var outgoing = await GetAsync(sent.Id, $"{Guatemala}-defender");
        var incoming = Assert.Single(await IncomingAsync());
        Assert.Equal((ReferralStatus.Revoked, ReferralStatus.Revoked), (outgoing.Status, incoming.Status));
        Assert.Equal(2, outgoing.Steps.Count);
        Assert.Equal(ReferralStep.ConsentWithdrawnReason, incoming.Steps[^1].Reason);
        Assert.NotNull(incoming.Package!.WithdrawnAt);
        Assert.DoesNotContain(Name, incoming.Package.Values.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missed_acknowledgement_raises_one_alert_per_office_once_and_the_late_step_clears_both()
    {
        var caseId = await CaseWithConsentAsync(Tapachula);
        var sent = await Send(caseId, ["client.fullName"]);
        await RelayAsync();
        var sweep = harness.Provider.GetRequiredService<SweepDeadlines>();
        var alerts = harness.Provider.GetRequiredService<IAlertStore>();
        Assert.Equal(0, (await sweep.RunAsync(default)).Raised);

        // Acknowledge is due at the end of Wednesday 4 March in Tapachula; decide at the end of Monday 9 March.
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 16, 0, 0, TimeSpan.Zero));
        var first = await sweep.RunAsync(default);
        var second = await sweep.RunAsync(default);

        Assert.Equal((2, 0), (first.Raised, second.Raised));
        foreach (var office in new[] { Guatemala, Tapachula })
        {
            var open = Assert.Single((await alerts.ListOpenAsync(office, new PageRequest(10, null), default)).Items);
            var missed = Assert.IsType<MissedDeadlineAlert>(open.Alert);
            Assert.Equal((sent.Id, DeadlineKind.Acknowledge, 1), (missed.ReferralId, missed.Deadline, missed.Occurrence));
            Assert.Equal(new DateTimeOffset(2026, 3, 5, 6, 0, 0, TimeSpan.Zero), open.Alert.DueAt);
        }

        var seen = await harness.Provider.GetRequiredService<AcknowledgeAlert>().HandleAsync(
            (await alerts.ListOpenAsync(Tapachula, new PageRequest(10, null), default)).Items[0].Alert.Id, Call($"{Tapachula}-supervisor"), default);
        Assert.Equal($"{Tapachula}-supervisor", seen.Value!.AcknowledgedBy);
        Assert.Single((await alerts.ListOpenAsync(Tapachula, new PageRequest(10, null), default)).Items);

        Assert.True((await ActAsync(sent.Id, ReferralAction.Acknowledge, $"{Tapachula}-defender", null)).IsSuccess);
        await RelayAsync();
        await sweep.RunAsync(default);

        Assert.Empty((await alerts.ListOpenAsync(Guatemala, new PageRequest(10, null), default)).Items);
        Assert.Empty((await alerts.ListOpenAsync(Tapachula, new PageRequest(10, null), default)).Items);
    }

    [Fact]
    public async Task A_missed_deadline_alert_names_the_other_office_and_only_the_sending_office_its_own_case()
    {
        var caseId = await CaseWithConsentAsync(Tapachula);
        var sent = await Send(caseId, ["client.fullName"]);
        await RelayAsync();
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 16, 0, 0, TimeSpan.Zero));
        await harness.Provider.GetRequiredService<SweepDeadlines>().RunAsync(default);
        var reference = (await harness.Provider.GetRequiredService<ICaseStore>().FindAsync(Guatemala, caseId, default))!.Reference;

        var sending = Assert.Single(await AlertsAsync($"{Guatemala}-defender"));
        var receiving = Assert.Single(await AlertsAsync($"{Tapachula}-defender"));

        Assert.Equal(
            (sent.Id.ToString("D"), Tapachula, caseId.ToString("D"), reference),
            (Text(sending, "referralId"), Text(sending, "otherOfficeId"), Text(sending, "caseId"), Text(sending, "caseReference")));
        Assert.Equal((sent.Id.ToString("D"), Guatemala, null, null), (Text(receiving, "referralId"), Text(receiving, "otherOfficeId"), Text(receiving, "caseId"), Text(receiving, "caseReference")));
        var documented = JsonNode.Parse(OpenApiDocument.Bytes)!["components"]!["schemas"]!["Alert"]!["required"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(documented.Order(StringComparer.Ordinal), receiving.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_Idempotency_Key_reused_with_the_same_body_on_another_case_sends_that_case_instead_of_replaying_the_first()
    {
        var first = await CaseWithConsentAsync(Tapachula);
        var second = await CaseWithConsentAsync(Tapachula);
        var send = harness.Provider.GetRequiredService<SendReferral>();

        var fromFirst = await send.HandleAsync(new SendReferral.Command(first, Request(["client.fullName"]), "retry-1", "same body"), Call($"{Guatemala}-defender"), default);
        var fromSecond = await send.HandleAsync(new SendReferral.Command(second, Request(["client.fullName"]), "retry-1", "same body"), Call($"{Guatemala}-defender"), default);
        var replayed = await send.HandleAsync(new SendReferral.Command(second, Request(["client.fullName"]), "retry-1", "same body"), Call($"{Guatemala}-defender"), default);

        Assert.Equal((first, false), (fromFirst.Value!.Referral.CaseId, fromFirst.Value.Replayed));
        Assert.Equal((second, false), (fromSecond.Value!.Referral.CaseId, fromSecond.Value.Replayed));
        Assert.Equal((fromSecond.Value.Referral.Id, true), (replayed.Value!.Referral.Id, replayed.Value.Replayed));
    }

    [Fact]
    public async Task A_third_office_cannot_see_or_act_on_the_referral()
    {
        var caseId = await CaseWithConsentAsync(Tapachula);
        var sent = await Send(caseId, ["client.fullName"]);
        await RelayAsync();

        var read = await harness.Provider.GetRequiredService<GetReferral>().HandleAsync(sent.Id, Call("cl-dpp-santiago-defender"), default);
        var acted = await ActAsync(sent.Id, ReferralAction.Acknowledge, "cl-dpp-santiago-defender", null);

        Assert.Equal(FailureKind.NotFound, read.Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, acted.Failure!.Kind);
    }

    private async Task<IReadOnlyList<JsonNode>> AlertsAsync(string userId)
    {
        var request = harness.Request("GET", userId);
        var (status, _, body) = await FunctionHarness.ExecuteAsync(await harness.Function<ListAlertsFunction>().Run(request), request);
        Assert.Equal(200, status);
        return body!["items"]!.AsArray().Select(a => a!).ToList();
    }

    private static string? Text(JsonNode alert, string property) => alert[property]?.GetValue<string>();

    private async Task<Guid> CaseWithConsentAsync(string shareWith)
    {
        var call = Call($"{Guatemala}-defender");
        var intake = await harness.Provider.GetRequiredService<IntakeCase>().HandleAsync(
            new IntakeCase.Command(
                new IntakeInput
                {
                    Client = new ClientInput
                    {
                        FullName = Name,
                        BirthDate = BirthDate,
                        Nationalities = ["GT"],
                        Languages = ["es"],
                        IdentityDocuments = [new IdentityDocumentInput { Type = "national-id", Number = DocumentNumber, IssuingCountry = "GT" }],
                    },
                    LegalIssues = [new LegalIssueInput { Type = "asylum" }],
                },
                null,
                "intake"),
            call,
            default);
        var caseId = intake.Value!.Case.Id;
        var consent = await harness.Provider.GetRequiredService<RecordConsent>().HandleAsync(
            new RecordConsent.Command(
                caseId,
                new ConsentInput { Purpose = "share-with-office", OfficeId = shareWith, Given = true, Channel = "in-person", Language = "es" },
                null,
                null,
                "consent"),
            call,
            default);
        Assert.True(consent.IsSuccess, consent.Failure?.Detail);
        return caseId;
    }

    private async Task<Referral> Send(Guid caseId, List<string?> fields)
    {
        var sent = await harness.Provider.GetRequiredService<SendReferral>().HandleAsync(
            new SendReferral.Command(caseId, Request(fields), null, "send"), Call($"{Guatemala}-defender"), default);
        Assert.True(sent.IsSuccess, sent.Failure?.Detail);
        return sent.Value.Referral;
    }

    private static ReferralInput Request(List<string?> fields) =>
        new() { ToOfficeId = Tapachula, Kind = "representation", Reason = "The client moved to Tapachula", SharedFields = fields };

    private Task<Result<Referral>> ActAsync(Guid referralId, ReferralAction action, string user, ReferralActionInput? input) =>
        harness.Provider.GetRequiredService<ActOnReferral>().HandleAsync(new ActOnReferral.Command(referralId, action, input, null), Call(user), default);

    private async Task<Referral> GetAsync(Guid referralId, string user)
    {
        var found = await harness.Provider.GetRequiredService<GetReferral>().HandleAsync(referralId, Call(user), default);
        Assert.True(found.IsSuccess, found.Failure?.Detail);
        return found.Value;
    }

    private async Task<IReadOnlyList<Referral>> IncomingAsync()
    {
        var page = await harness.Provider.GetRequiredService<ListReferrals>().HandleAsync(
            new ReferralQuery(ReferralDirection.Incoming, null), new PageRequest(100, null), Call($"{Tapachula}-defender"), default);
        return page.Value!.Items;
    }

    private async Task RelayAsync()
    {
        var outcome = await harness.Provider.GetRequiredService<RelayOutbox>().RunAsync(default);
        Assert.Null(outcome.Failure);
    }

    private CallContext Call(string userId)
    {
        var user = harness.Provider.GetRequiredService<LegalAidReferral.Standalone.DevSignIn.DemoUsers>().Find(userId)!;
        return new CallContext(new StaffCaller(user.UserId, user.OfficeId, user.Roles.ToHashSet()), Guid.NewGuid().ToString("N"));
    }

    /// <summary>Stands in for the regional review: records every protocol event it is handed.</summary>
    private sealed class RecordingHandler : IMessageHandler
    {
        public List<ExchangeMessage> Bodies { get; } = [];

        public string Topic => Topics.ProtocolEvents;

        public Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken)
        {
            Bodies.Add(message);
            return Task.FromResult(Delivery.Handled);
        }
    }
}
