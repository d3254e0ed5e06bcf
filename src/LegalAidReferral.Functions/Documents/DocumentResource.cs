using LegalAidReferral.Core.Documents;

namespace LegalAidReferral.Functions.Documents;

/// <summary>A document as the API shows it: its record without the storage's own names.</summary>
public sealed record DocumentResource(
    Guid Id, Guid CaseId, string FileName, string ContentType, long SizeBytes, string Sha256, string UploadedBy, DateTimeOffset UploadedAt)
{
    public static string LocationOf(CaseDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return $"/api/cases/{document.CaseId:D}/documents/{document.Id:D}";
    }

    public static DocumentResource Of(CaseDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.CaseId, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedBy, d.UploadedAt);
    }
}
