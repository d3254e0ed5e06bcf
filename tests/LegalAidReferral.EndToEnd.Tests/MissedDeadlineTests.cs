using System.Net;
using System.Text.Json.Nodes;
using static LegalAidReferral.EndToEnd.Tests.Referrals;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>
/// A missed deadline seen through the standalone host: the referral is sent, then the host is started
/// again ten days later (<c>--dev-clock-offset</c>), when the deadline sweep finds the acknowledgement
/// overdue. The sweep runs at the start of every minute, so these waits are in minutes.
/// </summary>
public class MissedDeadlineTests
{
    /// <summary>How long the sweep may take to raise or clear an alert.</summary>
    public static readonly TimeSpan Sweeps = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task An_unacknowledged_referral_raises_one_alert_to_each_office_which_clears_once_Tapachula_acknowledges_late()
    {
        using var data = new TempFolder();
        string id;
        await using (var today = await StandaloneProcess.StartAsync(data.Path))
        {
            var sender = await ApiSession.SignInAsync(today.CreateClient(), Samples.GuatemalaDefender);
            id = await SentAndReceivedAsync(sender, await ApiSession.SignInAsync(today.CreateClient(), Samples.TapachulaDefender));
        }

        await using var later = await StandaloneProcess.StartAsync(data.Path, "--dev-clock-offset", "10.00:00:00");
        var guatemala = await ApiSession.SignInAsync(later.CreateClient(), Samples.GuatemalaDefender);
        var tapachula = await ApiSession.SignInAsync(later.CreateClient(), Samples.TapachulaDefender);

        var offices = new[] { guatemala, tapachula };
        foreach (var office in offices)
        {
            var alerts = await AlertsOnceRaisedAsync(office, id);
            Assert.Single(alerts, a => a["deadline"]!.GetValue<string>() == "acknowledge");
            Assert.Equal(alerts.Count, alerts.Select(a => a["deadline"]!.GetValue<string>()).Distinct().Count());
        }

        var acknowledged = await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/acknowledge");
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.False((await ApiSession.ReadObjectAsync(acknowledged))["steps"]!.AsArray()[^1]!["withinDeadline"]!.GetValue<bool>());
        foreach (var office in offices)
        {
            await PollAsync($"the acknowledgement alert of {id} cleared", Sweeps, async () =>
                (await AlertsAsync(office, id)).Any(a => a["deadline"]!.GetValue<string>() == "acknowledge") ? null : new JsonObject());
        }
    }

    private static async Task<List<JsonObject>> AlertsOnceRaisedAsync(ApiSession office, string id)
    {
        await PollAsync($"an alert on referral {id}", Sweeps, async () =>
            (await AlertsAsync(office, id)).FirstOrDefault());
        return await AlertsAsync(office, id);
    }

    /// <summary>The office's open alerts of the referral.</summary>
    public static async Task<List<JsonObject>> AlertsAsync(ApiSession office, string id)
    {
        var response = await office.SendAsync(HttpMethod.Get, "/api/alerts?limit=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiSession.ReadObjectAsync(response))["items"]!.AsArray().OfType<JsonObject>()
            .Where(a => a["referralId"]!.GetValue<string>() == id)
            .ToList();
    }
}
