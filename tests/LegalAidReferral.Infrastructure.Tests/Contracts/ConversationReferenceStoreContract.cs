using LegalAidReferral.Core.Chat;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteConversationReferenceStoreContract : ConversationReferenceStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosConversationReferenceStoreContract : ConversationReferenceStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="IConversationReferenceStore"/>: one reference per channel and conversation, the last save wins.</summary>
public abstract class ConversationReferenceStoreContract : StorageContract
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private IConversationReferenceStore Store => Storage.ChatReferences;

    [Fact]
    public async Task A_saved_reference_is_found_by_channel_and_conversation_and_the_last_save_wins()
    {
        var address = new ChatAddress("msteams", "a:1/conversation;messageid=9", "29:user");
        var first = new ConversationReference(address, "https://smba.trafficmanager.net/amer/", "28:bot", "LegalAidReferral", "es-GT", At);
        await Store.SaveAsync(first, default);
        Assert.Equal(first, await Store.FindAsync("msteams", address.ConversationId, default));

        var moved = first with { ServiceUrl = "https://smba.trafficmanager.net/emea/", Locale = null, UpdatedAt = At.AddHours(1) };
        await Store.SaveAsync(moved, default);
        Assert.Equal(moved, await Store.FindAsync("msteams", address.ConversationId, default));
    }

    [Fact]
    public async Task The_same_conversation_id_on_another_channel_is_another_conversation()
    {
        var webChat = new ConversationReference(new ChatAddress("webchat", "c-1", "u-1"), "https://webchat.botframework.com/", "bot", null, "fr", At);
        await Store.SaveAsync(webChat, default);

        Assert.Null(await Store.FindAsync("directline", "c-1", default));
        Assert.Null(await Store.FindAsync("webchat", "c-2", default));
        Assert.Equal(webChat, await Store.FindAsync("webchat", "c-1", default));
    }
}
