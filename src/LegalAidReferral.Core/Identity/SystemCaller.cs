namespace LegalAidReferral.Core.Identity;

/// <summary>The service itself (a timer, a message handler), named by its process, working in one office's data.</summary>
public sealed record SystemCaller(string Process, string OfficeId) : Caller(OfficeId)
{
    public override CallerKind Kind => CallerKind.System;

    public override string Id => $"system:{Process}";
}
