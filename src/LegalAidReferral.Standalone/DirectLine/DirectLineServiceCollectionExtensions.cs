using LegalAidReferral.Infrastructure.BotFramework;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LegalAidReferral.Standalone.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The local Direct Line's tokens (limited per client address, section <c>DirectLine</c>) and conversations, and its delivery of the bot's proactive messages. Call after <c>AddLegalAidReferral</c>.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName)
            .Validate(o => o.IsValid, "DirectLine: TokensPerAddress, TokenWindow and MaxAddresses must be greater than zero, and each of TrustedProxies an address or a network (10.0.0.0/8).")
            .ValidateOnStart();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineTokenLimit>();
        services.AddSingleton<DirectLineConversations>();
        var connector = services.Single(d => d.ServiceType == typeof(IActivitySender));
        services.Replace(ServiceDescriptor.Singleton<IActivitySender>(sp => new DirectLineActivitySender(
            (IActivitySender)connector.ImplementationFactory!(sp), sp.GetRequiredService<DirectLineConversations>())));
        return services;
    }
}
