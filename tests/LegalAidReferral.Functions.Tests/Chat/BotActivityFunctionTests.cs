using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LegalAidReferral.Core.Chat;
using LegalAidReferral.Functions.Chat;
using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Infrastructure.BotFramework;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>
/// <c>POST /api/messages</c> against a fake Bot Framework on a loopback port: the Connector's token,
/// the activity's service URL, replies posted with the bot's own token or returned for expectReplies,
/// greetings, the per-conversation limit, and proactive messages to a stored reference.
/// </summary>
public sealed class BotActivityFunctionTests : IAsyncLifetime
{
    private const string ConnectorToken = "token-of-the-bot-from-entra-id";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ScriptedConversations engine = new();
    private FakeBotConnector connector = null!;
    private FunctionHarness harness = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeBotConnector.StartAsync();
        harness = new FunctionHarness(
            services =>
            {
                services.AddSingleton<IChatConversations>(engine);
                services.AddSingleton<IConnectorTokens>(new FixedTokens());
                services.AddSingleton<TimeProvider>(clock);
            },
            new Dictionary<string, string?>
            {
                ["BotFramework:AppId"] = FakeBotConnector.AppId,
                ["BotFramework:OpenIdConfiguration"] = connector.OpenIdConfiguration,
                ["BotFramework:TurnBurst"] = "3",
                ["BotFramework:TurnsPerMinute"] = "6",
                ["BotFramework:MaxActivityBytes"] = "4096",
            });
        await harness.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task No_token_is_401_and_reaches_no_one()
    {
        var (status, headers, body) = await PostAsync(Message("hola"), token: null);

        Assert.Equal(401, status);
        Assert.Equal("Bearer", headers.WWWAuthenticate.ToString());
        Assert.Equal("https://legalaidreferral.example/problems/unauthorized", (string?)body!["type"]);
        Assert.Empty(engine.Turns);
    }

    public static TheoryData<string> InvalidTokens => ["another key", "another audience", "another issuer", "expired", "not a JWT"];

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task An_invalid_token_is_403_and_reaches_no_one(string how)
    {
        using var otherKey = RSA.Create(2048);
        var token = how switch
        {
            "another key" => connector.Token(signingKey: new RsaSecurityKey(otherKey) { KeyId = "test-key" }),
            "another audience" => connector.Token(audience: "some-other-bot"),
            "another issuer" => connector.Token(issuer: "https://sts.example/"),
            "expired" => connector.Token(expires: DateTime.UtcNow.AddMinutes(-6)),
            _ => "not-a-jwt",
        };

        var (status, _, body) = await PostAsync(Message("hola"), token);

        Assert.Equal(403, status);
        Assert.Equal("https://legalaidreferral.example/problems/forbidden", (string?)body!["type"]);
        Assert.Empty(engine.Turns);
        Assert.Empty(connector.Posted);
    }

    [Fact]
    public async Task A_service_url_other_than_the_tokens_claim_is_refused_and_nothing_is_posted_there()
    {
        var activity = Message("hola");
        activity["serviceUrl"] = $"{connector.BaseUrl}/attacker/";

        var (status, _, body) = await PostAsync(activity, connector.Token());

        Assert.Equal(403, status);
        Assert.Contains("serviceUrl", (string?)body!["detail"], StringComparison.Ordinal);
        Assert.Empty(engine.Turns);
        Assert.Empty(connector.Posted);
        Assert.Null(await harness.Provider.GetRequiredService<IConversationReferenceStore>().FindAsync("webchat", "conv-1", default));
    }

    [Fact]
    public async Task A_channel_the_signing_key_does_not_endorse_is_refused()
    {
        var activity = Message("hola");
        activity["channelId"] = "telegram";

        var (status, _, _) = await PostAsync(activity, connector.Token());

        Assert.Equal(403, status);
        Assert.Empty(engine.Turns);
    }

