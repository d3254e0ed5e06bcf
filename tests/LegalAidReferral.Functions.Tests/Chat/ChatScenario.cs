using LegalAidReferral.Core.Chat;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Core.Chat.State;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Functions.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>The services of a host (SQLite storage, seeded) with a fake clock and a fake channel, and the engine under test.</summary>
public sealed class ChatScenario : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly FunctionHarness harness;

    private ChatScenario(FunctionHarness harness, FakeTimeProvider clock, FakeChatChannel channel)
    {
        this.harness = harness;
        Clock = clock;
        Channel = channel;
    }

    public FakeTimeProvider Clock { get; }

    public FakeChatChannel Channel { get; }

    public IServiceProvider Services => harness.Provider;

    public FunctionHarness Harness => harness;

    public IChatConversations Engine => harness.Provider.GetRequiredService<IChatConversations>();

    public StaffChatActions StaffActions => harness.Provider.GetRequiredService<StaffChatActions>();

    /// <param name="configure">Replaces services after the test's clock and channel, e.g. a fake code hasher.</param>
    public static async Task<ChatScenario> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var channel = new FakeChatChannel();
        var harness = new FunctionHarness(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IChatChannel>(channel);
            configure?.Invoke(services);
        });
        await harness.StartAsync();
        return new ChatScenario(harness, clock, channel);
    }

    public static CallContext Staff(string officeId) =>
        new(new StaffCaller($"{officeId}-supervisor", officeId, new HashSet<Role> { Role.Defender, Role.Supervisor }), "test");

    public async Task<ChatCaseLink> LinkAsync(string reference) =>
        Assert.Single(await harness.Provider.GetRequiredService<IChatStateStore>().FindLinksAsync(reference, default));

    public ValueTask DisposeAsync() => harness.DisposeAsync();
}
