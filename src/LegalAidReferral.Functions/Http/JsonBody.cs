using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using LegalAidReferral.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LegalAidReferral.Functions.Http;

/// <summary>A request body read within the size limit, its parsed value, and its hash for idempotency.</summary>
public sealed record JsonBody<T>(T Value, string Hash);

/// <summary>
/// Reads JSON request bodies: content type (415), size (413), a body that stops arriving (408) or
/// ends early (400), syntax, and the shape of the input type, where every wrong field is reported
/// (400). The limits come from <see cref="ApiOptions"/> in the request's services, so both hosts
/// read bodies the same way.
/// </summary>
public static partial class JsonBody
{
    public const string Json = "application/json";
    public const string MergePatch = "application/merge-patch+json";

    /// <summary>Kestrel's default minimum rate; a body slower than this after the grace period is a 408.</summary>
    private const double MinBytesPerSecond = 240;

    /// <summary>Kestrel checks rates once a second, so its grace period must be longer than that.</summary>
    private static readonly TimeSpan MinGracePeriod = TimeSpan.FromSeconds(2);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = WireJson.StrictInput.MaxDepth,

        // JsonShape reports every repeated key by its path; the parser would stop at the first.
        AllowDuplicateProperties = true,
    };

    public static Task<(JsonBody<T>? Body, Problem? Problem)> ReadAsync<T>(
        HttpRequest request, long maxBytes, CancellationToken cancellationToken, params string[] mediaTypes)
        where T : class =>
        ReadAsync<T>(request, maxBytes, empty: null, cancellationToken, mediaTypes);

    /// <summary>For a route whose body is optional: no body, or an empty one of any declared type, reads as <paramref name="empty"/>.</summary>
    public static Task<(JsonBody<T>? Body, Problem? Problem)> ReadOptionalAsync<T>(
        HttpRequest request, long maxBytes, T empty, CancellationToken cancellationToken, params string[] mediaTypes)
        where T : class =>
        ReadAsync(request, maxBytes, empty, cancellationToken, mediaTypes);

    /// <summary>
    /// For a body of another protocol that is read leniently (the Bot Framework's activities carry
    /// fields each channel adds): the same content type, size and timing checks, then
    /// <paramref name="options"/> instead of the API's strict shape.
    /// </summary>
    public static async Task<(T? Value, Problem? Problem)> ReadOpenAsync<T>(
        HttpRequest request, long maxBytes, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problem.UnsupportedMediaType(Json));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Problem.PayloadTooLarge(maxBytes));
        }

        var (bytes, unread) = await ReadBytesAsync(request, maxBytes, cancellationToken);
        if (unread is not null)
        {
            return (null, unread);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes!.WrittenSpan, options) is { } value
                ? (value, null)
                : (null, Problem.Invalid("$", "A JSON object is required."));
        }
        catch (JsonException e)
        {
            return (null, Problem.Invalid(WireJson.FieldOf(e), "The body is not valid JSON of the expected shape."));
        }
    }

    private static async Task<(JsonBody<T>? Body, Problem? Problem)> ReadAsync<T>(
        HttpRequest request, long maxBytes, T? empty, CancellationToken cancellationToken, string[] mediaTypes)
        where T : class
    {
        var jsonContentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            && mediaTypes.Any(m => contentType.MediaType.Equals(m, StringComparison.OrdinalIgnoreCase))
            && (!contentType.Charset.HasValue || contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
        var unsupported = Problem.UnsupportedMediaType(string.Join(" or ", mediaTypes) + " (UTF-8)");
        if (!jsonContentType && (empty is null || request.ContentType is not null))
        {
            return (null, unsupported);
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Problem.PayloadTooLarge(maxBytes));
        }

        var (bytes, unread) = await ReadBytesAsync(request, maxBytes, cancellationToken);
        if (unread is not null)
        {
            return (null, unread);
        }

        if (bytes!.WrittenCount == 0 && empty is not null)
        {
            return (new JsonBody<T>(empty, Hash(bytes)), null);
        }

        if (!jsonContentType)
        {
            return (null, unsupported);
        }

        return Parse<T>(bytes);
    }

    private static (JsonBody<T>? Body, Problem? Problem) Parse<T>(ArrayBufferWriter<byte> bytes)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.WrittenMemory, DocumentOptions);
        }
        catch (JsonException e)
        {
            return (null, Problem.Invalid("$", $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} of that line)."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problem.Invalid("$", "A JSON object is required."));
            }

            var shape = JsonShape.Check(document.RootElement, typeof(T), WireJson.StrictInput);
            if (shape.Any)
            {
                return (null, Problem.From(shape.ToFailure()));
            }

            var value = document.RootElement.Deserialize<T>(WireJson.StrictInput)!;
            return (new JsonBody<T>(value, Hash(bytes)), null);
        }
    }

    private static async Task<(ArrayBufferWriter<byte>? Bytes, Problem? Problem)> ReadBytesAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var services = request.HttpContext.RequestServices;
        var timeout = services.GetService<IOptions<ApiOptions>>()?.Value.BodyReadTimeout ?? new ApiOptions().BodyReadTimeout;

        // Kestrel (both hosts run it) enforces the limit itself, as a minimum data rate with a grace
        // period, and leaves the connection in order. Cancelling its body read instead would leave
        // the read pending when the server drains the body after the response, an Error with a stack.
        var rate = request.HttpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>();
        if (rate is not null)
        {
            rate.MinDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(MinBytesPerSecond, timeout > MinGracePeriod ? timeout : MinGracePeriod);
        }

        using var deadline = rate is null
            ? new CancellationTokenSource(timeout, services.GetService<TimeProvider>() ?? TimeProvider.System)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer.GetMemory(4096), linked.Token);
                if (read == 0)
                {
                    return (buffer, null);
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    return (null, Problem.PayloadTooLarge(maxBytes));
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, Unread(request, "not received in time", Problem.RequestTimeout(timeout)));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            // Kestrel's minimum data rate: the client sends too slowly or has stopped.
            return (null, Unread(request, "sent too slowly", Problem.RequestTimeout(timeout)));
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException)
        {
            // The client closed the connection or sent less than its Content-Length.
            return (null, Unread(request, "incomplete", Problem.Invalid("$", "The body ended before it was complete.")));
        }
    }

    private static Problem Unread(HttpRequest request, string reason, Problem problem)
    {
        // A client that stalls or drops is not a fault of the service: one line, no stack trace.
        var logger = request.HttpContext.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(JsonBody).FullName!);
        if (logger is not null)
        {
            LogUnread(logger, Correlation.Get(request.HttpContext), reason, problem.Status);
        }

        return problem;
    }

    private static string Hash(ArrayBufferWriter<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes.WrittenSpan));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {CorrelationId}: the body was {Reason}; answered {Status}")]
    private static partial void LogUnread(ILogger logger, string correlationId, string reason, int status);
}
