using System.Text;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Functions.Documents;
using LegalAidReferral.Functions.Tests.Cases;
using static LegalAidReferral.Functions.Tests.Documents.DocumentRequests;

namespace LegalAidReferral.Functions.Tests.Documents;

/// <summary>The document routes through the function classes, the SQLite records and the folder store, as the standalone host runs them.</summary>
public sealed class DocumentFunctionTests : IAsyncLifetime
{
    private const string Defender = "gt-idpp-guatemala-defender";
    private const string Stranger = "mx-ifdp-tapachula-supervisor";
    private const int MaxBytes = 64 * 1024;

    private readonly FunctionHarness _harness = new(
        settings: new Dictionary<string, string?> { ["Documents:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public Task InitializeAsync() => _harness.StartAsync();

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();

    public static TheoryData<string, string, string> AllowedTypes => new()
    {
        { "pdf", "escrito.pdf", "application/pdf" },
        { "jpeg", "foto.png", "image/jpeg" },
        { "png", "scan.pdf", "image/png" },
        { "webp", "pasaporte", "image/webp" },
        { "heic", "IMG_0042.HEIC", "image/heic" },
    };

    [Theory]
    [MemberData(nameof(AllowedTypes))]
    public async Task Allowed_types_are_stored_with_the_type_their_first_bytes_show_whatever_the_name(string kind, string fileName, string expected)
    {
        var head = kind switch { "pdf" => Pdf, "jpeg" => Jpeg, "png" => Png, "webp" => WebP, _ => Heic };
        var caseId = (await _harness.CreateAsync()).Id;

        var (status, _, body) = await UploadAsync(caseId, Content(head, 5000), fileName, declaredType: "application/octet-stream");

        Assert.Equal(201, status);
        Assert.Equal(expected, body!["contentType"]!.GetValue<string>());
        Assert.Equal(5000, body["sizeBytes"]!.GetValue<long>());
        Assert.Equal(fileName, body["fileName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_renamed_executable_is_415_and_nothing_is_stored()
    {
        var caseId = (await _harness.CreateAsync()).Id;

        var (status, _, body) = await UploadAsync(caseId, Content(Executable, 4000), "passport.pdf");

        Assert.Equal(415, status);
        Assert.Equal("https://legalaidreferral.example/problems/unsupported-media-type", body!["type"]!.GetValue<string>());
        Assert.Contains("read from the content itself", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(caseId);
    }

    [Fact]
    public async Task An_oversized_document_is_413_and_nothing_is_stored()
    {
        var caseId = (await _harness.CreateAsync()).Id;

        var (status, _, body) = await UploadAsync(caseId, Content(Pdf, MaxBytes + 1), "big.pdf");

        Assert.Equal(413, status);
        Assert.Equal("https://legalaidreferral.example/problems/payload-too-large", body!["type"]!.GetValue<string>());
        await AssertNothingStoredAsync(caseId);
    }

    [Fact]
    public async Task A_document_of_exactly_the_limit_is_stored()
    {
        var caseId = (await _harness.CreateAsync()).Id;

        Assert.Equal(201, (await UploadAsync(caseId, Content(Pdf, MaxBytes), "limit.pdf")).Status);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_415()
    {
        var caseId = (await _harness.CreateAsync()).Id;
        var request = _harness.Request("POST", Defender, Content(Pdf, 100), "application/pdf");

        var (status, _, _) = await FunctionHarness.ExecuteAsync(await _harness.Function<UploadDocumentFunction>().Run(request, caseId.ToString()), request);

        Assert.Equal(415, status);
        await AssertNothingStoredAsync(caseId);
    }

    [Fact]
    public async Task A_body_that_ends_before_its_closing_boundary_is_400_and_nothing_is_stored()
    {
        var caseId = (await _harness.CreateAsync()).Id;
        var complete = Upload(_harness, Defender, Content(Pdf, 5000), "a.pdf");
        var cut = ((MemoryStream)complete.Body).ToArray()[..3000];
        var request = _harness.Request("POST", Defender, cut, complete.ContentType!);

        var (status, _, body) = await FunctionHarness.ExecuteAsync(await _harness.Function<UploadDocumentFunction>().Run(request, caseId.ToString()), request);

        Assert.Equal(400, status);
        Assert.NotNull(body!["errors"]!["file"]);
        await AssertNothingStoredAsync(caseId);
    }

    [Fact]
    public async Task Download_is_byte_identical_as_an_attachment_with_the_stored_type_and_no_store()
    {
        var caseId = (await _harness.CreateAsync()).Id;
        var content = Content(Png, 40_000);
        var uploaded = await UploadAsync(caseId, content, "Pasaporte María: José.png", declaredType: "application/pdf");
        var documentId = Id(uploaded.Body);

        var (status, headers, body) = await DownloadAsync(caseId, documentId, Defender);

        Assert.Equal(200, status);
        Assert.Equal(content, body);
        Assert.Equal("image/png", headers.ContentType.ToString());
        Assert.Equal("no-store", headers.CacheControl.ToString());
        Assert.Equal("nosniff", headers["X-Content-Type-Options"].ToString());
        var disposition = headers.ContentDisposition.ToString();
        Assert.StartsWith("attachment;", disposition, StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''Pasaporte%20Mar%C3%ADa_%20Jos%C3%A9.png", disposition, StringComparison.Ordinal);
        Assert.Equal(uploaded.Body!["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)));
    }

    [Fact]
    public async Task Another_office_gets_404_for_the_documents_of_a_case_and_for_each_document()
    {
        var caseId = (await _harness.CreateAsync()).Id;
        var documentId = Id((await UploadAsync(caseId, Content(Pdf, 1000), "a.pdf")).Body);

        var upload = await UploadAsync(caseId, Content(Pdf, 1000), "b.pdf", Stranger);
        var listRequest = _harness.Request("GET", Stranger);
        var list = await FunctionHarness.ExecuteAsync(await _harness.Function<ListDocumentsFunction>().Run(listRequest, caseId.ToString()), listRequest);
        var download = await DownloadAsync(caseId, documentId, Stranger);

        Assert.Equal((404, 404, 404), (upload.Status, list.Status, download.Status));
        Assert.Single(await _harness.Get<IDocumentStore>().ListAsync(CoreUseCases.Office, caseId, default));
    }

    [Fact]
    public async Task A_document_of_another_case_of_the_same_office_is_404()
    {
        var caseId = (await _harness.CreateAsync()).Id;
        var otherCase = (await _harness.CreateAsync("Otra Persona Ficticia")).Id;
        var documentId = Id((await UploadAsync(caseId, Content(Pdf, 1000), "a.pdf")).Body);

        Assert.Equal(404, (await DownloadAsync(otherCase, documentId, Defender)).Status);
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_answers_the_first_document_and_stores_one()
    {
        var caseId = (await _harness.CreateAsync()).Id;
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "upload-1" };
        var content = Content(Pdf, 3000);

        var first = await UploadAsync(caseId, content, "a.pdf", headers: key);
        var retry = await UploadAsync(caseId, content, "a.pdf", headers: key);
        var different = await UploadAsync(caseId, Content(Png, 3000), "a.pdf", headers: key);

        Assert.Equal((201, 201, 409), (first.Status, retry.Status, different.Status));
        Assert.Equal(Id(first.Body), Id(retry.Body));
        Assert.Equal("true", retry.Headers["Idempotent-Replayed"].ToString());
        Assert.Single(await _harness.Get<IDocumentStore>().ListAsync(CoreUseCases.Office, caseId, default));
        Assert.Single((await _harness.Get<IDocumentCatalog>().ListAsync(CoreUseCases.Office, caseId, new(10, null), default)).Items);
    }

    [Fact]
    public async Task Uploads_downloads_and_listings_are_audited_by_document_id_never_by_file_name()
    {
        const string fileName = "Pasaporte Rosalía Ficticia.pdf";
        var caseId = (await _harness.CreateAsync()).Id;
        var documentId = Id((await UploadAsync(caseId, Content(Pdf, 1000), fileName)).Body);
        await DownloadAsync(caseId, documentId, Defender);
        var listRequest = _harness.Request("GET", Defender);
        var list = await FunctionHarness.ExecuteAsync(await _harness.Function<ListDocumentsFunction>().Run(listRequest, caseId.ToString()), listRequest);

        Assert.Equal(fileName, list.Body!["items"]![0]!["fileName"]!.GetValue<string>());
        var entries = (await _harness.HistoryAsync(caseId)).Where(e => e.Action is AuditAction.DocumentUploaded or AuditAction.DocumentDownloaded or AuditAction.DocumentsListed).ToArray();
        Assert.Equal([AuditAction.DocumentUploaded, AuditAction.DocumentDownloaded, AuditAction.DocumentsListed], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal([$"document:{documentId:D}"], e.Changes));
        Assert.DoesNotContain("Pasaporte", _harness.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public void File_names_are_cleaned_for_display_and_never_empty()
    {
        var pdf = DocumentTypes.OfContentType("application/pdf")!;

        Assert.Equal("passwd", DocumentFileNames.Clean("../../etc/passwd", pdf));
        Assert.Equal("scan.pdf", DocumentFileNames.Clean("C:\\Users\\x\\scan.pdf", pdf));
        Assert.Equal("a_b.pdf", DocumentFileNames.Clean("a\u202Eb.pdf", pdf));
        Assert.Equal("document.pdf", DocumentFileNames.Clean("..", pdf));
        Assert.Equal("document.pdf", DocumentFileNames.Clean(null, pdf));
        Assert.Equal(DocumentFileNames.MaxLength, DocumentFileNames.Clean(new string('a', 500), pdf).Length);
    }

    private async Task AssertNothingStoredAsync(Guid caseId)
    {
        Assert.Empty(await _harness.Get<IDocumentStore>().ListAsync(CoreUseCases.Office, caseId, default));
        Assert.Empty((await _harness.Get<IDocumentCatalog>().ListAsync(CoreUseCases.Office, caseId, new(10, null), default)).Items);
        var folder = Path.Combine(_harness.Get<Microsoft.Extensions.Configuration.IConfiguration>()["Storage:DataFolder"]!, "documents");
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : []);
    }

    private async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, System.Text.Json.Nodes.JsonNode? Body)> UploadAsync(
        Guid caseId, byte[] content, string fileName, string userId = Defender, string declaredType = "application/pdf", IDictionary<string, string>? headers = null)
    {
        var request = Upload(_harness, userId, content, fileName, declaredType, headers);
        return await FunctionHarness.ExecuteAsync(await _harness.Function<UploadDocumentFunction>().Run(request, caseId.ToString()), request);
    }

    private async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, byte[] Body)> DownloadAsync(Guid caseId, Guid documentId, string userId)
    {
        var request = _harness.Request("GET", userId);
        return await ExecuteBytesAsync(await _harness.Function<GetDocumentFunction>().Run(request, caseId.ToString(), documentId.ToString()), request);
    }
}
