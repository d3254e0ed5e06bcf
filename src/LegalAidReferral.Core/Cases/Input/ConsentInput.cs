namespace LegalAidReferral.Core.Cases.Input;

/// <summary>The body of <c>POST /api/cases/{caseId}/consents</c>.</summary>
public sealed record ConsentInput
{
    public string? Purpose { get; init; }

    /// <summary>For <c>share-with-office</c>: the office covered; omitted means any office of the network.</summary>
    public string? OfficeId { get; init; }

    public bool? Given { get; init; }

    public string? Channel { get; init; }

    public string? Language { get; init; }

    public string? EvidenceDocumentId { get; init; }

    /// <summary>A chat transcript reference or the number of a signed form.</summary>
    public string? EvidenceReference { get; init; }
}

/// <summary>The body of <c>POST /api/cases/{caseId}/consents/{consentId}/withdraw</c>.</summary>
public sealed record ConsentWithdrawalInput
{
    public string? Channel { get; init; }
}
