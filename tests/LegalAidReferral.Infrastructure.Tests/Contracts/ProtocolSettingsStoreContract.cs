using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Infrastructure.Seed;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteProtocolSettingsStoreContract : ProtocolSettingsStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosProtocolSettingsStoreContract : ProtocolSettingsStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="IProtocolSettingsStore"/> and its seeding.</summary>
public abstract class ProtocolSettingsStoreContract : StorageContract
{
    private const string Office = "mx-ifdp-tapachula";
    private const string OtherOffice = "gt-idpp-guatemala";

    [Fact]
    public async Task Each_version_is_added_once_and_the_newest_is_current()
    {
        var store = Storage.ProtocolSettings;
        await Storage.SeedProtocolSettingsAsync([Office]);

        var added = await store.TryAddAsync(Tighter(2), [], default);
        var addedTwice = await store.TryAddAsync(Tighter(2) with { Weekend = [DayOfWeek.Sunday] }, [], default);

        Assert.True(added);
        Assert.False(addedTwice);
        var current = await store.CurrentAsync(Office, default);
        Assert.Equal(2, current!.Version);
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Saturday], current.Weekend);
        Assert.Equal(new BusinessDaysDeadline(1, 12), current.Deadlines.Acknowledge);
    }

    [Fact]
    public async Task A_stored_version_reads_back_equal_field_by_field()
    {
        var store = Storage.ProtocolSettings;
        var settings = Tighter(1);

        await store.TryAddAsync(settings, [], default);

        var read = (await store.CurrentAsync(Office, default))!;
        Assert.Equal(settings.Weekend, read.Weekend);
        Assert.Equal(settings.Holidays, read.Holidays);
        Assert.Equal(settings.Deadlines, read.Deadlines);
        Assert.Equal(settings.NotSuccessfulReasons, read.NotSuccessfulReasons);
        Assert.Equal((settings.OfficeId, settings.Version, settings.UpdatedAt, settings.UpdatedBy), (read.OfficeId, read.Version, read.UpdatedAt, read.UpdatedBy));
    }

    [Fact]
    public async Task An_office_without_settings_has_none_and_offices_do_not_share_them()
    {
        var store = Storage.ProtocolSettings;
        await store.TryAddAsync(Tighter(1), [], default);

        Assert.Null(await store.CurrentAsync(OtherOffice, default));
    }

    [Fact]
    public async Task Seeding_gives_each_office_without_settings_the_defaults_and_keeps_existing_settings()
    {
        var store = Storage.ProtocolSettings;
        await Storage.SeedProtocolSettingsAsync([Office]);
        await store.TryAddAsync(Tighter(2), [], default);

        await Storage.SeedProtocolSettingsAsync([Office, OtherOffice]);

        Assert.Equal(2, (await store.CurrentAsync(Office, default))!.Version);
        var seeded = (await store.CurrentAsync(OtherOffice, default))!;
        var defaults = ProtocolDefaults.For(OtherOffice);
        Assert.Equal(1, seeded.Version);
        Assert.Equal(defaults.Deadlines, seeded.Deadlines);
        Assert.Equal(defaults.Weekend, seeded.Weekend);
        Assert.Equal(defaults.NotSuccessfulReasons, seeded.NotSuccessfulReasons);
    }

    [Fact]
    public async Task A_version_s_replication_message_is_saved_in_the_outbox_with_it_and_not_when_the_version_exists()
    {
        var store = Storage.ProtocolSettings;
        await Storage.SeedOfficesAsync(SeedOffices.Load());
        await Storage.SeedProtocolSettingsAsync([Office]);
        var message = ProtocolSettingsMessages.Of(Tighter(2), Guid.CreateVersion7(), Tighter(2).UpdatedAt!.Value);
        var lost = ProtocolSettingsMessages.Of(Tighter(2), Guid.CreateVersion7(), Tighter(2).UpdatedAt!.Value);

        Assert.True(await store.TryAddAsync(Tighter(2), [message], default));
        Assert.False(await store.TryAddAsync(Tighter(2), [lost], default));

        Assert.Equal([message], await Storage.Outbox.PendingAsync(10, default));
    }

    [Fact]
    public async Task An_announcement_waits_in_the_outbox_until_the_relay_marks_it_sent_and_the_version_stays_current()
    {
        var store = Storage.ProtocolSettings;
        await Storage.SeedOfficesAsync(SeedOffices.Load());
        await store.TryAddAsync(Tighter(1), [], default);
        var current = (await store.CurrentAsync(Office, default))!;
        var message = ProtocolSettingsMessages.Of(current, Guid.CreateVersion7(), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        await store.AnnounceAsync(current, message, default);
        var pending = await Storage.Outbox.PendingAsync(10, default);
        await Storage.Outbox.MarkSentAsync([message.Id], default);

        Assert.Equal([message], pending);
        Assert.Empty(await Storage.Outbox.PendingAsync(10, default));
        Assert.Equal(current.Deadlines, (await store.CurrentAsync(Office, default))!.Deadlines);
        Assert.Equal(ProtocolSettingsMessages.Subject, pending[0].Subject);
        Assert.Equal(Topics.ProtocolSettings, pending[0].Topic);
    }

    internal static ProtocolSettings Tighter(int version) => ProtocolDefaults.For(Office) with
    {
        Version = version,
        Holidays = [new Holiday(new DateOnly(2026, 12, 25), "Navidad")],
        Deadlines = ProtocolDefaults.For(Office).Deadlines with { Acknowledge = new BusinessDaysDeadline(1, 12) },
        UpdatedAt = new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero),
        UpdatedBy = "mx-ifdp-tapachula-admin",
    };
}
