using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LegalAidReferral.Functions.Documents;

/// <summary>The answer to a download: the content, or the problem.</summary>
public static class DocumentResults
{
    public static IActionResult Download(Result<DocumentContent> result) =>
        result.IsSuccess ? new DocumentContentResult(result.Value) : ProblemResult.From(result.Failure);

    /// <summary>
    /// An upload body that broke off while it streamed: Kestrel's body size limit (413), its minimum data
    /// rate (408), or a body that ended early or is not multipart (400). Null for any other exception.
    /// </summary>
    public static Problem? BrokenBody(Exception exception, long maxBytes, TimeSpan readTimeout) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem.PayloadTooLarge(maxBytes),
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => Problem.RequestTimeout(readTimeout),
        BadHttpRequestException or IOException or InvalidDataException =>
            Problem.Invalid(MultipartDocumentSource.FilePart, "The body ended before it was complete, or is not valid multipart/form-data."),
        _ => null,
    };
}
