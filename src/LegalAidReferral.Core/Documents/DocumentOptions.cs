namespace LegalAidReferral.Core.Documents;

/// <summary>Limits of case documents, bound from the <c>Documents</c> configuration section.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>Largest document accepted, in bytes; a larger upload is 413 and nothing of it is kept.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    public bool IsValid => MaxBytes > 0;
}
