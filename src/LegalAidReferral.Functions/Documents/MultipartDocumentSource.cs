using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LegalAidReferral.Functions.Documents;

/// <summary>
/// The document of an upload request: a <c>multipart/form-data</c> body whose first part, named
/// <see cref="FilePart"/>, holds the file. The part's content is handed over as a stream straight from
/// the connection (<see cref="MultipartReader"/>), never read into memory or a temporary file here.
/// </summary>
public sealed class MultipartDocumentSource(HttpRequest request, long maxBytes) : IDocumentSource
{
    public const string MediaType = "multipart/form-data";
    public const string FilePart = "file";

    /// <summary>What the multipart framing around the file may add: boundaries and the part's headers.</summary>
    public const long FramingBytes = 64 * 1024;

    private const int MaxBoundaryLength = 70;

    public Task<Result<IncomingDocument>> OpenAsync(CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult<Result<IncomingDocument>>(new Failure(
                FailureKind.UnsupportedContent, $"Send the document as {MediaType}, in a part named '{FilePart}'."));
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > MaxBoundaryLength)
        {
            return Task.FromResult<Result<IncomingDocument>>(
                Failure.Invalid("Content-Type", $"The multipart boundary must have 1 to {MaxBoundaryLength} characters."));
        }

        var limit = maxBytes + FramingBytes;
        if (request.ContentLength > limit)
        {
            return Task.FromResult<Result<IncomingDocument>>(new Failure(FailureKind.TooLarge, $"A document must not exceed {maxBytes} bytes."));
        }

        // Kestrel's own limit (30 MB by default) follows the document limit, in both hosts.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        return FirstPartAsync(boundary, cancellationToken);
    }

    private async Task<Result<IncomingDocument>> FirstPartAsync(string boundary, CancellationToken cancellationToken)
    {
        var section = await new MultipartReader(boundary, request.Body).ReadNextSectionAsync(cancellationToken);
        if (section is null
            || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
            || !HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FilePart, StringComparison.Ordinal))
        {
            return Failure.Invalid(FilePart, $"The body's first part must be named '{FilePart}' and hold the document.");
        }

        var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
        return new IncomingDocument(fileName, section.Body);
    }
}
