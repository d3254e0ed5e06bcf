using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Input;
using LegalAidReferral.Functions.Documents;
using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Standalone.DevSignIn;
using Microsoft.Extensions.DependencyInjection;
using static LegalAidReferral.Functions.Tests.Documents.DocumentRequests;

namespace LegalAidReferral.Functions.Tests.Documents;

/// <summary>The receiving office of a referral downloads exactly the documents the referral names, through its own copy.</summary>
public sealed class ReferralDocumentTests : IAsyncLifetime
{
    private const string Guatemala = "gt-idpp-guatemala";
    private const string Tapachula = "mx-ifdp-tapachula";
    private const string Sender = $"{Guatemala}-defender";
    private const string Receiver = $"{Tapachula}-defender";

    private readonly FunctionHarness _harness = new();

    public Task InitializeAsync() => _harness.StartAsync();

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();

    [Fact]
    public async Task The_receiving_office_reaches_exactly_the_documents_named_in_the_referral()
    {
        var caseId = await CaseWithConsentAsync();
        var named = Content(Pdf, 20_000);
        var namedId = await UploadAsync(caseId, named);
        var notNamedId = await UploadAsync(caseId, Content(Png, 1000));
        var referral = await SendAsync(caseId, [namedId.ToString("D").ToUpperInvariant()]);
        await RelayAsync();

        var received = await DownloadAsync(referral.Id, namedId, Receiver);
        var notNamed = await DownloadAsync(referral.Id, notNamedId, Receiver);
        var senderThroughReferral = await DownloadAsync(referral.Id, namedId, Sender);
        var thirdOffice = await DownloadAsync(referral.Id, namedId, "cl-dpp-santiago-defender");

        Assert.Equal([namedId.ToString("D")], referral.DocumentIds);
        Assert.Equal(200, received.Status);
        Assert.Equal(named, received.Body);
        Assert.Equal("application/pdf", received.Headers.ContentType.ToString());
        Assert.Equal((404, 404, 404), (notNamed.Status, senderThroughReferral.Status, thirdOffice.Status));
        var history = await _harness.Get<Core.Audit.IAuditTrail>().ListForCaseAsync(Guatemala, caseId, new PageRequest(100, null), default);
        var download = Assert.Single(history.Items, e => e.Action == Core.Audit.AuditAction.ReferralDocumentDownloaded);
        Assert.Equal((Tapachula, Receiver), (download.ActorOfficeId, download.UserId));
    }

