using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Documents;

/// <summary>An upload as the transport hands it over: the sender's file name (null when none) and the content, not yet read.</summary>
public sealed record IncomingDocument(string? FileName, Stream Content);

/// <summary>
/// Where an upload comes from (the HTTP request's multipart body). Opened only once the caller is known
/// to reach the case, so a caller learns nothing from the body's checks about a case it cannot see.
/// </summary>
public interface IDocumentSource
{
    Task<Result<IncomingDocument>> OpenAsync(CancellationToken cancellationToken);
}
