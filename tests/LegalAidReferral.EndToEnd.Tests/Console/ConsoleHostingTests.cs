using System.IO.Compression;
using System.Net;

namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>The standalone host serves the web console at / and at every console address, and nothing of the API changes.</summary>
public sealed class ConsoleHostingTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/cases/0193a5c0-0000-7000-8000-000000000000")]
    [InlineData("/referrals")]
    public async Task A_console_address_gets_the_console(string path)
    {
        using var http = fixture.Host.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("_framework/blazor.webassembly.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_console_s_files_are_served_with_their_types()
    {
        using var http = fixture.Host.CreateClient();

        using var script = await http.GetAsync("/_framework/blazor.webassembly.js");
        using var settings = await http.GetAsync("/appsettings.json");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
    }

    [Theory]
    [InlineData("/", "text/html", "gzip, deflate, br, zstd")]
    [InlineData("/cases/0193a5c0-0000-7000-8000-000000000000", "text/html", "gzip")]
    [InlineData("/css/console.css", "text/css", "br, gzip")]
    [InlineData("/_content/Microsoft.FluentUI.AspNetCore.Components/Microsoft.FluentUI.AspNetCore.Components.lib.module.js", "text/javascript", "gzip, deflate, br, zstd")]
    public async Task The_console_s_files_are_sent_compressed_with_their_type_when_the_browser_accepts_it(string path, string type, string acceptEncoding)
    {
        using var http = fixture.Host.CreateClient();

        using var compressed = await GetAsync(http, path, acceptEncoding);
        using var plain = await GetAsync(http, path, null);

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        var encoding = Assert.Single(compressed.Content.Headers.ContentEncoding);
        Assert.Contains(encoding, acceptEncoding.Split(", "));
        Assert.Equal(type, compressed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.Equal("nosniff", compressed.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(type, plain.Content.Headers.ContentType?.MediaType);
        var sent = await compressed.Content.ReadAsByteArrayAsync();
        var identity = await plain.Content.ReadAsByteArrayAsync();
        Assert.True(sent.Length < identity.Length, $"{path}: {sent.Length} bytes compressed, {identity.Length} plain.");
        Assert.Equal(identity, Decompress(encoding, sent));
    }

    [Theory]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("/dev/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("/missing.js", HttpStatusCode.NotFound)]
    public async Task Api_dev_and_file_addresses_never_fall_back_to_the_console(string path, HttpStatusCode expected)
    {
        using var http = OutsideTheDocument();

        using var response = await http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_method_on_an_api_route_is_still_405()
    {
        using var http = OutsideTheDocument();

        using var response = await http.PostAsync("/api/health", null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await http.SendAsync(request);
    }

    private static byte[] Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A client without the contract check: these requests are not operations of the document on purpose.</summary>
    private HttpClient OutsideTheDocument() => new() { BaseAddress = fixture.Host.BaseAddress };
}
