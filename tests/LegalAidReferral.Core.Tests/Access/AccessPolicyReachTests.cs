using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Tests.Access;

/// <summary>The reach rules no default row uses yet: through a referral, and a client bound to one case.</summary>
public class AccessPolicyReachTests
{
    private const string Sending = "gt-idpp-guatemala";
    private const string Receiving = "mx-ifdp-tapachula";
    private static readonly Guid ReferredCase = Guid.Parse("6f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e01");
    private static readonly AccessTarget SendersCase = new(Sending, ReferredCase);
    private static readonly StaffCaller ReceivingDefender = new("tapachula-defender", Receiving, new HashSet<Role> { Role.Defender });

    private static readonly Dictionary<UseCase, AccessRule> ThroughReferral = new()
    {
        [UseCase.GetCase] = AccessRule.Staff(Reach.OwnOfficeOrReferral, "Defenders only.", Role.Defender),
    };

    [Fact]
    public async Task Staff_of_another_office_reach_a_case_a_referral_connects_them_to()
    {
        var policy = new AccessPolicy(ThroughReferral, new Referrals(SendersCase));

        Assert.Null(await policy.CheckAsync(UseCase.GetCase, ReceivingDefender, SendersCase, CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_referral_another_office_s_case_is_not_found()
    {
        var policy = new AccessPolicy(ThroughReferral, new NoReferrals());

        var failure = await policy.CheckAsync(UseCase.GetCase, ReceivingDefender, SendersCase, CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, failure?.Kind);
    }

    [Fact]
    public async Task A_referral_opens_nothing_to_a_use_case_whose_rule_is_own_office()
    {
        var ownOffice = new Dictionary<UseCase, AccessRule> { [UseCase.GetCase] = AccessRule.Staff(Reach.OwnOffice, "Defenders only.", Role.Defender) };
        var policy = new AccessPolicy(ownOffice, new Referrals(SendersCase));

        var failure = await policy.CheckAsync(UseCase.GetCase, ReceivingDefender, SendersCase, CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, failure?.Kind);
    }

    [Fact]
    public async Task A_client_reaches_their_own_case_only()
    {
        var forClients = new Dictionary<UseCase, AccessRule>
        {
            [UseCase.GetCase] = new(new HashSet<CallerKind> { CallerKind.Client }, new HashSet<Role>(), Reach.OwnOfficeOrReferral, "Clients only."),
        };
        var policy = new AccessPolicy(forClients, new Referrals(new AccessTarget(Sending, Guid.NewGuid())));
        var client = new ClientCaller(ReferredCase, Sending);

        Assert.Null(await policy.CheckAsync(UseCase.GetCase, client, SendersCase, CancellationToken.None));
        var sameOffice = await policy.CheckAsync(UseCase.GetCase, client, new AccessTarget(Sending, Guid.NewGuid()), CancellationToken.None);
        Assert.Equal(FailureKind.NotFound, sameOffice?.Kind);
        Assert.Null(policy.Admit(UseCase.GetCase, client));
        Assert.Equal(FailureKind.Forbidden, policy.Admit(UseCase.GetCase, ReceivingDefender)?.Kind);
    }

    [Fact]
    public void Callers_are_recorded_by_a_clear_id_never_by_name()
    {
        Assert.Equal("tapachula-defender", ReceivingDefender.Id);
        Assert.Equal("system:deadline-sweep", new SystemCaller("deadline-sweep", Receiving).Id);
        Assert.Equal($"client:{ReferredCase:D}", new ClientCaller(ReferredCase, Sending).Id);
    }

    private sealed class Referrals(AccessTarget connected) : IReferralReach
    {
        public ValueTask<bool> ReachesAsync(StaffCaller caller, AccessTarget target, CancellationToken cancellationToken) =>
            ValueTask.FromResult(target == connected);
    }
}
