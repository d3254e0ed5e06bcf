using System.Text.Json.Nodes;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals.Protocol;

namespace LegalAidReferral.Core.Tests.Referrals;

public sealed class ProtocolSettingsMessagesTests
{
    private const string Tapachula = "mx-ifdp-tapachula";
    private static readonly DateTimeOffset ChangedAt = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    private static readonly ProtocolSettings Changed = ProtocolDefaults.For(Tapachula) with
    {
        Version = 3,
        Weekend = [DayOfWeek.Sunday],
        Holidays = [new Holiday(new DateOnly(2026, 12, 12), "Día de la Virgen de Guadalupe")],
        Deadlines = ProtocolDefaults.For(Tapachula).Deadlines with { Acknowledge = new BusinessDaysDeadline(1, 12) },
        NotSuccessfulReasons = ["lack-of-capacity", "other"],
        UpdatedAt = ChangedAt,
        UpdatedBy = "mx-ifdp-tapachula-admin",
    };

    [Fact]
    public void A_settings_message_goes_to_every_deployment_on_its_topic_and_reads_back_as_the_same_version_without_who_changed_it()
    {
        var id = Guid.CreateVersion7(ChangedAt);

        var message = ProtocolSettingsMessages.Of(Changed, id, ChangedAt);

        Assert.Equal((id, Topics.ProtocolSettings, ProtocolSettingsMessages.Subject, Tapachula, (string?)null, Tapachula), (message.Id, message.Topic, message.Subject, message.FromOfficeId, message.ToOfficeId, message.CorrelationId));
        Assert.DoesNotContain("admin", message.Body, StringComparison.Ordinal);
        Assert.True(ProtocolSettingsMessages.TryRead(message, out var read, out _));
        Assert.Equal((Changed.OfficeId, Changed.Version, Changed.UpdatedAt, (string?)null), (read.OfficeId, read.Version, read.UpdatedAt, read.UpdatedBy));
        Assert.Equal(Changed.Weekend, read.Weekend);
        Assert.Equal(Changed.Holidays, read.Holidays);
        Assert.Equal(Changed.Deadlines, read.Deadlines);
        Assert.Equal(Changed.NotSuccessfulReasons, read.NotSuccessfulReasons);
    }

    [Fact]
    public void The_body_has_a_schema_version_and_the_settings_document_of_the_protocol_route()
    {
        var body = JsonNode.Parse(ProtocolSettingsMessages.Of(Changed, Guid.NewGuid(), ChangedAt).Body)!.AsObject();

        Assert.Equal(["schemaVersion", "officeId", "version", "updatedAt", "settings"], body.Select(p => p.Key));
        Assert.Equal(ProtocolSettingsMessages.SchemaVersion, (int)body["schemaVersion"]!);
        Assert.Equal(["weekend", "holidays", "deadlines", "notSuccessfulReasons"], body["settings"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Settings_of_an_office_other_than_the_sender_are_refused()
    {
        var message = ProtocolSettingsMessages.Of(Changed, Guid.NewGuid(), ChangedAt) with { FromOfficeId = "gt-idpp-guatemala" };

        Assert.False(ProtocolSettingsMessages.TryRead(message, out _, out var problem));
        Assert.Equal("settings-of-another-office", problem);
    }

    [Theory]
    [InlineData("""{"schemaVersion":2,"officeId":"mx-ifdp-tapachula","version":3,"updatedAt":null,"settings":{}}""", "unreadable-body")]
    [InlineData("""{"schemaVersion":1,"officeId":"mx-ifdp-tapachula","version":0,"updatedAt":null,"settings":{}}""", "unreadable-body")]
    [InlineData("""{"schemaVersion":1,"officeId":"mx-ifdp-tapachula","version":3,"updatedAt":null,"settings":{},"extra":1}""", "unreadable-body")]
    [InlineData("not json", "unreadable-body")]
    [InlineData("""{"schemaVersion":1,"officeId":"mx-ifdp-tapachula","version":3,"updatedAt":null,"settings":{"weekend":["sunday"],"holidays":[],"notSuccessfulReasons":["other"]}}""", "invalid-settings: deadlines")]
    public void A_broken_body_or_invalid_settings_are_refused_naming_what_is_wrong_but_no_value(string body, string problem)
    {
        var message = ProtocolSettingsMessages.Of(Changed, Guid.NewGuid(), ChangedAt) with { Body = body };

        Assert.False(ProtocolSettingsMessages.TryRead(message, out _, out var found));
        Assert.Equal(problem, found);
    }
}
