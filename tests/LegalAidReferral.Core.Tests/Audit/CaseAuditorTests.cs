using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Core.Tests.Audit;

public class CaseAuditorTests
{
    private const string Office = "mx-ifdp-tapachula";
    private static readonly Guid CaseId = Guid.Parse("1c2d3e4f-5a6b-4c7d-8e9f-001122334455");

    public static TheoryData<string, string, string> Callers() => new()
    {
        { "staff", "tapachula-defender", Office },
        { "system", "system:deadline-sweep", Office },
        { "client", $"client:{CaseId:D}", Office },
    };

    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);
    private static readonly CallContext Call = new(new StaffCaller("defender-1", "gt-idpp-guatemala", new HashSet<Role> { Role.Defender }), "correlation-1");

    private sealed class RecordingTrail : IAuditTrail
    {
        public List<IReadOnlyList<AuditEntry>> Recorded { get; } = [];

        public Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
        {
            Recorded.Add(entries);
            return Task.CompletedTask;
        }

        public Task<Page<AuditEntry>> ListForCaseAsync(string officeId, Guid caseId, PageRequest page, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public void Every_kind_of_caller_is_recorded_by_its_id_and_the_office_it_acts_in(string kind, string userId, string actorOfficeId)
    {
        Caller caller = kind switch
        {
            "staff" => new StaffCaller("tapachula-defender", Office, new HashSet<Role> { Role.Defender }),
            "system" => new SystemCaller("deadline-sweep", Office),
            _ => new ClientCaller(CaseId, Office),
        };
        var auditor = new CaseAuditor(new RecordingTrail(), new FakeTimeProvider());

        var entry = Assert.Single(auditor.Entries(new CallContext(caller, "corr-1"), Office, CaseId, AuditAction.CaseRead));

        Assert.Equal((userId, actorOfficeId), (entry.UserId, entry.ActorOfficeId));
    }

    [Fact]
    public async Task A_read_of_several_cases_records_one_entry_per_case_with_the_caller_and_the_time()
    {
        var trail = new RecordingTrail();
        Guid[] cases = [Guid.NewGuid(), Guid.NewGuid()];

        await new CaseAuditor(trail, new FakeTimeProvider(Now)).RecordAsync(Call, "gt-idpp-guatemala", cases, AuditAction.CaseListed, [], CancellationToken.None);

        var entries = Assert.Single(trail.Recorded);
        Assert.Equal(cases, entries.Select(e => e.CaseId));
        Assert.All(entries, e => Assert.Equal(
            ("gt-idpp-guatemala", AuditAction.CaseListed, "defender-1", "gt-idpp-guatemala", Now, "correlation-1"),
            (e.OfficeId, e.Action, e.UserId, e.ActorOfficeId, e.At, e.CorrelationId)));
        Assert.Equal(2, entries.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_listing_of_no_cases_records_nothing()
    {
        var trail = new RecordingTrail();

        await new CaseAuditor(trail, new FakeTimeProvider(Now)).RecordAsync(Call, "gt-idpp-guatemala", [], AuditAction.CaseListed, [], CancellationToken.None);

        Assert.Empty(trail.Recorded);
    }

    [Fact]
    public void Entries_need_a_caller_and_a_list_of_cases()
    {
        var auditor = new CaseAuditor(new RecordingTrail(), new FakeTimeProvider(Now));

        Assert.Equal("call", Assert.Throws<ArgumentNullException>(() => auditor.Entries(null!, "gt-idpp-guatemala", [Guid.NewGuid()], AuditAction.CaseRead, [])).ParamName);
        Assert.Equal("caseIds", Assert.Throws<ArgumentNullException>(() => auditor.Entries(Call, "gt-idpp-guatemala", null!, AuditAction.CaseRead, [])).ParamName);
    }
}
