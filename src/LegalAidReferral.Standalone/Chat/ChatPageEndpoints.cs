using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace LegalAidReferral.Standalone.Chat;

/// <summary>
/// The <c>/chat</c> page: Web Chat's minimal bundle from npm (built into <c>chat/</c> beside the host,
/// with its Brotli and gzip copies) and this page's own files, served compressed by the browser's
/// <c>Accept-Encoding</c> (Brotli, else gzip), with an ETag. It talks only to this host's Direct
/// Line, so it is mapped with it (development only).
/// </summary>
public static class ChatPageEndpoints
{
    public const string Path = "/chat";

    // The page loads only this host's scripts and talks only to it; Web Chat writes its styles inline.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self' data:; media-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Lazy<IReadOnlyDictionary<string, Asset>> Assets = new(() => Load(System.IO.Path.Combine(AppContext.BaseDirectory, "chat")));

    public static IEndpointRouteBuilder MapChatPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, (HttpContext context) => Serve(context, "chat.html"));
        endpoints.MapGet($"{Path}/{{file}}", (HttpContext context, string file) => Serve(context, file));
        return endpoints;
    }

    private static IResult Serve(HttpContext context, string file)
    {
        if (!Assets.Value.TryGetValue(file, out var asset))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, type: Functions.Http.ProblemTypes.NotFound, title: "Not found.", detail: "The chat page has no such file.");
        }

        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var accepted = context.Request.Headers.AcceptEncoding;
        var (bytes, encoding) = Accepts(accepted, "br") ? (asset.Brotli, "br") : Accepts(accepted, "gzip") ? (asset.Gzip, "gzip") : (asset.Identity, null);
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        return Results.Bytes(bytes, asset.ContentType);
    }

    private static bool Accepts(StringValues acceptEncoding, string coding) =>
        StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings)
        && codings.Any(c => c.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && c.Quality is not 0);

    /// <summary>Every file of the folder with its compressed copies: the ones built beside it (<c>.br</c>, <c>.gz</c>), or made here once.</summary>
    private static Dictionary<string, Asset> Load(string folder)
    {
        if (!File.Exists(System.IO.Path.Combine(folder, "webchat.js")))
        {
            throw new InvalidOperationException($"{folder}/webchat.js is missing: the build copies it from chat-clients/ (npm ci, node build.mjs); build the host again.");
        }

        return Directory.EnumerateFiles(folder)
            .Where(f => ContentTypeOf(f) is not null)
            .ToDictionary(f => System.IO.Path.GetFileName(f), f =>
            {
                var identity = File.ReadAllBytes(f);
                return new Asset(
                    ContentTypeOf(f)!,
                    identity,
                    File.Exists($"{f}.br") ? File.ReadAllBytes($"{f}.br") : Compress(identity, s => new BrotliStream(s, CompressionLevel.SmallestSize)),
                    File.Exists($"{f}.gz") ? File.ReadAllBytes($"{f}.gz") : Compress(identity, s => new GZipStream(s, CompressionLevel.SmallestSize)),
                    $"\"{Convert.ToHexStringLower(SHA256.HashData(identity))[..16]}\"");
            }, StringComparer.Ordinal);
    }

    private static string? ContentTypeOf(string file) => System.IO.Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        _ => null,
    };

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
        {
            compressing.Write(bytes);
        }

        return output.ToArray();
    }

    private sealed record Asset(string ContentType, byte[] Identity, byte[] Brotli, byte[] Gzip, string ETag);
}
