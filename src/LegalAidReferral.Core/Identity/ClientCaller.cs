namespace LegalAidReferral.Core.Identity;

/// <summary>The migrant, bound to their own case (through the chat); recorded by the case id, never by name.</summary>
public sealed record ClientCaller(Guid CaseId, string OfficeId) : Caller(OfficeId)
{
    public override CallerKind Kind => CallerKind.Client;

    public override string Id => $"client:{CaseId:D}";
}
