namespace LegalAidReferral.Core.Cases;

/// <summary>One move of a case between statuses: who, when and why.</summary>
public sealed record StatusChange(CaseStatus From, CaseStatus To, DateTimeOffset At, string By, string? Reason);
