using System.Text.Json;
using LegalAidReferral.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LegalAidReferral.Functions.Http;

/// <summary>Writes a value as JSON with the API's conventions, plus the headers a response carries.</summary>
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

        response.ContentType = contentType;
        await JsonSerializer.SerializeAsync(response.Body, Value, Value.GetType(), WireJson.Options, context.HttpContext.RequestAborted);
    }
}