    [Fact]
    public async Task A_valid_message_is_a_turn_whose_replies_are_posted_to_the_service_url_with_the_bots_token()
    {
        var (status, _, _) = await PostAsync(Message("hola"), connector.Token());

        Assert.Equal(202, status);
        var turn = Assert.Single(engine.Turns);
        Assert.Equal(new ChatAddress("webchat", "conv-1", "user-1"), turn.Conversation);
        Assert.Equal("hola", turn.Text);
        Assert.Equal("es-GT", turn.Locale);
        Assert.Equal(2, connector.Posted.Count);
        Assert.All(connector.Posted, p =>
        {
            Assert.Equal("/connector/v3/conversations/conv-1/activities/activity-1", p.Path);
            Assert.Equal($"Bearer {ConnectorToken}", p.Authorization);
            Assert.Equal("activity-1", (string?)p.Body["replyToId"]);
            Assert.Equal("bot-1", (string?)p.Body["from"]!["id"]);
            Assert.Equal("user-1", (string?)p.Body["recipient"]!["id"]);
            Assert.Equal("conv-1", (string?)p.Body["conversation"]!["id"]);
        });
        var question = connector.Posted.Last().Body;
        Assert.Equal(["user-1"], question["suggestedActions"]!["to"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(
            ["Español", "English"],
            question["suggestedActions"]!["actions"]!.AsArray().Select(a => (string?)a!["value"]));
        Assert.All(question["suggestedActions"]!["actions"]!.AsArray(), a => Assert.Equal((string?)a!["title"], (string?)a["value"]));
    }

    [Fact]
    public async Task Expect_replies_returns_the_replies_in_the_answer_and_posts_nothing()
    {
        var activity = Message("hola");
        activity["deliveryMode"] = "expectReplies";

        var (status, _, body) = await PostAsync(activity, connector.Token());

        Assert.Equal(200, status);
        var replies = body!["activities"]!.AsArray();
        Assert.Equal(["Hola. Hello.", "¿Qué idioma? Which language?"], replies.Select(r => (string?)r!["text"]));
        Assert.All(replies, r => Assert.Equal("message", (string?)r!["type"]));
        Assert.Empty(connector.Posted);
    }

    [Fact]
    public async Task Expect_replies_with_a_silent_engine_returns_an_empty_list()
    {
        engine.Replies = [];
        var activity = Message("hola");
        activity["deliveryMode"] = "expectReplies";

        var (status, _, body) = await PostAsync(activity, connector.Token());

        Assert.Equal(200, status);
        Assert.Empty(body!["activities"]!.AsArray());
    }

    [Fact]
    public async Task A_conversation_update_that_adds_the_user_is_a_greeting_turn_and_one_that_adds_only_the_bot_is_not()
    {
        var botOnly = Update(new JsonArray(Account("bot-1")));
        var user = Update(new JsonArray(Account("bot-1"), Account("user-1")));

        Assert.Equal(202, (await PostAsync(botOnly, connector.Token())).Status);
        Assert.Empty(engine.Turns);

        Assert.Equal(202, (await PostAsync(user, connector.Token())).Status);
        var greeting = Assert.Single(engine.Turns);
        Assert.Equal("user-1", greeting.Conversation.UserId);
        Assert.Null(greeting.Text);
        Assert.Null(greeting.Value);
        Assert.Equal(2, connector.Posted.Count);
    }

    [Fact]
    public async Task Other_activity_types_are_acknowledged_without_a_turn()
    {
        var typing = Message(null);
        typing["type"] = "typing";

        Assert.Equal(202, (await PostAsync(typing, connector.Token())).Status);
        Assert.Empty(engine.Turns);
    }

    [Fact]
    public async Task A_conversation_over_its_limit_gets_429_with_retry_after_and_takes_turns_again_later()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(202, (await PostAsync(Message("hola"), connector.Token())).Status);
        }

        var (status, headers, body) = await PostAsync(Message("hola"), connector.Token());
        Assert.Equal(429, status);
        Assert.Equal("10", headers.RetryAfter.ToString());
        Assert.Equal("https://legalaidreferral.example/problems/too-many-requests", (string?)body!["type"]);
        Assert.Equal(3, engine.Turns.Count);

        var other = Message("hola");
        other["conversation"] = new JsonObject { ["id"] = "conv-2" };
        Assert.Equal(202, (await PostAsync(other, connector.Token())).Status);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(202, (await PostAsync(Message("hola"), connector.Token())).Status);
    }

    [Theory]
    [InlineData("conversation", "conversation.id")]
    [InlineData("from", "from.id")]
    [InlineData("serviceUrl", "serviceUrl")]
    [InlineData("type", "type")]
    public async Task An_activity_without_a_required_field_is_400_naming_it(string removed, string field)
    {
        var activity = Message("hola");
        activity.Remove(removed);

        var (status, _, body) = await PostAsync(activity, connector.Token());

        Assert.Equal(400, status);
        Assert.NotNull(body!["errors"]![field]);
        Assert.Empty(engine.Turns);
    }

    [Fact]
    public async Task Bodies_too_large_of_another_type_or_not_json_are_refused_with_problems()
    {
        var big = Message(new string('a', 5000));
        Assert.Equal(413, (await PostAsync(big, connector.Token())).Status);
        Assert.Equal(415, (await PostRawAsync(Encoding.UTF8.GetBytes(Message("hola").ToJsonString()), "text/plain", connector.Token())).Status);
        Assert.Equal(400, (await PostRawAsync("{ not json"u8.ToArray(), "application/json", connector.Token())).Status);
        Assert.Empty(engine.Turns);
    }

