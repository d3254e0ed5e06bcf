using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Functions.Documents;
using LegalAidReferral.Functions.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using static LegalAidReferral.Functions.Tests.Documents.DocumentRequests;

namespace LegalAidReferral.Functions.Tests.Documents;

public sealed class UploadCleanupTests
{
    [Fact]
    public async Task When_the_record_cannot_be_written_the_stored_bytes_are_deleted()
    {
        var catalog = new Mock<IDocumentCatalog>();
        catalog.Setup(c => c.TryAddAsync(It.IsAny<CaseDocument>(), It.IsAny<IReadOnlyList<AuditEntry>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("The catalog is down."));
        await using var harness = new FunctionHarness(services => services.AddSingleton(catalog.Object));
        await harness.StartAsync();
        var caseId = (await harness.CreateAsync()).Id;
        var request = Upload(harness, "gt-idpp-guatemala-defender", Content(Pdf, 5000), "a.pdf");

        var (status, _, _) = await FunctionHarness.ExecuteAsync(await harness.Function<UploadDocumentFunction>().Run(request, caseId.ToString()), request);

        Assert.Equal(500, status);
        Assert.Empty(await harness.Get<IDocumentStore>().ListAsync(CoreUseCases.Office, caseId, default));
    }
}
