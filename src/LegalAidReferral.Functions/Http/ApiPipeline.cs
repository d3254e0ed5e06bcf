using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Infrastructure.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// What every function body does around its use case, the same in both hosts: correlation id,
/// <see cref="ResponseHeaders"/>, authentication, <see cref="RequestThrottle"/>, mapping of unexpected
/// errors to a problem without details.
/// </summary>
public sealed partial class ApiPipeline(
    CallerAuthenticator authenticator, AccessPolicy access, RequestThrottle throttle, IOptions<ApiOptions> options, ILogger<ApiPipeline> logger)
{
    public long MaxJsonBodyBytes => options.Value.MaxJsonBodyBytes;

    /// <summary>
    /// For the route of <paramref name="useCase"/>: the <see cref="AccessPolicy"/> admits the caller
    /// before any parameter or body is read, so a caller who may not use the route gets 403 whatever it
    /// sent, and learns nothing from the route's validation. The use case asks the policy again.
    /// </summary>
    public Task<IActionResult> RunAsync(HttpRequest request, UseCase useCase, Func<CallContext, Task<IActionResult>> handle) =>
        RunAsync(request, (caller, _) => ValueTask.FromResult(access.Admit(useCase, caller)), handle);

    /// <summary>For a route that names an office's data: the caller must be admitted and reach that office.</summary>
    public Task<IActionResult> RunOnOfficeAsync(HttpRequest request, UseCase useCase, string officeId, Func<CallContext, Task<IActionResult>> handle) =>
        RunAsync(request, (caller, ct) => access.CheckAsync(useCase, caller, new AccessTarget(officeId), ct), handle);

    /// <summary>
    /// For a route that names a case: an id that is not a GUID cannot name a case, so it is a 404
    /// like any case the caller cannot see. Whether the caller reaches the case is known once the use
    /// case has read it.
    /// </summary>
    public Task<IActionResult> RunOnCaseAsync(HttpRequest request, UseCase useCase, string caseId, Func<CallContext, Guid, Task<IActionResult>> handle) =>
        RunOnIdAsync(request, useCase, caseId, "case", handle);

    /// <summary>For a route that names a referral: as <see cref="RunOnCaseAsync"/>, for the caller's office's copy.</summary>
    public Task<IActionResult> RunOnReferralAsync(HttpRequest request, UseCase useCase, string referralId, Func<CallContext, Guid, Task<IActionResult>> handle) =>
        RunOnIdAsync(request, useCase, referralId, "referral", handle);

    /// <summary>For a route that names a resource of the caller's office by a GUID: anything else is a 404 naming <paramref name="what"/>.</summary>
    public Task<IActionResult> RunOnIdAsync(HttpRequest request, UseCase useCase, string value, string what, Func<CallContext, Guid, Task<IActionResult>> handle) =>
        RunAsync(request, useCase, call => QueryParameters.Id(value) is { } id
            ? handle(call, id)
            : Task.FromResult<IActionResult>(new ProblemResult(Problem.NotFound(what))));

    public Task<IActionResult> RunAnonymousAsync(HttpRequest request, Func<Task<IActionResult>> handle) =>
        GuardAsync(request, _ => throttle.Admit(request.HttpContext) is { } tooMany ? Task.FromResult<IActionResult>(tooMany) : handle());

    private Task<IActionResult> RunAsync(
        HttpRequest request, Func<Caller, CancellationToken, ValueTask<Failure?>> admit, Func<CallContext, Task<IActionResult>> handle) =>
        GuardAsync(request, async correlationId =>
        {
            ResponseHeaders.NoStore(request.HttpContext.Response);
            var outcome = await authenticator.AuthenticateAsync(request.HttpContext);
            if (throttle.Admit(request.HttpContext, outcome.Actor?.UserId) is { } tooMany)
            {
                return tooMany;
            }

            if (outcome.Actor is { } actor)
            {
                if (await admit(actor, request.HttpContext.RequestAborted) is { } denied)
                {
                    return ProblemResult.From(denied);
                }

                return IfMatch.IsMalformed(request)
                    ? new ProblemResult(Problem.MalformedETag())
                    : await handle(new CallContext(actor, correlationId));
            }

            if (outcome.Status == AuthenticationStatus.Forbidden)
            {
                return new ProblemResult(Problem.Forbidden(outcome.Reason ?? "You are not allowed to use this API."));
            }

            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return new ProblemResult(Problem.Unauthorized(outcome.Reason ?? "Send a valid bearer token."));
        });

    private async Task<IActionResult> GuardAsync(HttpRequest request, Func<string, Task<IActionResult>> handle)
    {
        var correlationId = Correlation.Establish(request.HttpContext);
        ResponseHeaders.NoSniff(request.HttpContext.Response);
        try
        {
            return await handle(correlationId);
        }
        catch (InvalidContinuationTokenException)
        {
            return new ProblemResult(Problem.Invalid("continuationToken", "The continuation token is not valid. Start again without it."));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the exception type and stack go to the log: messages of lower layers may quote data.
            LogUnexpected(logger, e.GetType().FullName ?? e.GetType().Name, correlationId, e.StackTrace ?? string.Empty);
            return new ProblemResult(Problem.Internal());
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected {ExceptionType} in request {CorrelationId} at {StackTrace}")]
    private static partial void LogUnexpected(ILogger logger, string exceptionType, string correlationId, string stackTrace);
}
