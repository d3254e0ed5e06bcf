using System.Net;
using System.Text.Json.Nodes;
using LegalAidReferral.Core.Documents;

namespace LegalAidReferral.EndToEnd.Tests.Documents;

/// <summary>
/// Case documents through the standalone host, the multipart body streamed by Kestrel into the
/// document store: run on the folder store (<see cref="FolderDocumentTests"/>) and on Blob storage in
/// Azurite (<see cref="BlobDocumentTests"/>).
/// </summary>
public abstract class DocumentScenarios(IDocumentHost fixture)
{
    [Fact]
    public async Task A_5_MB_document_is_listed_and_downloads_byte_identical_as_an_attachment()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var caseId = (await defender.CreateCaseAsync())["id"]!.GetValue<string>();
        var content = Samples.Pdf(5 * 1024 * 1024);

        var uploaded = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/documents", Samples.DocumentUpload(content, "Citación audiencia.pdf"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var document = await ApiSession.ReadObjectAsync(uploaded);
        var download = await defender.SendAsync(HttpMethod.Get, uploaded.Headers.Location!.OriginalString);
        var list = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/documents"));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Citación audiencia.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.True(download.Headers.CacheControl!.NoStore);
        Assert.Equal(document["id"]!.GetValue<string>(), Assert.Single(list["items"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Single(await fixture.Store.ListAsync(Samples.GuatemalaOffice, Guid.Parse(caseId), default));
    }

    [Fact]
    public async Task A_renamed_executable_is_415_and_an_oversized_document_is_413_and_neither_is_stored()
    {
        var defender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var caseId = (await defender.CreateCaseAsync())["id"]!.GetValue<string>();
        var executable = new byte[4096];
        "MZ"u8.CopyTo(executable);

        var renamed = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/documents", Samples.DocumentUpload(executable, "passport.pdf"));
        var oversized = await defender.SendAsync(
            HttpMethod.Post, $"/api/cases/{caseId}/documents", Samples.DocumentUpload(Samples.Pdf((int)new DocumentOptions().MaxBytes + 1)));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        var list = await ApiSession.ReadObjectAsync(await defender.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/documents"));
        Assert.Empty(list["items"]!.AsArray());
        Assert.Empty(await fixture.Store.ListAsync(Samples.GuatemalaOffice, Guid.Parse(caseId), default));
    }

    [Fact]
    public async Task The_receiving_office_downloads_exactly_the_documents_the_referral_names()
    {
        var sender = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var receiver = await fixture.SignInAsync(Samples.TapachulaDefender);
        var caseId = await Referrals.CaseWithConsentAsync(sender);
        var named = Samples.Pdf(300_000);
        var namedId = await UploadAsync(sender, caseId, named);
        var notNamedId = await UploadAsync(sender, caseId, Samples.Pdf(1000));
        var referral = Referrals.Referral();
        referral["kind"] = "documents";
        referral["documentIds"] = new JsonArray(namedId);
        var sent = await sender.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/referrals", referral);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var referralId = (await ApiSession.ReadObjectAsync(sent))["id"]!.GetValue<string>();
        var incoming = await Referrals.IncomingAsync(receiver, referralId);

        var received = await receiver.SendAsync(HttpMethod.Get, $"/api/referrals/{referralId}/documents/{namedId}");
        var notNamed = await receiver.SendAsync(HttpMethod.Get, $"/api/referrals/{referralId}/documents/{notNamedId}");
        var throughTheCase = await receiver.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/documents/{namedId}");

        Assert.Equal([namedId], incoming["documentIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        Assert.Equal(named, await received.Content.ReadAsByteArrayAsync());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (notNamed.StatusCode, throughTheCase.StatusCode));
    }

    private static async Task<string> UploadAsync(ApiSession staff, string caseId, byte[] content)
    {
        var response = await staff.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/documents", Samples.DocumentUpload(content));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiSession.ReadObjectAsync(response))["id"]!.GetValue<string>();
    }
}
