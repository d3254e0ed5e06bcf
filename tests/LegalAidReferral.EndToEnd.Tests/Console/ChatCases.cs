using System.Net;

namespace LegalAidReferral.EndToEnd.Tests.Console;

/// <summary>Cases a client took in through the chat, as the browser tests look them up.</summary>
public static class ChatCases
{
    private static readonly string[] GuatemalaOffices = ["gt-idpp-guatemala", "gt-idpp-quetzaltenango"];

    /// <summary>The Guatemalan office the chat's intake went to, found by the case's reference.</summary>
    public static async Task<string> OfficeOfAsync(StandaloneProcess host, string reference)
    {
        foreach (var office in GuatemalaOffices)
        {
            var staff = await ApiSession.SignInAsync(host.CreateClient(), $"{office}-supervisor");
            using var response = await staff.SendAsync(HttpMethod.Post, "/api/cases/search", new { q = reference });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if ((await ApiSession.ReadObjectAsync(response))["items"]!.AsArray().Count == 1)
            {
                return office;
            }
        }

        throw new InvalidOperationException($"No Guatemalan office has the chat's case {reference}.");
    }
}
