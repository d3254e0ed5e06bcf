using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals.Input;

namespace LegalAidReferral.Core.Referrals.Protocol;

/// <summary>
/// The message that replicates an office's protocol settings to the other deployments (docs/exchange.md):
/// on the protocol-settings topic, to no office in particular, correlated by the office id, with the
/// settings document, the office, the version and when it was changed. Who changed it (a user id) stays
/// home: the message holds no personal data. A receiver validates the document again, as if it were a
/// request, since it comes from another deployment.
/// </summary>
public static class ProtocolSettingsMessages
{
    public const int SchemaVersion = 1;
    public const string Subject = "protocol-settings";

    /// <summary>A message carrying <paramref name="settings"/>; a new <paramref name="messageId"/> for each announcement.</summary>
    public static ExchangeMessage Of(ProtocolSettings settings, Guid messageId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var document = JsonSerializer.Deserialize<ProtocolSettingsInput>(JsonSerializer.Serialize(settings, WireJson.Options), WireJson.Options)!;
        var body = new Body(SchemaVersion, settings.OfficeId, settings.Version, settings.UpdatedAt, document);
        return new ExchangeMessage(
            messageId, Topics.ProtocolSettings, Subject, settings.OfficeId, null, settings.OfficeId, JsonSerializer.Serialize(body, WireJson.Options), at);
    }

    /// <summary>Reads the settings back; false, with what is wrong (never a value), for a message that breaks the contract or settings that fail validation.</summary>
    public static bool TryRead(ExchangeMessage message, [NotNullWhen(true)] out ProtocolSettings? settings, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(message);
        settings = null;
        Body? body;
        try
        {
            body = message.Subject == Subject ? JsonSerializer.Deserialize<Body>(message.Body, WireJson.StrictInput) : null;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null || body.SchemaVersion != SchemaVersion || body.OfficeId is null || body.Version < 1)
        {
            problem = "unreadable-body";
            return false;
        }

        if (body.OfficeId != message.FromOfficeId)
        {
            problem = "settings-of-another-office";
            return false;
        }

        var validated = ProtocolSettingsValidator.Validate(body.Settings, body.OfficeId, body.Version, body.UpdatedAt, null);
        if (!validated.IsSuccess)
        {
            problem = $"invalid-settings: {string.Join(", ", validated.Failure.Errors?.Keys ?? [])}";
            return false;
        }

        settings = validated.Value;
        problem = null;
        return true;
    }

    private sealed record Body(int SchemaVersion, string? OfficeId, int Version, DateTimeOffset? UpdatedAt, ProtocolSettingsInput? Settings);
}
