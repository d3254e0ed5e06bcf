using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Input;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Infrastructure.Exchange;
using LegalAidReferral.Standalone.DevSignIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.Referrals;

/// <summary>
/// Two deployments, each with its own services and SQLite store, sharing an exchange: Guatemala's serves
/// gt-idpp-guatemala, Tapachula's serves mx-ifdp-tapachula. The exchange hands a referral message to the
/// deployment serving its receiving office and a protocol settings message to every deployment, as the
/// Service Bus subscriptions do (docs/exchange.md). No Service Bus and no second host process runs here.
/// </summary>
public sealed class ProtocolSettingsReplicationTests : IAsyncLifetime
{
    private const string Guatemala = "gt-idpp-guatemala";
    private const string Tapachula = "mx-ifdp-tapachula";

    // Monday 2 March 2026, 10:00 in Tapachula (UTC-6).
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero));
    private readonly SharedExchange exchange = new();
    private readonly FunctionHarness guatemala;
    private readonly FunctionHarness tapachula;

    public ProtocolSettingsReplicationTests()
    {
        guatemala = Deployment(Guatemala);
        tapachula = Deployment(Tapachula);
    }

    public async Task InitializeAsync()
    {
        exchange.Join(Guatemala, guatemala);
        exchange.Join(Tapachula, tapachula);
        await guatemala.StartAsync();
        await tapachula.StartAsync();
        await RelayAsync(guatemala);
        await RelayAsync(tapachula);
    }

    public async Task DisposeAsync()
    {
        await guatemala.DisposeAsync();
        await tapachula.DisposeAsync();
    }

    [Fact]
    public async Task A_change_in_the_receiver_s_deployment_reaches_the_sender_s_which_computes_the_receiver_s_deadlines_from_it()
    {
        var changed = await ChangeAsync(tapachula, Tapachula, acknowledgeBusinessDays: 1);
        await RelayAsync(tapachula);

        var held = (await Store(guatemala).CurrentAsync(Tapachula, default))!;
        Assert.Equal((2, new BusinessDaysDeadline(1, 12), changed.UpdatedAt, (string?)null), (held.Version, held.Deadlines.Acknowledge, held.UpdatedAt, held.UpdatedBy));

        var sent = await SendAsync();
        await RelayAsync(guatemala);

        // One business day in Tapachula from Monday 10:00: due when Tuesday ends there (the defaults give two: Wednesday).
        var due = new DateTimeOffset(2026, 3, 4, 6, 0, 0, TimeSpan.Zero);
        Assert.Equal(due, sent.Deadlines.Single(d => d.Kind == DeadlineKind.Acknowledge).DueAt);
        var incoming = await tapachula.Provider.GetRequiredService<GetReferral>().HandleAsync(sent.Id, Call(tapachula, $"{Tapachula}-defender"), default);
        Assert.Equal(due, incoming.Value!.Deadlines.Single(d => d.Kind == DeadlineKind.Acknowledge).DueAt);
    }

    [Fact]
    public async Task A_deployment_keeps_its_own_offices_settings_whatever_the_exchange_brings()
    {
        await ChangeAsync(guatemala, Guatemala, acknowledgeBusinessDays: 3);
        await RelayAsync(guatemala);
        var forged = ProtocolSettingsMessages.Of(
            ProtocolDefaults.For(Guatemala) with { Version = 9, Deadlines = ProtocolDefaults.For(Guatemala).Deadlines with { Acknowledge = new BusinessDaysDeadline(4, 40) } },
            Guid.NewGuid(),
            clock.GetUtcNow());

        var delivery = await Receiver(guatemala).HandleAsync(forged, default);

        Assert.Equal(Delivery.Handled, delivery);
        var own = (await Store(guatemala).CurrentAsync(Guatemala, default))!;
        Assert.Equal((2, 3, $"{Guatemala}-admin"), (own.Version, own.Deadlines.Acknowledge.BusinessDays, own.UpdatedBy));
        Assert.Equal(2, (await Store(tapachula).CurrentAsync(Guatemala, default))!.Version);
    }

    [Fact]
    public async Task A_deployment_does_not_change_the_settings_of_an_office_it_does_not_serve()
    {
        var changed = await guatemala.Provider.GetRequiredService<UpdateProtocolSettings>().HandleAsync(
            new UpdateProtocolSettings.Command(Tapachula, ProtocolDefaults.Input, null), Call(guatemala, $"{Tapachula}-admin"), default);

        Assert.Equal(FailureKind.NotFound, changed.Failure!.Kind);
        Assert.Equal(1, (await Store(guatemala).CurrentAsync(Tapachula, default))!.Version);
    }

    [Fact]
    public async Task The_newest_version_wins_whatever_the_order_and_a_redelivery_changes_nothing()
    {
        var third = ProtocolSettingsMessages.Of(Version(3, acknowledgeBusinessDays: 4), Guid.NewGuid(), clock.GetUtcNow());
        var second = ProtocolSettingsMessages.Of(Version(2, acknowledgeBusinessDays: 1), Guid.NewGuid(), clock.GetUtcNow());
        var receiver = Receiver(guatemala);

        Assert.Equal(Delivery.Handled, await receiver.HandleAsync(third, default));
        Assert.Equal(Delivery.Handled, await receiver.HandleAsync(second, default));
        Assert.Equal(Delivery.Handled, await receiver.HandleAsync(third, default));

        var held = (await Store(guatemala).CurrentAsync(Tapachula, default))!;
        Assert.Equal((3, 4), (held.Version, held.Deadlines.Acknowledge.BusinessDays));
    }

    [Fact]
    public async Task A_deployment_that_missed_a_change_learns_it_when_the_receiver_s_deployment_starts_again()
    {
        exchange.Leave(Guatemala);
        await ChangeAsync(tapachula, Tapachula, acknowledgeBusinessDays: 1);
        await RelayAsync(tapachula);
        Assert.Equal(1, (await Store(guatemala).CurrentAsync(Tapachula, default))!.Version);

        exchange.Join(Guatemala, guatemala);
        await tapachula.Provider.GetRequiredService<AnnounceProtocolSettings>().RunAsync(default);
        await RelayAsync(tapachula);

        Assert.Equal(2, (await Store(guatemala).CurrentAsync(Tapachula, default))!.Version);
    }

    [Fact]
    public async Task Settings_of_an_office_outside_the_directory_are_set_aside_and_stored_nowhere()
    {
        var stranger = ProtocolSettingsMessages.Of(ProtocolDefaults.For("zz-unknown-office") with { Version = 2 }, Guid.NewGuid(), clock.GetUtcNow());

        var delivery = await Receiver(guatemala).HandleAsync(stranger, default);

        Assert.Equal(DeliveryOutcome.Rejected, delivery.Outcome);
        Assert.Equal("office-not-in-directory", delivery.Reason);
        Assert.Null(await Store(guatemala).CurrentAsync("zz-unknown-office", default));
    }

    private FunctionHarness Deployment(string office) =>
        new(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IServedOffices>(new ConfiguredOfficesServed([office]));
            services.AddSingleton<IMessagePublisher>(exchange);
        });

    private ProtocolSettings Version(int version, int acknowledgeBusinessDays) => ProtocolDefaults.For(Tapachula) with
    {
        Version = version,
        Deadlines = ProtocolDefaults.For(Tapachula).Deadlines with { Acknowledge = new BusinessDaysDeadline(acknowledgeBusinessDays, 12) },
        UpdatedAt = clock.GetUtcNow(),
    };

    private async Task<ProtocolSettings> ChangeAsync(FunctionHarness deployment, string office, int acknowledgeBusinessDays)
    {
        var input = ProtocolDefaults.Input with
        {
            Deadlines = ProtocolDefaults.Input.Deadlines! with { Acknowledge = new BusinessDaysDeadlineInput { BusinessDays = acknowledgeBusinessDays, CriticalHours = 12 } },
        };
        var changed = await deployment.Provider.GetRequiredService<UpdateProtocolSettings>().HandleAsync(
            new UpdateProtocolSettings.Command(office, input, null), Call(deployment, $"{office}-admin"), default);
        Assert.True(changed.IsSuccess, changed.Failure?.Detail);
        return changed.Value;
    }

    private async Task<Referral> SendAsync()
    {
        var call = Call(guatemala, $"{Guatemala}-defender");
        var intake = await guatemala.Provider.GetRequiredService<IntakeCase>().HandleAsync(
            new IntakeCase.Command(
                new IntakeInput { Client = new ClientInput { FullName = "Ana Ficticia Ejemplo", Languages = ["es"] }, LegalIssues = [new LegalIssueInput { Type = "asylum" }] },
                null,
                "intake"),
            call,
            default);
        var caseId = intake.Value!.Case.Id;
        var consent = await guatemala.Provider.GetRequiredService<RecordConsent>().HandleAsync(
            new RecordConsent.Command(
                caseId, new ConsentInput { Purpose = "share-with-office", OfficeId = Tapachula, Given = true, Channel = "in-person", Language = "es" }, null, null, "consent"),
            call,
            default);
        Assert.True(consent.IsSuccess, consent.Failure?.Detail);
        var sent = await guatemala.Provider.GetRequiredService<SendReferral>().HandleAsync(
            new SendReferral.Command(
                caseId, new ReferralInput { ToOfficeId = Tapachula, Kind = "representation", Reason = "The client moved to Tapachula", SharedFields = ["legalIssues"] }, null, "send"),
            call,
            default);
        Assert.True(sent.IsSuccess, sent.Failure?.Detail);
        return sent.Value.Referral;
    }

    private static IProtocolSettingsStore Store(FunctionHarness deployment) => deployment.Provider.GetRequiredService<IProtocolSettingsStore>();

    private static IMessageHandler Receiver(FunctionHarness deployment) =>
        deployment.Provider.GetServices<IMessageHandler>().Single(h => h.Topic == Topics.ProtocolSettings);

    private static async Task RelayAsync(FunctionHarness deployment)
    {
        var outcome = await deployment.Provider.GetRequiredService<RelayOutbox>().RunAsync(default);
        Assert.Null(outcome.Failure);
    }

    private static CallContext Call(FunctionHarness deployment, string userId)
    {
        var user = deployment.Provider.GetRequiredService<DemoUsers>().Find(userId)!;
        return new CallContext(new StaffCaller(user.UserId, user.OfficeId, user.Roles.ToHashSet()), Guid.NewGuid().ToString("N"));
    }

    /// <summary>
    /// The exchange between the deployments, with the routing of the Service Bus subscriptions: a message
    /// with a receiving office goes to the deployment serving it, one without (protocol settings) to every
    /// deployment. A handler's retry fails the publish, as in the in-process exchange.
    /// </summary>
    private sealed class SharedExchange : IMessagePublisher
    {
        private readonly Dictionary<string, FunctionHarness> deployments = new(StringComparer.Ordinal);

        public void Join(string office, FunctionHarness deployment) => deployments[office] = deployment;

        public void Leave(string office) => deployments.Remove(office);

        public async Task PublishAsync(ExchangeMessage message, CancellationToken cancellationToken)
        {
            var receivers = message.ToOfficeId is { } to
                ? deployments.Where(d => d.Key == to).Select(d => d.Value)
                : deployments.Values;
            foreach (var deployment in receivers.ToArray())
            {
                foreach (var handler in deployment.Provider.GetServices<IMessageHandler>().Where(h => h.Topic == message.Topic))
                {
                    var delivery = await handler.HandleAsync(message, cancellationToken);
                    if (delivery.Outcome == DeliveryOutcome.RetryLater)
                    {
                        throw new MessageNotDeliveredException(message.Id, delivery.Reason ?? "retry later");
                    }
                }
            }
        }
    }
}
