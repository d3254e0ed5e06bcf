using LegalAidReferral.Core.Chat.State;
using LegalAidReferral.Infrastructure.Tests.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteChatStateStoreContract : ChatStateStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosChatStateStoreContract : ChatStateStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="IChatStateStore"/>: versioned conversation states that expire, and the links of chat references.</summary>
public abstract class ChatStateStoreContract : StorageContract
{
    private IChatStateStore Store => Storage.Chat;

    [Fact]
    public async Task A_saved_state_is_found_with_its_answers_and_next_version()
    {
        var state = State("a", TestCases.Start.AddMinutes(30));
        state.Language = "ht";
        state.Values["name"] = "Jean";

        Assert.True(await Store.TrySaveAsync(state, 0, default));

        var found = await Store.FindAsync("a", default);
        Assert.NotNull(found);
        Assert.Equal(1, found.Version);
        Assert.Equal("ht", found.Language);
        Assert.Equal("Jean", found.Values["name"]);
        Assert.Equal(TestCases.Start.AddMinutes(30), found.ExpiresAt);
    }

    [Fact]
    public async Task A_save_at_a_stale_version_writes_nothing()
    {
        var state = State("a", TestCases.Start.AddMinutes(30));
        await Store.TrySaveAsync(state, 0, default);
        Assert.True(await Store.TrySaveAsync(State("a", TestCases.Start.AddMinutes(40)), 1, default));

        Assert.False(await Store.TrySaveAsync(State("a", TestCases.Start.AddMinutes(50)), 1, default));
        Assert.False(await Store.TrySaveAsync(State("a", TestCases.Start.AddMinutes(50)), 0, default));
        Assert.Equal(TestCases.Start.AddMinutes(40), (await Store.FindAsync("a", default))!.ExpiresAt);
    }

    [Fact]
    public async Task Expired_states_are_deleted_up_to_the_limit_and_fresh_ones_stay()
    {
        foreach (var key in new[] { "old-1", "old-2", "old-3" })
        {
            await Store.TrySaveAsync(State(key, TestCases.Start), 0, default);
        }

        await Store.TrySaveAsync(State("fresh", TestCases.Start.AddHours(1)), 0, default);
        var now = TestCases.Start.AddMinutes(1);

        Assert.Equal(2, await Store.DeleteExpiredAsync(now, 2, default));
        Assert.Equal(1, await Store.DeleteExpiredAsync(now, 2, default));
        Assert.Equal(0, await Store.DeleteExpiredAsync(now, 2, default));
        Assert.NotNull(await Store.FindAsync("fresh", default));
        Assert.Null(await Store.FindAsync("old-1", default));
    }

    [Fact]
    public async Task A_deleted_state_is_gone_and_can_start_again()
    {
        await Store.TrySaveAsync(State("a", TestCases.Start), 0, default);

        await Store.DeleteAsync("a", default);
        await Store.DeleteAsync("a", default);

        Assert.Null(await Store.FindAsync("a", default));
        Assert.True(await Store.TrySaveAsync(State("a", TestCases.Start), 0, default));
    }

    [Fact]
    public async Task A_reference_finds_the_case_of_each_office_it_names_once()
    {
        var guatemala = new ChatCaseLink("GT-2026-000001", "gt-idpp-guatemala", Guid.NewGuid());
        var quetzaltenango = new ChatCaseLink("GT-2026-000001", "gt-idpp-quetzaltenango", Guid.NewGuid());
        await Store.SaveLinkAsync(guatemala, default);
        await Store.SaveLinkAsync(quetzaltenango, default);
        await Store.SaveLinkAsync(guatemala, default);

        Assert.Equal([guatemala, quetzaltenango], await Store.FindLinksAsync("GT-2026-000001", default));
        Assert.Empty(await Store.FindLinksAsync("GT-2026-000002", default));
    }

    private static ChatState State(string key, DateTimeOffset expiresAt) =>
        new() { Key = key, UpdatedAt = TestCases.Start, ExpiresAt = expiresAt, WindowStart = TestCases.Start };
}
