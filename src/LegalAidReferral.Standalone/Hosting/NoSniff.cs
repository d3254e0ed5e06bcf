using LegalAidReferral.Functions.Http;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// <c>X-Content-Type-Options: nosniff</c> on the responses no function writes (reference page,
/// <c>/dev</c>, router problems); function responses get it from <see cref="ApiPipeline"/> in both hosts.
/// </summary>
public static class NoSniff
{
    public static IApplicationBuilder UseNoSniff(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set when the response starts, so nothing that rewrites the headers before then drops it.
            context.Response.OnStarting(() =>
            {
                ResponseHeaders.NoSniff(context.Response);
                return Task.CompletedTask;
            });
            return next(context);
        });
}
