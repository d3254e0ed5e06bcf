using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Infrastructure.Exchange;
using LegalAidReferral.Infrastructure.Seed;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Benchmarks;

/// <summary>
/// The referral exchange on the embedded store, as the standalone host runs it: one inbound step
/// (the receiving office's acknowledgement taken into the sending office's copy: de-duplicate, apply,
/// store with its audit entry in one write), the same steps as the relay hands them on (pages of 100
/// through the in-process exchange, one at a time or in batches), and the relay of 10,000 pending outbox messages. One
/// invocation per iteration (monitoring), so every measured step is a new one, never a duplicate;
/// each benchmark runs in a process of its own with its own 12,000 referrals.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
public class ReferralExchangeBenchmarks
{
    private const int Steps = 1_000;
    private const int Referrals = 12_000;
    private const int Pending = 10_000;
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 16, 0, 0, TimeSpan.Zero);

    private string _folder = null!;
    private SqliteDatabase _database = null!;
    private ReferralMessageHandler _handler = null!;
    private ExchangeMessage[] _acknowledgements = null!;
    private ExchangeMessage[] _pending = null!;
    private RelayOutbox _relay = null!;
    private InProcessExchange _oneAtATime = null!;
    private InProcessExchange _inBatches = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "legalaidreferral-bench", Guid.NewGuid().ToString("N"));
        _database = new SqliteDatabase(new SqliteStorageOptions(_folder));
        _database.InitializeAsync(default).GetAwaiter().GetResult();
        var clock = new FixedClock(Now);
        var store = new SqliteReferralStore(_database);
        var cases = new SqliteCaseStore(_database);
        var auditor = new CaseAuditor(new SqliteAuditTrail(_database), clock);
        var pseudonyms = new Pseudonyms(new byte[Pseudonyms.MinKeyBytes]);
        _handler = new ReferralMessageHandler(store, cases, auditor, clock);

        var offices = SeedOffices.Load();
        var from = offices.Single(o => o.Id == "gt-idpp-guatemala");
        var to = offices.Single(o => o.Id == "mx-ifdp-tapachula");
        var calendar = DeadlineCalculator.For(ProtocolDefaults.For(to.Id), to.TimeZone);
        var supervisor = new StaffCaller("gt-idpp-guatemala-supervisor", from.Id, new HashSet<Role> { Role.Defender, Role.Supervisor });
        var receiver = new StaffCaller("mx-ifdp-tapachula-defender", to.Id, new HashSet<Role> { Role.Defender });
        var details = CaseDetailsValidator.Validate(
            new IntakeInput
            {
                Client = new ClientInput { FullName = "Ana Ficticia Ejemplo", Nationalities = ["HN"], Languages = ["es"] },
                LegalIssues = [new LegalIssueInput { Type = "deportation" }],
            },
            DateOnly.FromDateTime(Now.UtcDateTime)).Value!;
        var request = new ReferralRequest(to.Id, ReferralKind.Representation, null, "Benchmark referral", ["client.fullName"], [], "Benchmark override");

        _acknowledgements = new ExchangeMessage[Referrals];
        for (var i = 0; i < Referrals; i++)
        {
            var @case = Case.Open(Guid.CreateVersion7(Now), from.Id, $"GT-2026-{i:D6}", IntakeChannel.Staff, details, supervisor.Id, Now);
            var sent = ReferralSending.Send(Guid.CreateVersion7(Now), Guid.CreateVersion7(Now), @case, request, from, to, calendar, supervisor, Now).Value!;
            var messages = ReferralMessages.Of(sent.Referral, sent.Step, sent.Delivery, pseudonyms);
            store.TryCreateAsync(sent.Referral, [], [], default).GetAwaiter().GetResult();
            _handler.HandleAsync(messages[0], default).GetAwaiter().GetResult();
            var copy = store.FindAsync(to.Id, sent.Referral.Id, default).GetAwaiter().GetResult()!;
            var acknowledged = copy.Act(ReferralAction.Acknowledge, new ReferralActionDetails(null, null, null, null), receiver, Guid.CreateVersion7(Now), Now, calendar).Value!;
            _acknowledgements[i] = ReferralMessages.Of(acknowledged.Referral, acknowledged.Step, null, pseudonyms)[0];
        }

        _pending = Enumerable.Range(0, Pending)
            .Select(i => new ExchangeMessage(Guid.CreateVersion7(Now), Topics.ProtocolEvents, "protocol-event", from.Id, null, $"referral-{i % 500}", """{"schemaVersion":1}""", Now))
            .ToArray();
        _relay = new RelayOutbox(new SqliteOutbox(_database), new InProcessExchange([], new SqliteDeadLetters(_database), clock));
        _oneAtATime = new InProcessExchange([new OneAtATime(_handler)], new SqliteDeadLetters(_database), clock);
        _inBatches = new InProcessExchange([_handler], new SqliteDeadLetters(_database), clock);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Steps of distinct referrals, one after another (each write is its own commit).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public async Task InboundStep()
    {
        for (var i = 0; i < Steps; i++)
        {
            await _handler.HandleAsync(_acknowledgements[_next++ % Referrals], default);
        }
    }

    /// <summary>The same steps, 32 of distinct referrals handled at once: the writer commits them together.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public Task InboundStepsThirtyTwoAtOnce() =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, Steps).Select(_ => _acknowledgements[_next++ % Referrals]).ToArray(),
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (message, ct) => await _handler.HandleAsync(message, ct));

    /// <summary>The same steps as the relay hands them on, in pages of 100, to the handler one message at a time (as before it took batches).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public Task InboundStepsRelayedOneAtATime() => PublishPagesAsync(_oneAtATime);

    /// <summary>The same pages to the handler in batches of 32: the steps of distinct referrals at once.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public Task InboundStepsRelayedInBatches() => PublishPagesAsync(_inBatches);

    private async Task PublishPagesAsync(InProcessExchange exchange)
    {
        foreach (var page in Enumerable.Range(0, Steps).Select(_ => _acknowledgements[_next++ % Referrals]).Chunk(RelayOutbox.BatchSize))
        {
            await exchange.PublishPageAsync(page, default);
        }
    }

    [IterationSetup(Target = nameof(RelayTenThousand))]
    public void FillOutbox() =>
        _database.WriteAsync(write => { SqliteOutbox.Save(write, _pending.Select(m => m with { Id = Guid.NewGuid() })); return true; }, default)
            .GetAwaiter().GetResult();

    /// <summary>The relay publishing 10,000 pending messages to a topic without handlers, and marking them sent.</summary>
    [Benchmark]
    public Task<RelayOutbox.Outcome> RelayTenThousand() => _relay.RunAsync(default);

    /// <summary>The handler without its batches, as the exchange saw it before: one message a call.</summary>
    private sealed class OneAtATime(IMessageHandler handler) : IMessageHandler
    {
        public string Topic => handler.Topic;

        public Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken) => handler.HandleAsync(message, cancellationToken);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
