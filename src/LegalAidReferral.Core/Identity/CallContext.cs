namespace LegalAidReferral.Core.Identity;

/// <summary>Who calls, and the correlation id that ties the call to its audit entries and logs.</summary>
public sealed record CallContext(Caller Caller, string CorrelationId);
