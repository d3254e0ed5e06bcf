using System.Net;
using LegalAidReferral.Functions.Http;
using LegalAidReferral.Infrastructure.Limits;
using Microsoft.Extensions.Options;

namespace LegalAidReferral.Standalone.DirectLine;

/// <summary>
/// <see cref="DirectLineOptions.TokensPerAddress"/> new tokens per client address per
/// <see cref="DirectLineOptions.TokenWindow"/>, in memory (<see cref="FixedWindowLimit{TKey}"/>, at most
/// <see cref="DirectLineOptions.MaxAddresses"/> addresses). Each token is a new sender, whose code checks are counted
/// apart, so this bounds the code checks one address can make. An IPv6 client counts by its /64 network, which
/// one subscriber usually holds whole. The first refusal of a window is logged, without the address.
/// </summary>
public sealed partial class DirectLineTokenLimit
{
    private readonly FixedWindowLimit<IPAddress> windows;
    private readonly IReadOnlyList<IPNetwork> proxies;
    private readonly ILogger<DirectLineTokenLimit> logger;
    private readonly DirectLineOptions settings;

    public DirectLineTokenLimit(IOptions<DirectLineOptions> options, TimeProvider clock, ILogger<DirectLineTokenLimit> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings = options.Value;
        windows = new(clock, settings.TokensPerAddress, settings.TokenWindow, settings.MaxAddresses);
        proxies = settings.ProxyNetworks();
        this.logger = logger;
    }

    /// <summary>Null when the request may have a token; otherwise the 429 to answer, with <c>Retry-After</c> already set.</summary>
    public ProblemResult? Admit(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var admission = windows.TryAdmit(KeyOf(ClientAddress.Of(context, proxies)));
        if (admission.IsAdmitted)
        {
            return null;
        }

        if (admission.FirstRefusal)
        {
            LogRefused(logger, admission.Refusal == WindowRefusal.Full ? "new addresses (the limit holds as many as it may)" : "an address over its limit", settings.TokensPerAddress, settings.TokenWindow.TotalMinutes);
        }

        return ProblemResult.TooManyRequests(context.Response, admission.RetryAfter);
    }

    private static IPAddress KeyOf(IPAddress? address) => address is null ? IPAddress.None : ClientAddress.Subscriber(address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line tokens refused to {Whom}: {TokensPerAddress} per address in {WindowMinutes} minutes")]
    private static partial void LogRefused(ILogger logger, string whom, int tokensPerAddress, double windowMinutes);
}
