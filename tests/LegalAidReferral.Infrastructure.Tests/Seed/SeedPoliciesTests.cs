using LegalAidReferral.Core.Triage;
using LegalAidReferral.Infrastructure.Seed;

namespace LegalAidReferral.Infrastructure.Tests.Seed;

public class SeedPoliciesTests
{
    [Fact]
    public void Every_seed_office_has_a_valid_policy_with_a_conflict_check()
    {
        var offices = SeedOffices.Load();

        var policies = SeedPolicies.Load(offices.Select(o => o.Id));

        Assert.Equal(offices.Select(o => o.Id), policies.Select(p => p.OfficeId));
        Assert.All(policies, p => Assert.Contains(p.Criteria, c => c.Kind == TriageCriterionKind.ConflictOfInterest));
    }

    [Fact]
    public void An_office_without_a_policy_file_stops_the_start_naming_the_office()
    {
        var error = Assert.Throws<InvalidDataException>(() => SeedPolicies.Load(["xx-unknown-office"]));

        Assert.Contains("xx-unknown-office", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_policy_file_names_the_office_and_the_field()
    {
        var error = Assert.Throws<InvalidDataException>(() => SeedPolicies.Parse("gt-idpp-guatemala", """
            { "criteria": [ { "id": "conflict", "kind": "conflict-of-interest" } ], "defaultPriority": "urgent",
              "referral": { "recommendOffices": true, "maxOffices": 3 } }
            """));

        Assert.Contains("gt-idpp-guatemala", error.Message, StringComparison.Ordinal);
        Assert.Contains("'defaultPriority'", error.Message, StringComparison.Ordinal);
    }
}
