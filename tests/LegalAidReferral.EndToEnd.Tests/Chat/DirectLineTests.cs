using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests.Chat;

/// <summary>The local Direct Line 3.0 of the standalone host, spoken over HTTP, with the real conversation engine behind it.</summary>
public sealed class DirectLineTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HttpClient Http => fixture.Host.CreateClient();

    [Fact]
    public async Task A_token_starts_a_conversation_once_and_its_greeting_is_polled_by_watermark()
    {
        var session = await DirectLineSession.GenerateAsync(Http);

        using (var created = await session.StartAsync("es-GT"))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(session.ConversationId, (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!);
        }

        using (var again = await session.StartAsync())
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var (activities, watermark) = await session.ActivitiesAsync();
        var greeting = Assert.Single(activities)!;
        Assert.Equal("bot", (string?)greeting["from"]!["role"]);
        Assert.Equal(session.ConversationId, (string?)greeting["conversation"]!["id"]);
        Assert.True(DateTimeOffset.TryParse((string?)greeting["timestamp"], System.Globalization.CultureInfo.InvariantCulture, out _), "Every activity carries an ISO 8601 timestamp.");
        Assert.Contains("Español", greeting["suggestedActions"]!["actions"]!.AsArray().Select(a => (string?)a!["title"]));
        Assert.Equal("1", watermark);

        var (none, same) = await session.ActivitiesAsync(watermark);
        Assert.Empty(none);
        Assert.Equal(watermark, same);
        Assert.Single((await session.ActivitiesAsync("not-a-number")).Activities);
    }

    [Fact]
    public async Task A_posted_activity_is_echoed_as_the_tokens_user_with_its_client_id_and_answered_after_it()
    {
        var session = await DirectLineSession.GenerateAsync(Http);
        (await session.StartAsync()).Dispose();
        var (_, watermark) = await session.ActivitiesAsync();

        using var posted = await session.PostAsync(new
        {
            type = "message",
            from = new { id = "someone-else", name = "Ana" },
            text = "Español",
            channelData = new { clientActivityID = "client-1" },
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (string)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var (activities, _) = await session.ActivitiesAsync(watermark);
        var echo = activities[0]!;
        Assert.Equal(id, (string?)echo["id"]);
        Assert.StartsWith($"{session.ConversationId}|", id, StringComparison.Ordinal);
        Assert.StartsWith("dl_", (string?)echo["from"]!["id"], StringComparison.Ordinal);
        Assert.Equal("client-1", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("Español", (string?)echo["text"]);
        Assert.NotNull(echo["timestamp"]);
        var replies = activities.Skip(1).ToArray();
        Assert.NotEmpty(replies);
        Assert.All(replies, r =>
        {
            Assert.Equal(id, (string?)r!["replyToId"]);
            Assert.Equal("bot", (string?)r["from"]!["role"]);
            Assert.Equal((string?)echo["from"]!["id"], (string?)r["recipient"]!["id"]);
        });
        Assert.True(
            string.CompareOrdinal((string)echo["timestamp"]!, (string)replies[0]!["timestamp"]!) < 0,
            "Each activity is later than the one before it, so clients that sort by time keep the order.");
    }

    [Fact]
    public async Task Missing_invalid_and_foreign_tokens_are_refused()
    {
        var mine = await DirectLineSession.GenerateAsync(Http);
        (await mine.StartAsync()).Dispose();
        var other = await DirectLineSession.GenerateAsync(Http);
        (await other.StartAsync()).Dispose();

        using (var anonymous = await Http.PostAsync($"{DirectLineSession.Prefix}/conversations", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        }

        using (var forged = await mine.WithToken(mine.Token[..^4] + "AAAA").PostTextAsync("hola"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using (var foreign = await mine.PostAsync(new { type = "message", text = "hola" }, other.ConversationId))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
            Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        }

        Assert.Single((await other.ActivitiesAsync()).Activities);
    }

    [Fact]
    public async Task A_refreshed_token_opens_the_same_conversation()
    {
        var session = await DirectLineSession.GenerateAsync(Http);
        (await session.StartAsync()).Dispose();

        await session.RefreshAsync();

        using var resumed = await session.SendAsync(HttpMethod.Get, $"{DirectLineSession.Prefix}/conversations/{session.ConversationId}", null);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Single((await session.ActivitiesAsync()).Activities);
    }

    [Fact]
    public async Task A_preflight_allows_the_headers_the_bot_framework_clients_send()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, $"{DirectLineSession.Prefix}/conversations");
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var allowed = response.Headers.GetValues("Access-Control-Allow-Headers").Single();
        Assert.All(["Authorization", "Content-Type", "x-ms-bot-agent"], h => Assert.Contains(h, allowed, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_flood_in_one_conversation_is_refused_with_429_and_nothing_of_it_is_kept()
    {
        var session = await DirectLineSession.GenerateAsync(Http);
        (await session.StartAsync()).Dispose();

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var response = await session.PostTextAsync($"flood {i}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var texts = (await session.ActivitiesAsync()).Activities.Select(a => (string?)a!["text"]).ToArray();
        var refusedText = $"flood {texts.Count(t => t?.StartsWith("flood ", StringComparison.Ordinal) == true)}";
        Assert.DoesNotContain(refusedText, texts);
        refused.Dispose();
    }

    [Fact]
    public async Task The_chat_page_and_web_chats_bundle_are_served_compressed_and_locked_to_this_host()
    {
        using var page = await GetAsync("/chat", "br, gzip");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("br", page.Content.Headers.ContentEncoding.Single());
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var brotli = await GetAsync("/chat/webchat.js", "gzip, deflate, br");
        using var gzip = await GetAsync("/chat/webchat.js", "gzip");
        using var plain = await GetAsync("/chat/webchat.js", null);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        Assert.Equal("br", brotli.Content.Headers.ContentEncoding.Single());
        Assert.Equal("gzip", gzip.Content.Headers.ContentEncoding.Single());
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", brotli.Headers.Vary);
        Assert.True((await brotli.Content.ReadAsByteArrayAsync()).Length < plainBytes.Length / 4, "The Brotli copy is a fraction of the bundle.");
        Assert.Contains("renderWebChat", System.Text.Encoding.UTF8.GetString(plainBytes), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/chat/webchat.js");
        again.Headers.TryAddWithoutValidation("If-None-Match", brotli.Headers.ETag!.Tag);
        using var notModified = await Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await Http.SendAsync(request);
    }
}
