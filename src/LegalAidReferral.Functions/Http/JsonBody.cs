using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using LegalAidReferral.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LegalAidReferral.Functions.Http;

/// <summary>A request body read within the size limit, its parsed value, and its hash for idempotency.</summary>
public sealed record JsonBody<T>(T Value, string Hash);

/// <summary>Reads JSON request bodies: content type (415), size (413), syntax and types (400).</summary>
public static class JsonBody
{
    public const string Json = "application/json";
    public const string MergePatch = "application/merge-patch+json";

    public static async Task<(JsonBody<T>? Body, Problem? Problem)> ReadAsync<T>(
        HttpRequest request, long maxBytes, CancellationToken cancellationToken, params string[] mediaTypes)
        where T : class
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !mediaTypes.Any(m => contentType.MediaType.Equals(m, StringComparison.OrdinalIgnoreCase))
            || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, Problem.UnsupportedMediaType(string.Join(" or ", mediaTypes) + " (UTF-8)"));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Problem.PayloadTooLarge(maxBytes));
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return (null, Problem.PayloadTooLarge(maxBytes));
            }
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(buffer.WrittenSpan, WireJson.StrictInput);
        }
        catch (JsonException e)
        {
            return (null, Problem.Invalid(WireJson.FieldOf(e), "The body is not valid JSON, or this value has the wrong type, or the field is unknown."));
        }

        if (value is null)
        {
            return (null, Problem.Invalid("$", "A JSON object is required."));
        }

        return (new JsonBody<T>(value, Convert.ToHexString(SHA256.HashData(buffer.WrittenSpan))), null);
    }
}
