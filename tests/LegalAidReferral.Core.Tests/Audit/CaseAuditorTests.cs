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
        var auditor = new CaseAuditor(new UnusedTrail(), new FakeTimeProvider());

        var entry = Assert.Single(auditor.Entries(new CallContext(caller, "corr-1"), Office, CaseId, AuditAction.CaseRead));

        Assert.Equal((userId, actorOfficeId), (entry.UserId, entry.ActorOfficeId));
    }

    private sealed class UnusedTrail : IAuditTrail
    {
        public Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Page<AuditEntry>> ListForCaseAsync(string officeId, Guid caseId, PageRequest page, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
