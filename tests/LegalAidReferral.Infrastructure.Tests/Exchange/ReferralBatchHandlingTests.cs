using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Infrastructure.Seed;
using LegalAidReferral.Infrastructure.Sqlite;
using LegalAidReferral.Infrastructure.Tests.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Infrastructure.Tests.Exchange;

/// <summary>The referral handler's batches (<see cref="ReferralMessageHandler.HandleBatchAsync"/>) on the SQLite store.</summary>
public sealed class ReferralBatchHandlingTests : TempDatabase
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 16, 0, 0, TimeSpan.Zero);
    private static readonly Pseudonyms Pseudonyms = new(new byte[Pseudonyms.MinKeyBytes]);
    private readonly FakeTimeProvider clock = new(Now);

    [Fact(Timeout = 60_000)]
    public async Task The_messages_of_distinct_referrals_in_a_batch_are_handled_at_once()
    {
        var store = new HeldReceipts(new SqliteReferralStore(Database), expected: 4);
        var deliveries = new List<ExchangeMessage>();
        for (var i = 0; i < 4; i++)
        {
            deliveries.Add((await SendAsync(i)).Delivery);
        }

        var handling = Handler(store).HandleBatchAsync(deliveries, default);
        await store.AllArrived;
        store.Release();

        Assert.All(await handling, d => Assert.Equal(DeliveryOutcome.Handled, d.Outcome));
        foreach (var delivery in deliveries)
        {
            Assert.NotNull(await new SqliteReferralStore(Database).FindAsync(Tapachula, Guid.Parse(delivery.CorrelationId!), default));
        }
    }

    [Fact]
    public async Task After_a_message_to_retry_the_rest_of_its_referral_waits_while_other_referrals_go_on()
    {
        var store = new SqliteReferralStore(Database);
        var handler = Handler(store);
        var (first, firstDelivery) = await SendAsync(0);
        await handler.HandleAsync(firstDelivery, default);
        var (acknowledge, accept) = await StepsAsync(store, first);
        var other = (await SendAsync(1)).Delivery;

        var deliveries = await handler.HandleBatchAsync([accept, acknowledge, other], default);

        Assert.Equal(
            [DeliveryOutcome.RetryLater, DeliveryOutcome.RetryLater, DeliveryOutcome.Handled],
            deliveries.Select(d => d.Outcome));
        Assert.Equal(["predecessor-missing", "earlier-message-waits"], deliveries.Take(2).Select(d => d.Reason));
        Assert.Equal(ReferralStatus.Sent, (await store.FindAsync(Guatemala, first.Id, default))!.Status);

        Assert.All(await handler.HandleBatchAsync([acknowledge, accept], default), d => Assert.Equal(DeliveryOutcome.Handled, d.Outcome));
        Assert.Equal(ReferralStatus.Accepted, (await store.FindAsync(Guatemala, first.Id, default))!.Status);
    }

    private const string Guatemala = "gt-idpp-guatemala";
    private const string Tapachula = "mx-ifdp-tapachula";

    private ReferralMessageHandler Handler(IReferralStore store) =>
        new(store, new SqliteCaseStore(Database), new CaseAuditor(new SqliteAuditTrail(Database), clock), clock);

    /// <summary>Guatemala's sending copy of a new referral, stored, and its delivery to Tapachula.</summary>
    private async Task<(Referral Sending, ExchangeMessage Delivery)> SendAsync(int number)
    {
        var offices = SeedOffices.Load();
        var from = offices.Single(o => o.Id == Guatemala);
        var to = offices.Single(o => o.Id == Tapachula);
        var supervisor = new StaffCaller($"{Guatemala}-supervisor", Guatemala, new HashSet<Role> { Role.Defender, Role.Supervisor });
        var details = CaseDetailsValidator.Validate(
            new IntakeInput
            {
                Client = new ClientInput { FullName = "Ana Ficticia Ejemplo", Nationalities = ["HN"], Languages = ["es"] },
                LegalIssues = [new LegalIssueInput { Type = "deportation" }],
            },
            DateOnly.FromDateTime(Now.UtcDateTime)).Value!;
        var @case = Case.Open(Guid.NewGuid(), Guatemala, $"GT-2026-{number:D6}", IntakeChannel.Staff, details, supervisor.Id, Now);
        var request = new ReferralRequest(Tapachula, ReferralKind.Representation, null, "Test referral", ["client.fullName"], [], "Test override");
        var sent = ReferralSending.Send(Guid.NewGuid(), Guid.NewGuid(), @case, request, from, to, Calendar(to.TimeZone), supervisor, Now).Value!;
        Assert.True(await new SqliteReferralStore(Database).TryCreateAsync(sent.Referral, [], [], default));
        return (sent.Referral, ReferralMessages.Of(sent.Referral, sent.Step, sent.Delivery, Pseudonyms)[0]);
    }

    /// <summary>Tapachula's acknowledgement and acceptance of the referral, as messages to Guatemala (not stored at Tapachula).</summary>
    private static async Task<(ExchangeMessage Acknowledge, ExchangeMessage Accept)> StepsAsync(IReferralStore store, Referral sending)
    {
        var receiver = new StaffCaller($"{Tapachula}-defender", Tapachula, new HashSet<Role> { Role.Defender });
        var calendar = Calendar("America/Mexico_City");
        var copy = (await store.FindAsync(Tapachula, sending.Id, default))!;
        var acknowledged = copy.Act(ReferralAction.Acknowledge, new ReferralActionDetails(null, null, null, null), receiver, Guid.NewGuid(), Now, calendar).Value!;
        var accepted = acknowledged.Referral.Act(ReferralAction.Accept, new ReferralActionDetails(null, null, null, null), receiver, Guid.NewGuid(), Now, calendar).Value!;
        return (ReferralMessages.Of(acknowledged.Referral, acknowledged.Step, null, Pseudonyms)[0], ReferralMessages.Of(accepted.Referral, accepted.Step, null, Pseudonyms)[0]);
    }

    private static DeadlineCalculator Calendar(string timeZone) => DeadlineCalculator.For(ProtocolDefaults.For(Tapachula), timeZone);

    /// <summary>Holds every receipt until <paramref name="expected"/> of them are waiting at once, then lets them through when released.</summary>
    private sealed class HeldReceipts(IReferralStore inner, int expected) : IReferralStore
    {
        private readonly TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int waiting;

        public Task AllArrived => arrived.Task;

        public void Release() => released.TrySetResult();

        public async Task<bool> TryReceiveAsync(
            Referral copy, long? expectedVersion, Guid messageId, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref waiting) == expected)
            {
                arrived.TrySetResult();
            }

            await released.Task;
            return await inner.TryReceiveAsync(copy, expectedVersion, messageId, messages, audit, cancellationToken);
        }

        public Task<Referral?> FindAsync(string holderOfficeId, Guid referralId, CancellationToken cancellationToken) => inner.FindAsync(holderOfficeId, referralId, cancellationToken);

        public Task<Page<Referral>> ListAsync(string holderOfficeId, ReferralQuery query, PageRequest page, CancellationToken cancellationToken) =>
            inner.ListAsync(holderOfficeId, query, page, cancellationToken);

        public Task<IReadOnlyList<Referral>> ListForCaseAsync(string officeId, Guid caseId, CancellationToken cancellationToken) => inner.ListForCaseAsync(officeId, caseId, cancellationToken);

        public Task<Page<Referral>> ListForSweepAsync(string? continuationToken, int limit, CancellationToken cancellationToken) =>
            inner.ListForSweepAsync(continuationToken, limit, cancellationToken);

        public Task<bool> TryCreateAsync(Referral copy, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
            inner.TryCreateAsync(copy, messages, audit, cancellationToken);

        public Task<bool> TryReplaceAsync(Referral copy, long expectedVersion, IReadOnlyList<ExchangeMessage> messages, IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken) =>
            inner.TryReplaceAsync(copy, expectedVersion, messages, audit, cancellationToken);
    }
}
