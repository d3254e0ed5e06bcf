using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using static LegalAidReferral.Functions.Tests.Cases.CoreUseCases;

namespace LegalAidReferral.Functions.Tests.Cases;

/// <summary>Recording and withdrawing a client's consents through Core's use cases, on the Functions app's storage.</summary>
public class ConsentUseCaseTests
{
    private static ConsentInput Given(string purpose = "store-and-process", string? officeId = null) => new()
    {
        Purpose = purpose,
        OfficeId = officeId,
        Given = true,
        Channel = "in-person",
        Language = "es",
        EvidenceReference = "FORM-1",
    };

    private static async Task<Result<RecordConsent.Outcome>> RecordAsync(
        FunctionHarness harness, Guid caseId, ConsentInput input, string? key = null, ExpectedVersion? ifMatch = null) =>
        await harness.Get<RecordConsent>().HandleAsync(new RecordConsent.Command(caseId, input, ifMatch, key, "hash-1"), Defender, CancellationToken.None);

    private static async Task<Result<WithdrawConsent.Outcome>> WithdrawAsync(FunctionHarness harness, Guid caseId, Guid consentId, string? channel = null) =>
        await harness.Get<WithdrawConsent>().HandleAsync(
            new WithdrawConsent.Command(caseId, consentId, new ConsentWithdrawalInput { Channel = channel }, null), Defender, CancellationToken.None);

    [Fact]
    public async Task A_recorded_consent_is_stored_with_who_when_and_how_and_its_purpose_is_audited()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();

        var recorded = await RecordAsync(harness, created.Id, Given(), ifMatch: ExpectedVersion.OneOf(1));

        var consent = recorded.Value!.Consent;
        Assert.False(recorded.Value.Replayed);
        Assert.Equal(
            (ConsentPurpose.StoreAndProcess, true, ConsentChannel.InPerson, "es", "defender-1", Now, "FORM-1"),
            (consent.Purpose, consent.Given, consent.Channel, consent.Language, consent.RecordedBy, consent.RecordedAt, consent.EvidenceReference));
        Assert.Equal(2L, recorded.Value.Case.Version);
        var stored = await harness.Get<ICaseStore>().FindAsync(Office, created.Id, CancellationToken.None);
        Assert.Equal(consent, Assert.Single(stored!.Consents));
        var entry = Assert.Single(await harness.HistoryAsync(created.Id), e => e.Action == AuditAction.ConsentRecorded);
        Assert.Equal(["consent:store-and-process"], entry.Changes);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_answers_the_recorded_consent_and_records_no_second_one()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();

        var first = await RecordAsync(harness, created.Id, Given(), key: "consent-1", ifMatch: ExpectedVersion.OneOf(1));
        var retry = await RecordAsync(harness, created.Id, Given(), key: "consent-1", ifMatch: ExpectedVersion.OneOf(1));

        Assert.True(retry.Value!.Replayed);
        Assert.Equal(first.Value!.Consent.Id, retry.Value.Consent.Id);
        Assert.Single(retry.Value.Case.Consents);
    }

    [Fact]
    public async Task Every_missing_or_invalid_consent_field_is_reported_and_nothing_is_recorded()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();

        var missing = await RecordAsync(harness, created.Id, new ConsentInput());
        var officeForOtherPurpose = await RecordAsync(harness, created.Id, Given(officeId: "mx-ifdp-tapachula"));
        var unknownOffice = await RecordAsync(harness, created.Id, Given("share-with-office", officeId: "xx-no-such-office"));

        Assert.Equal(["channel", "given", "language", "purpose"], missing.Failure!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["officeId"], officeForOtherPurpose.Failure!.Errors!.Keys);
        Assert.Equal(["officeId"], unknownOffice.Failure!.Errors!.Keys);
        Assert.Empty((await harness.Get<ICaseStore>().FindAsync(Office, created.Id, CancellationToken.None))!.Consents);
    }

    [Fact]
    public async Task A_share_with_office_consent_names_an_office_of_the_network()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();

        var recorded = await RecordAsync(harness, created.Id, Given("share-with-office", officeId: "mx-ifdp-tapachula"));

        Assert.Equal((ConsentPurpose.ShareWithOffice, "mx-ifdp-tapachula"), (recorded.Value!.Consent.Purpose, recorded.Value.Consent.OfficeId));
    }

    [Fact]
    public async Task A_case_holds_at_most_the_consent_limit()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();
        for (var i = 0; i < FieldLimits.ConsentsPerCase; i++)
        {
            Assert.True((await RecordAsync(harness, created.Id, Given())).IsSuccess);
        }

        var oneMore = await RecordAsync(harness, created.Id, Given());

        Assert.Equal(FailureKind.Conflict, oneMore.Failure!.Kind);
    }

    [Fact]
    public async Task Withdrawing_marks_the_consent_with_who_when_and_the_channel_and_audits_its_purpose()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();
        var consent = (await RecordAsync(harness, created.Id, Given("contact-by-chat"))).Value!.Consent;

        var withdrawn = await WithdrawAsync(harness, created.Id, consent.Id, channel: "phone");
        var byDefault = await WithdrawAsync(harness, created.Id, (await RecordAsync(harness, created.Id, Given())).Value!.Consent.Id);
        var unknownChannel = await WithdrawAsync(harness, created.Id, consent.Id, channel: "pigeon");

        Assert.Equal((Now, "defender-1", ConsentChannel.Phone), (withdrawn.Value!.Consent.WithdrawnAt, withdrawn.Value.Consent.WithdrawnBy, withdrawn.Value.Consent.WithdrawalChannel));
        Assert.Equal(ConsentChannel.InPerson, byDefault.Value!.Consent.WithdrawalChannel);
        Assert.Equal(["channel"], unknownChannel.Failure!.Errors!.Keys);
        var entry = Assert.Single(await harness.HistoryAsync(created.Id), e => e.Action == AuditAction.ConsentWithdrawn && e.Changes.Contains("consent:contact-by-chat"));
        Assert.Equal("defender-1", entry.UserId);
    }
}
