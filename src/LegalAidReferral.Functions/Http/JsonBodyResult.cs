using System.Text.Json;
using LegalAidReferral.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// Writes a value as JSON with the API's conventions, plus the headers a response carries. The body is
/// serialized first and sent with its Content-Length in one write: every body is bounded (pages, capped
/// collections), and a known length spares the chunked encoding and its extra flushes.
/// </summary>
public sealed class JsonBodyResult(int statusCode, object? value, string contentType = "application/json; charset=utf-8") : IActionResult
{
    public int StatusCode { get; } = statusCode;

    public object? Value { get; } = value;

    public string? ETag { get; init; }

    public string? Location { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Headers is not null)
        {
            foreach (var (name, headerValue) in Headers)
            {
                response.Headers[name] = headerValue;
            }
        }

        if (Value is null)
        {
            return;
        }

        var body = Value is SerializedJson serialized ? serialized.Utf8 : JsonSerializer.SerializeToUtf8Bytes(Value, Value.GetType(), WireJson.Options);
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
    }
}
