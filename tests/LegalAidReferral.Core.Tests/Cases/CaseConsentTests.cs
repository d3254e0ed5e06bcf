using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Tests.Cases;

public class CaseConsentTests
{
    private static Consent Given(Guid id, bool given = true) =>
        new(id, ConsentPurpose.ShareWithOffice, "mx-ifdp-tapachula", given, CaseSamples.Now, ConsentChannel.InPerson, "es", "user-1", null, null);

    [Fact]
    public void Withdrawing_a_consent_in_force_marks_it_withdrawn_at_once()
    {
        var id = Guid.NewGuid();
        var @case = CaseSamples.NewCase().WithConsent(Given(id), CaseSamples.Now);
        var at = CaseSamples.Now.AddDays(1);

        var after = @case.WithdrawConsent(id, ConsentChannel.Chat, "user-2", at).Value!;

        var consent = Assert.Single(after.Consents);
        Assert.Equal(at, consent.WithdrawnAt);
        Assert.Equal("user-2", consent.WithdrawnBy);
        Assert.False(consent.IsInForce);
        Assert.Equal(@case.Version + 1, after.Version);
    }

    [Fact]
    public void Withdrawing_one_consent_leaves_the_others_as_they_were()
    {
        var (first, second, third) = (Given(Guid.NewGuid()), Given(Guid.NewGuid()), Given(Guid.NewGuid()));
        var @case = CaseSamples.NewCase().WithConsent(first, CaseSamples.Now).WithConsent(second, CaseSamples.Now).WithConsent(third, CaseSamples.Now);

        var after = @case.WithdrawConsent(second.Id, ConsentChannel.Phone, "user-2", CaseSamples.Now.AddDays(1)).Value!;

        Assert.Equal([first.Id, second.Id, third.Id], after.Consents.Select(c => c.Id));
        Assert.Equal(first, after.Consents[0]);
        Assert.Equal(second with { WithdrawnAt = CaseSamples.Now.AddDays(1), WithdrawnBy = "user-2", WithdrawalChannel = ConsentChannel.Phone }, after.Consents[1]);
        Assert.Equal(third, after.Consents[2]);
    }

    [Fact]
    public void Withdrawing_twice_is_an_invalid_transition()
    {
        var id = Guid.NewGuid();
        var withdrawn = CaseSamples.NewCase().WithConsent(Given(id), CaseSamples.Now)
            .WithdrawConsent(id, ConsentChannel.Chat, "user-2", CaseSamples.Now).Value!;

        Assert.Equal(FailureKind.InvalidTransition, withdrawn.WithdrawConsent(id, ConsentChannel.Chat, "user-2", CaseSamples.Now).Failure!.Kind);
    }

    [Fact]
    public void A_refused_consent_cannot_be_withdrawn()
    {
        var id = Guid.NewGuid();
        var @case = CaseSamples.NewCase().WithConsent(Given(id, given: false), CaseSamples.Now);

        Assert.Equal(FailureKind.InvalidTransition, @case.WithdrawConsent(id, ConsentChannel.Chat, "u", CaseSamples.Now).Failure!.Kind);
    }

    [Fact]
    public void Withdrawing_an_unknown_consent_is_not_found()
    {
        Assert.Equal(FailureKind.NotFound, CaseSamples.NewCase().WithdrawConsent(Guid.NewGuid(), ConsentChannel.Chat, "u", CaseSamples.Now).Failure!.Kind);
    }
}
