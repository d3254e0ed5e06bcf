using System.Net.Http.Headers;
using LegalAidReferral.Core.Chat;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>
/// The attachments of an inbound activity as <see cref="ChatAttachment"/>s whose bytes are fetched
/// only when the engine opens them. The Connector's token goes only to the activity's own validated
/// service (an attachment under its <c>serviceUrl</c>); any other address is fetched without it, so a
/// URL in an activity can never collect the bot's token.
/// </summary>
public sealed class ConnectorAttachments(HttpClient http, IConnectorTokens tokens)
{
    public IReadOnlyList<ChatAttachment> Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return (activity.Attachments ?? [])
            .Where(a => Uri.TryCreate(a.ContentUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            .Select(a => new ChatAttachment(a.Name, a.ContentType ?? "application/octet-stream", ct => OpenAsync(new Uri(a.ContentUrl!), activity.ServiceUrl, ct)))
            .ToArray();
    }

    private async Task<Stream> OpenAsync(Uri contentUrl, string? serviceUrl, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, contentUrl);
        if (serviceUrl is not null && contentUrl.AbsoluteUri.StartsWith(serviceUrl.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            response.EnsureSuccessStatusCode();
            return new ResponseStream(await response.Content.ReadAsStreamAsync(cancellationToken), response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The body of a response that disposes the response with it.</summary>
    private sealed class ResponseStream(Stream inner, HttpResponseMessage response) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