    [Fact]
    public async Task A_proactive_message_goes_to_the_stored_reference_as_a_new_message()
    {
        var channel = harness.Provider.GetRequiredService<IChatChannel>();
        var address = new ChatAddress("webchat", "conv-1", "user-1");
        Assert.False(await channel.SendAsync(address, [ChatReply.Say("Nobody here yet.")], default));

        await PostAsync(Message("hola"), connector.Token());
        while (connector.Posted.TryDequeue(out _))
        {
        }

        Assert.True(await channel.SendAsync(address, [ChatReply.Say("Your referral was accepted.")], default));

        var sent = Assert.Single(connector.Posted);
        Assert.Equal("/connector/v3/conversations/conv-1/activities", sent.Path);
        Assert.Equal($"Bearer {ConnectorToken}", sent.Authorization);
        Assert.Equal("Your referral was accepted.", (string?)sent.Body["text"]);
        Assert.Null(sent.Body["replyToId"]);
        Assert.Equal("bot-1", (string?)sent.Body["from"]!["id"]);
        Assert.Equal("es-GT", (string?)sent.Body["locale"]);
    }

    [Fact]
    public async Task Attachments_are_fetched_when_opened_with_the_bots_token_only_from_the_activitys_own_service()
    {
        var activity = Message(null);
        activity["attachments"] = new JsonArray(
            new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = $"{connector.ServiceUrl}v3/attachments/a1", ["name"] = "photo.png" },
            new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = $"{connector.BaseUrl}/elsewhere/photo.png" });

        await PostAsync(activity, connector.Token());

        var attachments = Assert.Single(engine.Turns).Attachments;
        Assert.Equal(2, attachments.Count);
        Assert.Empty(connector.AttachmentAuthorizations);
        await using (var own = await attachments[0].OpenAsync(default))
        {
            using var copy = new MemoryStream();
            await own.CopyToAsync(copy);
            Assert.Equal([1, 2, 3], copy.ToArray());
        }

        await using (await attachments[1].OpenAsync(default))
        {
        }

        Assert.Equal([$"Bearer {ConnectorToken}", ""], connector.AttachmentAuthorizations);
    }

    [Theory]
    [InlineData("es-GT\u202Eabc")]
    [InlineData("es\nGT")]
    [InlineData("es-GT\n")]
    [InlineData("español")]
    [InlineData("es-GT-aaaaaaaa-bbbbbbbb-cccccccc-ddd")]
    public async Task A_locale_that_is_not_a_language_tag_is_dropped_before_the_engine_the_stored_reference_and_the_replies(string locale)
    {
        var activity = Message("hola");
        activity["locale"] = locale;

        var (status, _, _) = await PostAsync(activity, connector.Token());

        Assert.Equal(202, status);
        Assert.Null(Assert.Single(engine.Turns).Locale);
        Assert.Null((await harness.Provider.GetRequiredService<IConversationReferenceStore>().FindAsync("webchat", "conv-1", default))!.Locale);
        Assert.All(connector.Posted, p => Assert.Null(p.Body["locale"]));
    }

    [Fact]
    public async Task What_the_person_writes_never_reaches_the_logs()
    {
        const string Secret = "Mi nombre es Ana Ejemplo y mi número es +50255500000";
        await PostAsync(Message(Secret), connector.Token());
        var refused = Message(Secret);
        refused["serviceUrl"] = $"{connector.BaseUrl}/attacker/";
        await PostAsync(refused, connector.Token());

        Assert.DoesNotContain(harness.Logs.Lines, m => m.Contains("Ana Ejemplo", StringComparison.Ordinal) || m.Contains("+5025550", StringComparison.Ordinal));
    }

    private JsonObject Message(string? text) => new()
    {
        ["type"] = "message",
        ["id"] = "activity-1",
        ["timestamp"] = "2026-12-01T08:00:00.000Z",
        ["channelId"] = "webchat",
        ["serviceUrl"] = connector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User", ["role"] = "user" },
        ["recipient"] = Account("bot-1"),
        ["conversation"] = new JsonObject { ["id"] = "conv-1" },
        ["text"] = text,
        ["locale"] = "es-GT",
        ["channelData"] = new JsonObject { ["clientActivityID"] = "c-1" },
    };

    private JsonObject Update(JsonArray added)
    {
        var update = Message(null);
        update["type"] = "conversationUpdate";
        update["from"] = Account("user-1");
        update["membersAdded"] = added;
        return update;
    }

    private static JsonObject Account(string id) => new() { ["id"] = id, ["name"] = id };

    private Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, JsonNode? Body)> PostAsync(JsonObject activity, string? token) =>
        PostRawAsync(Encoding.UTF8.GetBytes(activity.ToJsonString()), "application/json", token);

    private async Task<(int Status, Microsoft.AspNetCore.Http.IHeaderDictionary Headers, JsonNode? Body)> PostRawAsync(byte[] body, string contentType, string? token)
    {
        var headers = token is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" };
        var request = harness.Request("POST", null, body, contentType, headers);
        var result = await harness.Function<PostBotActivityFunction>().Run(request);
        return await FunctionHarness.ExecuteAsync(result, request);
    }

    private sealed class FixedTokens : IConnectorTokens
    {
        public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(ConnectorToken);
    }
}
