namespace LegalAidReferral.Core.Documents;

/// <summary>How audit entries name documents and referrals in their <c>changes</c>: by id, never by file name (which may name the client).</summary>
public static class DocumentAudit
{
    public static string Change(Guid documentId) => $"document:{documentId:D}";

    public static string Referral(Guid referralId) => $"referral:{referralId:D}";
}
