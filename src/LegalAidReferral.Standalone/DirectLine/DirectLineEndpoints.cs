using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using LegalAidReferral.Functions.Http;
using LegalAidReferral.Infrastructure.BotFramework;
using Microsoft.Extensions.Options;

namespace LegalAidReferral.Standalone.DirectLine;

/// <summary>
/// A local Direct Line 3.0 under <c>/v3/directline</c>, for the real Bot Framework clients
/// (<c>botframework-directlinejs</c> with <c>webSocket: false</c>, Web Chat): tokens, starting and
/// resuming a conversation, posting an activity, polling activities by watermark. Each posted activity
/// goes, in process, to the same <see cref="BotTurns"/> as <c>POST /api/messages</c> (so with the same
/// per-conversation limit), and is echoed with the bot's replies. Development only: anyone who reaches
/// the host can get a token, as with development sign-in, so it is mapped only with it.
/// </summary>
public static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";
    public const string ChannelId = "directline";

    /// <summary>
    /// The service URL the bot sees on this Direct Line's activities, and stores in their conversations' references: a
    /// fixed name that never resolves (RFC 6761 <c>.invalid</c>), not one made from the request's <c>Host</c> header, which
    /// the client writes. So neither the bot's messages to a conversation no longer in memory nor the Connector's token for
    /// an attachment under the service URL can be sent to an address a client chose.
    /// </summary>
    public const string ServiceUrl = "https://directline.invalid" + Prefix + "/";

    /// <summary>The bot as the Direct Line's clients see it.</summary>
    public static readonly ChannelAccount Bot = new() { Id = "legalaidreferral-bot", Name = "LegalAidReferral", Role = "bot" };

    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            Correlation.Establish(http);
            ResponseHeaders.NoStore(http.Response);
            AllowCrossOrigin(http.Response);
            if (http.RequestServices.GetRequiredService<RequestThrottle>().Admit(http) is { } tooMany)
            {
                await tooMany.WriteAsync(http);
                return Results.Empty;
            }

            try
            {
                return await next(context);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // As ApiPipeline does: the type only, since messages of lower layers may quote what the person wrote.
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectLineEndpoints).FullName!)
                    .LogError("Unexpected {ExceptionType} in Direct Line request {CorrelationId} at {StackTrace}", e.GetType().FullName, Correlation.Get(http), e.StackTrace);
                return await ProblemAsync(http, Problem.Internal());
            }
        });
        group.MapMethods("/{**path}", ["OPTIONS"], () => Results.NoContent());
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ResumeConversationAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        return group;
    }

    /// <summary>A new user and conversation, and a token for them; <see cref="DirectLineTokenLimit"/> tokens per client address.</summary>
    private static async Task<IResult> GenerateTokenAsync(HttpContext context, DirectLineTokens tokens, DirectLineTokenLimit limit)
    {
        if (limit.Admit(context) is { } tooMany)
        {
            await tooMany.WriteAsync(context);
            return Results.Empty;
        }

        var grant = DirectLineTokens.NewGrant();
        return Conversation(grant, tokens.Issue(grant), StatusCodes.Status200OK);
    }

    private static async Task<IResult> RefreshTokenAsync(HttpContext context, DirectLineTokens tokens) =>
        await GrantOf(context, tokens) is { } grant
            ? Conversation(grant, tokens.Issue(grant), StatusCodes.Status200OK)
            : await RefuseAsync(context);

    /// <summary>
    /// 201 and a greeting turn (a <c>conversationUpdate</c> adding the bot and the user) for a new
    /// conversation; 200 for one the token already started. The optional body may carry a <c>locale</c>.
    /// </summary>
    private static async Task<IResult> StartConversationAsync(HttpContext context, DirectLineTokens tokens, DirectLineConversations conversations, BotTurns turns)
    {
        if (await GrantOf(context, tokens) is not { } grant)
        {
            return await RefuseAsync(context);
        }

        var (conversation, created) = conversations.Open(grant);
        if (created)
        {
            var user = new ChannelAccount { Id = grant.UserId, Role = "user" };
            var update = Inbound(conversation.Id, new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                From = user,
                MembersAdded = [Bot, user],
                Locale = await StartLocaleAsync(context),
            });
            var result = await turns.HandleAsync(update, context.RequestAborted);
            conversation.Append(null, result.Replies);
        }

        return Conversation(grant, tokens.Issue(grant), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ResumeConversationAsync(HttpContext context, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations)
    {
        var (grant, _, refused) = await AuthorizeAsync(context, conversationId, tokens, conversations);
        return refused ?? Conversation(grant!, tokens.Issue(grant!), StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetActivitiesAsync(HttpContext context, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations)
    {
        var (_, conversation, refused) = await AuthorizeAsync(context, conversationId, tokens, conversations);
        if (refused is not null)
        {
            return refused;
        }

        // An empty or invalid watermark reads from the start, as Direct Line does.
        var watermark = long.TryParse(context.Request.Query["watermark"], NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0;
        var (activities, next) = conversation!.After(watermark);
        return Results.Json(new ActivitySet(activities, next.ToString(CultureInfo.InvariantCulture)), ActivityJson.Options);
    }

    /// <summary>
    /// The user's activity, its sender forced to the token's user, through the bot's turn; then the
    /// activity (the echo Web Chat waits for, <c>channelData</c> kept) and the replies are appended
    /// together. A refused turn (429) appends nothing.
    /// </summary>
    private static async Task<IResult> PostActivityAsync(
        HttpContext context, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations, BotTurns turns, IOptions<BotFrameworkOptions> options)
    {
        var (grant, conversation, refused) = await AuthorizeAsync(context, conversationId, tokens, conversations);
        if (refused is not null)
        {
            return refused;
        }

        var (posted, unreadable) = await JsonBody.ReadOpenAsync<Activity>(context.Request, options.Value.MaxActivityBytes, ActivityJson.Options, context.RequestAborted);
        if (unreadable is not null)
        {
            return await ProblemAsync(context, unreadable);
        }

        var activity = Inbound(conversation!.Id, posted! with { From = (posted!.From ?? new ChannelAccount()) with { Id = grant!.UserId, Role = "user" } });
        if (ActivityRules.Check(activity, needsServiceUrl: false) is var (field, message))
        {
            return await ProblemAsync(context, Problem.Invalid(field, message));
        }

        var result = await turns.HandleAsync(activity, context.RequestAborted);
        if (result.RetryAfter is { } wait)
        {
            await ProblemResult.TooManyRequests(context.Response, wait).WriteAsync(context);
            return Results.Empty;
        }

        return Results.Json(new ResourceResponse(conversation!.Append(activity, result.Replies)), ActivityJson.Options);
    }

    /// <summary>
    /// What Direct Line itself sets on every activity it carries to the bot. Attachments are dropped: this Direct Line
    /// takes no uploads, so an attachment's URL is one the client wrote, and the bot would fetch it from the host.
    /// </summary>
    public static Activity Inbound(string conversationId, Activity activity) => activity with
    {
        Attachments = null,
        Id = null,
        ChannelId = ChannelId,
        ServiceUrl = DirectLineEndpoints.ServiceUrl,
        Conversation = new ConversationAccount { Id = conversationId },
        Recipient = Bot,
        DeliveryMode = null,
    };

    private static async Task<(DirectLineGrant? Grant, DirectLineConversations.Conversation? Conversation, IResult? Refused)> AuthorizeAsync(
        HttpContext context, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations)
    {
        if (await GrantOf(context, tokens) is not { } grant)
        {
            return (null, null, await RefuseAsync(context));
        }

        if (grant.ConversationId != conversationId || conversations.Find(conversationId) is not { } conversation)
        {
            return (null, null, await ProblemAsync(context, Problem.Forbidden("The token does not open this conversation.")));
        }

        return (grant, conversation, null);
    }

    private static async Task<DirectLineGrant?> GrantOf(HttpContext context, DirectLineTokens tokens) =>
        AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var header)
        && header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            ? await tokens.ValidateAsync(header.Parameter)
            : null;

    private static async Task<IResult> RefuseAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return await ProblemAsync(context, Problem.Unauthorized("Send a Direct Line token from POST /v3/directline/tokens/generate."));
    }

    private static async Task<IResult> ProblemAsync(HttpContext context, Problem problem)
    {
        await new ProblemResult(problem).WriteAsync(context);
        return Results.Empty;
    }

    private static async Task<string?> StartLocaleAsync(HttpContext context)
    {
        if (context.Request.ContentLength is not > 0 || context.Request.ContentLength > 1024)
        {
            return null;
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("locale", out var locale) && locale.ValueKind == JsonValueKind.String
                ? locale.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Conversation(DirectLineGrant grant, string token, int status) =>
        Results.Json(
            new ConversationResponse(grant.ConversationId, token, (int)DirectLineTokens.Lifetime.TotalSeconds),
            ActivityJson.Options,
            statusCode: status);

    private static void AllowCrossOrigin(HttpResponse response)
    {
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlAllowHeaders = "Authorization, Content-Type, x-ms-bot-agent";
        response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        response.Headers.AccessControlExposeHeaders = "Retry-After";
    }

    private sealed record ConversationResponse(string ConversationId, string Token, [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);
}
