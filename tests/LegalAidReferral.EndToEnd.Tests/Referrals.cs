using System.Net;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>Steps of the referral tests: a case with the client's consent, a sent referral, and waiting for the relay.</summary>
public static class Referrals
{
    /// <summary>
    /// The host relays the outbox on a timer every five seconds, so a step reaches the other office's
    /// copy some time after it was taken; the tests cannot see the timer, only its effect, so they
    /// poll. Six runs of the timer are ample on a busy machine.
    /// </summary>
    public static readonly TimeSpan RelayDeadline = TimeSpan.FromSeconds(30);

    private static readonly string[] Shared = ["client.fullName", "client.languages", "legalIssues"];

    public static JsonObject Referral() => new()
    {
        ["toOfficeId"] = Samples.TapachulaOffice,
        ["kind"] = "representation",
        ["reason"] = "The client moved to Tapachula",
        ["sharedFields"] = new JsonArray([.. Shared.Select(f => JsonValue.Create(f))]),
    };

    public static Dictionary<string, string> IfMatch(string etag) => new() { ["If-Match"] = etag };

    public static async Task<string> CaseWithConsentAsync(ApiSession staff)
    {
        var caseId = (await staff.CreateCaseAsync())["id"]!.GetValue<string>();
        var consent = await staff.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/consents", Samples.Consent());
        Assert.Equal(HttpStatusCode.Created, consent.StatusCode);
        return caseId;
    }

    public static async Task<JsonObject> SendAsync(ApiSession staff, string caseId)
    {
        var response = await staff.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/referrals", Referral());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ApiSession.ReadObjectAsync(response);
    }

    public static async Task<string> SentAndReceivedAsync(ApiSession sender, ApiSession receiver)
    {
        var id = (await SendAsync(sender, await CaseWithConsentAsync(sender)))["id"]!.GetValue<string>();
        await IncomingAsync(receiver, id);
        return id;
    }

    /// <summary>The message in the caller's copy of the thread once it shows <paramref name="delivery"/> (it travels with the relay).</summary>
    public static Task<JsonObject> ThreadMessageAsync(ApiSession staff, string referralId, string messageId, string delivery) =>
        PollAsync($"message {messageId} {delivery}", async () =>
        {
            var page = await ApiSession.ReadObjectAsync(await staff.SendAsync(HttpMethod.Get, $"/api/referrals/{referralId}/messages?limit=100"));
            return page["items"]!.AsArray().OfType<JsonObject>()
                .FirstOrDefault(m => m["id"]!.GetValue<string>() == messageId && m["delivery"]!.GetValue<string>() == delivery);
        });

    /// <summary>The referral in the receiving office's incoming list, once the relay has delivered it.</summary>
    public static Task<JsonObject> IncomingAsync(ApiSession receiver, string id) =>
        PollAsync($"referral {id} in the incoming list", async () =>
        {
            var page = await ApiSession.ReadObjectAsync(await receiver.SendAsync(HttpMethod.Get, "/api/referrals?direction=incoming&limit=100"));
            return page["items"]!.AsArray().OfType<JsonObject>().FirstOrDefault(r => r["id"]!.GetValue<string>() == id);
        });

    /// <summary>The caller's copy once it has reached <paramref name="status"/> (a step of the other office arrives with the relay).</summary>
    public static Task<JsonObject> CopyInStatusAsync(ApiSession staff, string id, string status) =>
        PollAsync($"referral {id} in status '{status}'", async () =>
        {
            var copy = await ApiSession.ReadObjectAsync(await staff.SendAsync(HttpMethod.Get, $"/api/referrals/{id}"));
            return copy["status"]?.GetValue<string>() == status ? copy : null;
        });

    public static Task<JsonObject> PollAsync(string what, Func<Task<JsonObject?>> find) => PollAsync(what, RelayDeadline, find);

    public static async Task<JsonObject> PollAsync(string what, TimeSpan within, Func<Task<JsonObject?>> find)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            if (await find() is { } found)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The host did not show {what} within {within.TotalSeconds} s.");
            await Task.Delay(250);
        }
    }
}
