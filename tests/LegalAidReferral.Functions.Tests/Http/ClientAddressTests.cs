using System.Net;
using LegalAidReferral.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Tests.Http;

public sealed class ClientAddressTests
{
    private static readonly IPNetwork[] Proxies = [IPNetwork.Parse("10.0.0.0/8")];

    [Fact]
    public void Without_trusted_proxies_it_is_the_connection_peer_whatever_the_header_says() =>
        Assert.Equal(IPAddress.Parse("203.0.113.7"), ClientAddress.Of(Request("203.0.113.7", "198.51.100.1"), []));

    [Fact]
    public void It_reads_the_header_from_the_right_through_trusted_proxies_only() =>
        Assert.Equal(IPAddress.Parse("203.0.113.7"), ClientAddress.Of(Request("10.0.0.4", "198.51.100.1, 203.0.113.7, 10.1.2.3"), Proxies));

    [Fact]
    public void Entries_with_a_port_and_in_several_headers_are_read() =>
        Assert.Equal(IPAddress.Parse("2001:db8::7"), ClientAddress.Of(Request("10.0.0.4", "198.51.100.1", "[2001:db8::7]:51234, 10.1.2.3:443"), Proxies));

    [Fact]
    public void An_entry_that_is_not_an_address_stops_at_the_last_proxy() =>
        Assert.Equal(IPAddress.Parse("10.1.2.3"), ClientAddress.Of(Request("10.0.0.4", "203.0.113.7, unknown, 10.1.2.3"), Proxies));

    [Fact]
    public void An_IPv4_address_mapped_to_IPv6_is_given_as_IPv4() =>
        Assert.Equal(IPAddress.Parse("203.0.113.7"), ClientAddress.Of(Request("::ffff:203.0.113.7"), []));

    [Fact]
    public void A_connection_without_an_address_has_none() =>
        Assert.Null(ClientAddress.Of(new DefaultHttpContext(), Proxies));

    private static DefaultHttpContext Request(string peer, params string[] forwardedFor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwardedFor.Length > 0)
        {
            context.Request.Headers[ClientAddress.ForwardedForHeader] = forwardedFor;
        }

        return context;
    }
}
