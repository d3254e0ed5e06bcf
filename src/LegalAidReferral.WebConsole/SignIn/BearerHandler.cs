using System.Globalization;
using System.Net.Http.Headers;

namespace LegalAidReferral.WebConsole.SignIn;

/// <summary>Adds the signed-in user's token and the console's language (triage explains in it) to every API call.</summary>
public sealed class BearerHandler(ISignInSession session) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await session.AccessTokenAsync();
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));
        return await base.SendAsync(request, cancellationToken);
    }
}
