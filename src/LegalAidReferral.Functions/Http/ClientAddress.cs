using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// The address a request came from: the connection's peer, unless that peer is one of the trusted proxies given.
/// Then it is the address that proxy put in <c>X-Forwarded-For</c>: the list is read from the right (each proxy
/// appends the address it was reached from, some with a port), past trusted proxies only, so an entry the client
/// wrote itself counts only when every hop after it is trusted. With no trusted proxies the header is ignored.
/// IPv4 addresses mapped to IPv6 are given as IPv4.
/// </summary>
public static class ClientAddress
{
    public const string ForwardedForHeader = "X-Forwarded-For";

    /// <summary>The client's address, or null when the connection has none (an in-process test server).</summary>
    public static IPAddress? Of(HttpContext context, IReadOnlyList<IPNetwork> trustedProxies)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(trustedProxies);
        if (context.Connection.RemoteIpAddress is not { } peer)
        {
            return null;
        }

        var address = Normal(peer);
        if (trustedProxies.Count == 0)
        {
            return address;
        }

        var forwarded = context.Request.Headers[ForwardedForHeader]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
        for (var i = forwarded.Length - 1; i >= 0 && IsTrusted(address, trustedProxies); i--)
        {
            if (!IPEndPoint.TryParse(forwarded[i], out var hop))
            {
                break;
            }

            address = Normal(hop.Address);
        }

        return address;
    }

    /// <summary>
    /// The address a limit counts: an IPv6 address by its /64 (the first address of the network), which one
    /// subscriber usually holds whole; an IPv4 address as it is.
    /// </summary>
    public static IPAddress Subscriber(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes);
    }

    /// <summary>Trusted proxies as written in settings: an address (<c>10.0.0.5</c>) or a network (<c>10.0.0.0/8</c>).</summary>
    public static bool TryParseProxy(string? value, out IPNetwork network)
    {
        if (IPAddress.TryParse(value, out var single))
        {
            single = Normal(single);
            network = new IPNetwork(single, single.GetAddressBytes().Length * 8);
            return true;
        }

        return IPNetwork.TryParse(value, out network);
    }

    private static bool IsTrusted(IPAddress address, IReadOnlyList<IPNetwork> trustedProxies) =>
        trustedProxies.Any(network => network.Contains(address));

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
