using LegalAidReferral.Infrastructure.BotFramework;
using LegalAidReferral.Standalone.DirectLine;

namespace LegalAidReferral.Functions.Tests.DirectLine;

/// <summary>What the local Direct Line sets on a client's activity before the bot reads it.</summary>
public sealed class DirectLineInboundTests
{
    [Fact]
    public void A_clients_attachment_urls_are_dropped_so_the_host_never_fetches_an_address_the_client_chose()
    {
        var posted = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "foto",
            ServiceUrl = "https://attacker.example/",
            Attachments = [new ActivityAttachment { ContentType = "image/png", ContentUrl = "http://169.254.169.254/metadata", Name = "photo.png" }],
        };

        var inbound = DirectLineEndpoints.Inbound("conversation-1", posted);

        Assert.Null(inbound.Attachments);
        Assert.Equal(DirectLineEndpoints.ServiceUrl, inbound.ServiceUrl);
        Assert.Equal(("conversation-1", "foto"), (inbound.Conversation!.Id, inbound.Text));
    }
}
