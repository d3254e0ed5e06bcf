using System.Net;
using System.Text.Json.Nodes;
using static LegalAidReferral.EndToEnd.Tests.Referrals;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>
/// The two offices write to each other on a referral through the standalone host: each message
/// travels through the outbox and the in-process exchange, and its receipt comes back the same way.
/// The host logs at debug level, so the test can look for the texts in everything it wrote.
/// </summary>
public sealed class ReferralThreadTests
{
    private const string Question = "¿Pueden llamar a la clienta al +502 5559 8877 después de las 18:00?";
    private const string Answer = "Sí, la llamamos mañana; audiencia confirmada el jueves.";

    [Fact]
    public async Task Guatemala_writes_Tapachula_sees_it_and_replies_and_Guatemala_sees_the_reply_while_a_third_office_gets_404_and_no_text_reaches_a_log()
    {
        using var data = new TempFolder();
        await using var host = await StandaloneProcess.StartAsync(data.Path, "--Logging:LogLevel:Default=Debug", "--Logging:LogLevel:Microsoft.AspNetCore=Debug");
        var guatemala = await ApiSession.SignInAsync(host.CreateClient(), Samples.GuatemalaDefender);
        var tapachula = await ApiSession.SignInAsync(host.CreateClient(), Samples.TapachulaDefender);
        var santiago = await ApiSession.SignInAsync(host.CreateClient(), "cl-dpp-santiago-defender");
        var id = await SentAndReceivedAsync(guatemala, tapachula);

        var posted = await guatemala.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/messages", new { text = Question });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var question = await ApiSession.ReadObjectAsync(posted);
        Assert.Equal(("pending", Samples.GuatemalaDefender), (question["delivery"]!.GetValue<string>(), question["authorUserId"]!.GetValue<string>()));

        var seen = await ThreadMessageAsync(tapachula, id, question["id"]!.GetValue<string>(), "received");
        Assert.Equal((Question, "gt-idpp-guatemala"), (seen["text"]!.GetValue<string>(), seen["fromOfficeId"]!.GetValue<string>()));
        var replied = await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/messages", new { text = Answer });
        Assert.Equal(HttpStatusCode.Created, replied.StatusCode);
        var answer = await ThreadMessageAsync(guatemala, id, (await ApiSession.ReadObjectAsync(replied))["id"]!.GetValue<string>(), "received");
        Assert.Equal((Answer, Samples.TapachulaOffice), (answer["text"]!.GetValue<string>(), answer["fromOfficeId"]!.GetValue<string>()));
        await ThreadMessageAsync(guatemala, id, question["id"]!.GetValue<string>(), "delivered");
        var thread = await ApiSession.ReadObjectAsync(await guatemala.SendAsync(HttpMethod.Get, $"/api/referrals/{id}/messages?limit=1"));
        Assert.Equal(Question, thread["items"]![0]!["text"]!.GetValue<string>());
        Assert.NotNull(thread["continuationToken"]);

        Assert.Equal(HttpStatusCode.NotFound, (await santiago.SendAsync(HttpMethod.Get, $"/api/referrals/{id}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await santiago.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/messages", new { text = Question })).StatusCode);
        var tooLong = await guatemala.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/messages", new { text = Question + new string('x', 2000) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.DoesNotContain("+502", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var output = string.Join('\n', host.Output);
        Assert.Contains("matched endpoint", output, StringComparison.Ordinal);
        Assert.DoesNotContain("+502", output, StringComparison.Ordinal);
        Assert.DoesNotContain("audiencia confirmada", output, StringComparison.Ordinal);
    }
}
