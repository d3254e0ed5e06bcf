namespace LegalAidReferral.Core.Documents;

/// <summary>A document to send: its record and its stored bytes, which the receiver disposes.</summary>
public sealed record DocumentContent(CaseDocument Document, Stream Content);
