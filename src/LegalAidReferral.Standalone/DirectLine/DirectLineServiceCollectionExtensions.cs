using LegalAidReferral.Infrastructure.BotFramework;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LegalAidReferral.Standalone.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The local Direct Line's tokens and conversations, and its delivery of the bot's proactive messages. Call after <c>AddLegalAidReferral</c>.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        var connector = services.Single(d => d.ServiceType == typeof(IActivitySender));
        services.Replace(ServiceDescriptor.Singleton<IActivitySender>(sp => new DirectLineActivitySender(
            (IActivitySender)connector.ImplementationFactory!(sp), sp.GetRequiredService<DirectLineConversations>())));
        return services;
    }
}
