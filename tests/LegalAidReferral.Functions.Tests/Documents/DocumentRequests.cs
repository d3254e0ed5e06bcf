using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using LegalAidReferral.Functions.Tests.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace LegalAidReferral.Functions.Tests.Documents;

/// <summary>Upload requests as a browser's form sends them, and answers read as bytes.</summary>
public static class DocumentRequests
{
    public static readonly byte[] Pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"u8.ToArray();
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01];
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
    public static readonly byte[] WebP = "RIFF\x24\0\0\0WEBPVP8 "u8.ToArray();
    public static readonly byte[] Heic = [0, 0, 0, 0x18, .. "ftypheic"u8.ToArray(), 0, 0, 0, 0];
    public static readonly byte[] Executable = "MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0"u8.ToArray();

    /// <summary><paramref name="head"/> followed by filler up to <paramref name="length"/> bytes.</summary>
    public static byte[] Content(byte[] head, int length)
    {
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < length; i++)
        {
            bytes[i] = (byte)(i * 7);
        }

        return bytes;
    }

    public static HttpRequest Upload(FunctionHarness harness, string userId, byte[] content, string fileName, string declaredType = "application/pdf", IDictionary<string, string>? headers = null)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        using var form = new MultipartFormDataContent { { part, "file", fileName } };
        var body = form.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        return harness.Request("POST", userId, body, form.Headers.ContentType!.ToString(), headers);
    }

    public static async Task<(int Status, IHeaderDictionary Headers, byte[] Body)> ExecuteBytesAsync(IActionResult result, HttpRequest request)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return (context.Response.StatusCode, context.Response.Headers, ((MemoryStream)context.Response.Body).ToArray());
    }

    public static Guid Id(JsonNode? body) => Guid.Parse(body!["id"]!.GetValue<string>());
}
