using System.Net;
using System.Text.Json.Nodes;
using static LegalAidReferral.EndToEnd.Tests.Referrals;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>
/// The host dies between saving a referral and publishing it. The first host's exchange is a Service
/// Bus namespace that cannot be reached, so the referral stays in its outbox; the host is then
/// SIGKILLed and started again with the in-process exchange, whose relay must deliver it, once.
/// </summary>
public class OutboxCrashTests
{
    private const string UnreachableServiceBus = "Endpoint=sb://127.0.0.1/;SharedAccessKeyName=none;SharedAccessKey=bm9uZQ==;UseDevelopmentEmulator=true";

    [Fact]
    public async Task A_referral_saved_but_not_published_when_the_host_is_killed_reaches_the_other_office_once_after_restart()
    {
        using var data = new TempFolder();
        string id;
        await using (var cutOff = await StandaloneProcess.StartAsync(
            data.Path, "--Exchange:Provider", "service-bus", "--Exchange:ServiceBus:ConnectionString", UnreachableServiceBus))
        {
            var sender = await ApiSession.SignInAsync(cutOff.CreateClient(), Samples.GuatemalaDefender);
            id = (await SendAsync(sender, await CaseWithConsentAsync(sender)))["id"]!.GetValue<string>();
            await PollAsync("a failed publish in the host's log", TimeSpan.FromSeconds(60), () =>
                Task.FromResult<JsonObject?>(cutOff.Output.Any(line => line.Contains("a publish failed", StringComparison.Ordinal)) ? new JsonObject() : null));
            await cutOff.KillAsync();
        }

        await using var restarted = await StandaloneProcess.StartAsync(data.Path);
        var guatemala = await ApiSession.SignInAsync(restarted.CreateClient(), Samples.GuatemalaDefender);
        var tapachula = await ApiSession.SignInAsync(restarted.CreateClient(), Samples.TapachulaDefender);
        var received = await IncomingAsync(tapachula, id);
        Assert.Single(received["steps"]!.AsArray(), s => s!["action"]!.GetValue<string>() == "send");

        var acknowledged = await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/acknowledge");
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var outgoing = await CopyInStatusAsync(guatemala, id, "acknowledged");
        Assert.Equal(["send", "acknowledge"], outgoing["steps"]!.AsArray().Select(s => s!["action"]!.GetValue<string>()));
        var incoming = await ApiSession.ReadObjectAsync(await tapachula.SendAsync(HttpMethod.Get, "/api/referrals?direction=incoming&limit=100"));
        Assert.Single(incoming["items"]!.AsArray(), r => r!["id"]!.GetValue<string>() == id);
    }
}
