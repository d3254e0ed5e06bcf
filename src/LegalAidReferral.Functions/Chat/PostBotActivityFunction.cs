using System.Net.Http.Headers;
using System.Text.Json;
using LegalAidReferral.Functions.Http;
using LegalAidReferral.Infrastructure.BotFramework;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace LegalAidReferral.Functions.Chat;

/// <summary>
/// The Bot Framework messaging endpoint Azure Bot Service calls: the Connector's token (401 without
/// one, 403 when it is not valid or vouches for another <c>serviceUrl</c>), the activity (413, 415,
/// 400), the conversation's rate (429), then the turn. With <c>deliveryMode: expectReplies</c> the
/// replies are the answer's body; otherwise they are posted to the activity's <c>serviceUrl</c> and the
/// answer is 202. Anonymous at the Functions level: the Connector's token is the authentication.
/// </summary>
public sealed class PostBotActivityFunction(
    ApiPipeline api, ConnectorTokenValidator tokens, BotTurns turns, IActivitySender sender, IOptions<BotFrameworkOptions> options)
{
    [Function("PostBotActivity")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "messages")] HttpRequest request) =>
        api.RunAnonymousAsync(request, async () =>
        {
            var response = request.HttpContext.Response;
            ResponseHeaders.NoStore(response);
            var token = BearerToken(request);
            if (token is null)
            {
                response.Headers.WWWAuthenticate = "Bearer";
                return new ProblemResult(Problem.Unauthorized("Send the Bot Connector service's token as a bearer token."));
            }

            var cancellationToken = request.HttpContext.RequestAborted;
            var (activity, unreadable) = await JsonBody.ReadOpenAsync<Activity>(request, options.Value.MaxActivityBytes, ActivityJson.Options, cancellationToken);
            if (unreadable is not null)
            {
                return new ProblemResult(unreadable);
            }

            if (ActivityRules.Check(activity!, needsServiceUrl: true) is var (field, message))
            {
                return new ProblemResult(Problem.Invalid(field, message));
            }

            var status = await tokens.ValidateAsync(token, activity!, cancellationToken);
            if (status != ConnectorTokenStatus.Valid)
            {
                return new ProblemResult(Problem.Forbidden(Refusal(status)));
            }

            var result = await turns.HandleAsync(activity!, cancellationToken);
            if (result.RetryAfter is { } wait)
            {
                return ProblemResult.TooManyRequests(response, wait);
            }

            if (activity!.DeliveryMode == ActivityTypes.ExpectReplies)
            {
                return new BytesResult(JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies(result.Replies), ActivityJson.Options), "application/json; charset=utf-8");
            }

            foreach (var reply in result.Replies)
            {
                await sender.SendAsync(activity.ServiceUrl!, reply, cancellationToken);
            }

            return new StatusCodeResult(StatusCodes.Status202Accepted);
        });

    private static string? BearerToken(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
        && header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
        && header.Parameter is { Length: > 0 } token
            ? token
            : null;

    private static string Refusal(ConnectorTokenStatus status) => status switch
    {
        ConnectorTokenStatus.ServiceUrlMismatch => "The token does not vouch for the activity's serviceUrl.",
        ConnectorTokenStatus.NotEndorsed => "The token's signing key is not endorsed for the activity's channel.",
        _ => "The token is not a valid Bot Connector token for this bot.",
    };
}
