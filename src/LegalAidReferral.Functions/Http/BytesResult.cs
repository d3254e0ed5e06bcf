using Microsoft.AspNetCore.Mvc;

namespace LegalAidReferral.Functions.Http;

/// <summary>Writes a fixed body, e.g. a document embedded in the assembly.</summary>
public sealed class BytesResult(byte[] content, string contentType) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        await response.Body.WriteAsync(content, context.HttpContext.RequestAborted);
    }
}
