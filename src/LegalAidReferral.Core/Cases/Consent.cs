namespace LegalAidReferral.Core.Cases;

public enum ConsentPurpose
{
    StoreAndProcess,
    ShareWithOffice,
    ContactByChat,
}

public enum ConsentChannel
{
    InPerson,
    Phone,
    VideoCall,
    Chat,
    WrittenForm,
    Partner,
}

/// <summary>
/// One consent decision of the client for one purpose. <see cref="OfficeId"/> names the office a
/// <see cref="ConsentPurpose.ShareWithOffice"/> consent covers; null means any office of the network.
/// </summary>
public sealed record Consent(
    Guid Id,
    ConsentPurpose Purpose,
    string? OfficeId,
    bool Given,
    DateTimeOffset RecordedAt,
    ConsentChannel Channel,
    string Language,
    string RecordedBy,
    string? EvidenceDocumentId,
    string? EvidenceReference,
    DateTimeOffset? WithdrawnAt = null,
    string? WithdrawnBy = null,
    ConsentChannel? WithdrawalChannel = null)
{
    public bool IsInForce => Given && WithdrawnAt is null;
}
