using System.Net;
using LegalAidReferral.Functions.Http;

namespace LegalAidReferral.Standalone.DirectLine;

/// <summary>
/// Settings of the local Direct Line (section <c>DirectLine</c>): how many tokens <c>tokens/generate</c> gives one
/// client address per window, and which proxies may say who the client is (docs/chat-protocol.md).
/// </summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>New tokens (each a new sender) one client address may get per <see cref="TokenWindow"/>.</summary>
    public int TokensPerAddress { get; set; } = 20;

    /// <summary>A fixed window from an address's first token.</summary>
    public TimeSpan TokenWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Addresses counted at a time; beyond, a new address gets no token until the oldest window ends.</summary>
    public int MaxAddresses { get; set; } = 10_000;

    /// <summary>
    /// Proxies (an address or a network such as <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> names the client.
    /// None by default: the client is the connection's peer, and the header is ignored.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    public bool IsValid =>
        TokensPerAddress > 0 && TokenWindow > TimeSpan.Zero && MaxAddresses > 0
        && TrustedProxies.All(proxy => ClientAddress.TryParseProxy(proxy, out _));

    public IReadOnlyList<IPNetwork> ProxyNetworks() =>
        [.. TrustedProxies.Select(proxy => ClientAddress.TryParseProxy(proxy, out var network) ? network : throw new FormatException("Not an address or a network."))];
}