    [Fact]
    public async Task Once_the_client_withdraws_the_consent_the_receiving_office_no_longer_reaches_the_documents()
    {
        var caseId = await CaseWithConsentAsync();
        var documentId = await UploadAsync(caseId, Content(Pdf, 1000));
        var referral = await SendAsync(caseId, [documentId.ToString("D")]);
        await RelayAsync();
        Assert.Equal(200, (await DownloadAsync(referral.Id, documentId, Receiver)).Status);
        var @case = await _harness.Get<ICaseStore>().FindAsync(Guatemala, caseId, default);

        var withdrawn = await _harness.Get<WithdrawConsent>().HandleAsync(
            new WithdrawConsent.Command(caseId, @case!.Consents.Single().Id, new ConsentWithdrawalInput { Channel = "phone" }, null), Call(Sender), default);
        Assert.True(withdrawn.IsSuccess, withdrawn.Failure?.Detail);
        await RelayAsync();

        var (status, _, body) = await DownloadAsync(referral.Id, documentId, Receiver);
        Assert.Equal(404, status);
        Assert.Contains("withdrew the consent", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiving_copy_naming_a_document_the_sending_copy_does_not_name_reaches_nothing()
    {
        var caseId = await CaseWithConsentAsync();
        var otherCase = await CaseWithConsentAsync();
        var named = await UploadAsync(caseId, Content(Pdf, 1000));
        var foreign = await UploadAsync(otherCase, Content(Pdf, 2000));
        var sameCaseNotNamed = await UploadAsync(caseId, Content(Png, 500));
        var referral = await SendAsync(caseId, [named.ToString("D")]);
        await RelayAsync();
        var store = _harness.Get<IReferralStore>();
        var received = (await store.FindAsync(Tapachula, referral.Id, default))!;
        var forged = received with { DocumentIds = [named.ToString("D"), foreign.ToString("D"), sameCaseNotNamed.ToString("D")], Version = received.Version + 1 };
        Assert.True(await store.TryReplaceAsync(forged, received.Version, [], [], default));

        var statuses = new List<int>();
        foreach (var id in new[] { named, foreign, sameCaseNotNamed })
        {
            statuses.Add((await DownloadAsync(referral.Id, id, Receiver)).Status);
        }

        Assert.Equal([200, 404, 404], statuses);
    }

    [Fact]
    public async Task A_referral_naming_a_document_of_another_case_is_refused_and_nothing_is_sent()
    {
        var caseId = await CaseWithConsentAsync();
        var otherCase = await CaseWithConsentAsync();
        var foreign = await UploadAsync(otherCase, Content(Pdf, 1000));

        foreach (var ids in new List<string?>[] { [foreign.ToString("D")], ["not-a-document"], [Guid.NewGuid().ToString("D")] })
        {
            var refused = await _harness.Get<SendReferral>().HandleAsync(new SendReferral.Command(caseId, Request(ids), null, "send"), Call(Sender), default);

            Assert.Equal(FailureKind.Validation, refused.Failure!.Kind);
            Assert.Equal(["documentIds"], refused.Failure.Errors!.Keys);
        }

        Assert.DoesNotContain(await _harness.Get<IOutbox>().PendingAsync(100, default), m => m.Topic != Topics.ProtocolSettings);
    }

    private async Task<Guid> CaseWithConsentAsync()
    {
        var call = Call(Sender);
        var intake = await _harness.Get<IntakeCase>().HandleAsync(new IntakeCase.Command(CoreUseCases.Intake(), null, Guid.NewGuid().ToString()), call, default);
        var caseId = intake.Value!.Case.Id;
        var consent = await _harness.Get<RecordConsent>().HandleAsync(
            new RecordConsent.Command(
                caseId, new ConsentInput { Purpose = "share-with-office", OfficeId = Tapachula, Given = true, Channel = "in-person", Language = "es" }, null, null, "consent"),
            call,
            default);
        Assert.True(consent.IsSuccess, consent.Failure?.Detail);
        return caseId;
    }

    private async Task<Guid> UploadAsync(Guid caseId, byte[] content)
    {
        var request = Upload(_harness, Sender, content, "papel.pdf");
        var (status, _, body) = await FunctionHarness.ExecuteAsync(await _harness.Function<UploadDocumentFunction>().Run(request, caseId.ToString()), request);
        Assert.Equal(201, status);
        return Id(body);
    }

    private async Task<Referral> SendAsync(Guid caseId, List<string?> documentIds)
    {
        var sent = await _harness.Get<SendReferral>().HandleAsync(new SendReferral.Command(caseId, Request(documentIds), null, "send"), Call(Sender), default);
        Assert.True(sent.IsSuccess, sent.Failure?.Detail);
        return sent.Value.Referral;
    }

    private static ReferralInput Request(List<string?> documentIds) =>
        new() { ToOfficeId = Tapachula, Kind = "documents", Reason = "Court papers for the hearing", SharedFields = ["client.fullName"], DocumentIds = documentIds };

    private async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, byte[] Body)> DownloadAsync(Guid referralId, Guid documentId, string userId)
    {
        var request = _harness.Request("GET", userId);
        return await ExecuteBytesAsync(await _harness.Function<GetReferralDocumentFunction>().Run(request, referralId.ToString(), documentId.ToString()), request);
    }

    private async Task RelayAsync() => Assert.Null((await _harness.Get<RelayOutbox>().RunAsync(default)).Failure);

    private CallContext Call(string userId)
    {
        var user = _harness.Get<DemoUsers>().Find(userId)!;
        return new CallContext(new StaffCaller(user.UserId, user.OfficeId, user.Roles.ToHashSet()), Guid.NewGuid().ToString("N"));
    }
}
