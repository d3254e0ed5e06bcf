using BenchmarkDotNet.Attributes;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Infrastructure.Seed;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Benchmarks;

/// <summary>
/// What the referral listing and the deadline sweep read on the embedded store when every copy holds a
/// full thread: 400 outgoing copies of one office, each with 200 messages of 400 characters. One page of
/// the outgoing list (25 copies, the route's default) and one page of the sweep (200 copies).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class ReferralListingBenchmarks
{
    private const int Copies = 400;
    private const int MessagesPerCopy = 200;
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 16, 0, 0, TimeSpan.Zero);

    private string _folder = null!;
    private SqliteDatabase _database = null!;
    private SqliteReferralStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "legalaidreferral-bench", Guid.NewGuid().ToString("N"));
        _database = new SqliteDatabase(new SqliteStorageOptions(_folder));
        _database.InitializeAsync(default).GetAwaiter().GetResult();
        _store = new SqliteReferralStore(_database);

        var offices = SeedOffices.Load();
        var from = offices.Single(o => o.Id == "gt-idpp-guatemala");
        var to = offices.Single(o => o.Id == "mx-ifdp-tapachula");
        var calendar = DeadlineCalculator.For(ProtocolDefaults.For(to.Id), to.TimeZone);
        var supervisor = new StaffCaller("gt-idpp-guatemala-supervisor", from.Id, new HashSet<Role> { Role.Defender, Role.Supervisor });
        var details = CaseDetailsValidator.Validate(
            new IntakeInput
            {
                Client = new ClientInput { FullName = "Ana Ficticia Ejemplo", Nationalities = ["HN"], Languages = ["es"] },
                LegalIssues = [new LegalIssueInput { Type = "deportation" }],
            },
            DateOnly.FromDateTime(Now.UtcDateTime)).Value!;
        var request = new ReferralRequest(to.Id, ReferralKind.Representation, null, "Benchmark referral", ["client.fullName"], [], "Benchmark override");
        var text = string.Concat(Enumerable.Repeat("La clienta prefiere llamadas por la tarde. ", 10))[..400];

        for (var i = 0; i < Copies; i++)
        {
            var @case = Case.Open(Guid.CreateVersion7(Now), from.Id, $"GT-2026-{i:D6}", IntakeChannel.Staff, details, supervisor.Id, Now);
            var copy = ReferralSending.Send(Guid.CreateVersion7(Now), Guid.CreateVersion7(Now), @case, request, from, to, calendar, supervisor, Now).Value!.Referral;
            for (var m = 0; m < MessagesPerCopy; m++)
            {
                copy = ReferralThread.Post(copy, supervisor, Guid.CreateVersion7(Now), text, Now.AddMinutes(m)).Value!.Referral;
            }

            _store.TryCreateAsync(copy, [], [], default).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The first page of <c>GET /api/referrals?direction=outgoing</c>: 25 copies.</summary>
    [Benchmark]
    public Task<Page<Referral>> OutgoingPage() =>
        _store.ListAsync("gt-idpp-guatemala", new ReferralQuery(ReferralDirection.Outgoing, null), new PageRequest(25, null), default);

    /// <summary>One page of the deadline sweep: 200 open copies.</summary>
    [Benchmark]
    public Task<Page<Referral>> SweepPage() => _store.ListForSweepAsync(null, SweepDeadlines.PageSize, default);
}
