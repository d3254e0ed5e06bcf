using LegalAidReferral.Core.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace LegalAidReferral.Functions.Documents;

/// <summary>
/// Streams a stored document to the caller as an attachment, with the type decided at upload (never
/// one the browser guesses: the pipeline sends <c>nosniff</c> and <c>no-store</c>) and the cleaned file
/// name, ASCII in <c>filename</c> and UTF-8 in <c>filename*</c>.
/// </summary>
public sealed class DocumentContentResult(DocumentContent content) : IActionResult
{
    private const int CopyBufferBytes = 81920;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var stream = content.Content;
        var document = content.Document;
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = document.ContentType;
        response.ContentLength = document.SizeBytes;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(document.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.ETag = $"\"{document.Sha256}\"";
        await stream.CopyToAsync(response.Body, CopyBufferBytes, context.HttpContext.RequestAborted);
    }
}
