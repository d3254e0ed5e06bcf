using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals.Input;

namespace LegalAidReferral.Core.Referrals.Protocol;

/// <summary>
/// The protocol settings an office has until its office admin sets its own: the defaults of the
/// domain model, kept as data in the embedded <c>protocol-defaults.json</c> and checked by the same
/// validator as any office's settings.
/// </summary>
public static class ProtocolDefaults
{
    private static readonly ProtocolSettingsInput Document = Load();

    /// <summary>The defaults as a document, e.g. to seed an office's settings file from.</summary>
    public static ProtocolSettingsInput Input => Document;

    /// <summary>The defaults as version 1 of <paramref name="officeId"/>'s settings.</summary>
    public static ProtocolSettings For(string officeId)
    {
        var settings = ProtocolSettingsValidator.Validate(Document, officeId, 1, null, null);
        return settings.IsSuccess
            ? settings.Value
            : throw new InvalidDataException($"The embedded protocol defaults are invalid: {string.Join("; ", settings.Failure.Errors!.Keys)}.");
    }

    private static ProtocolSettingsInput Load()
    {
        using var stream = typeof(ProtocolDefaults).Assembly.GetManifestResourceStream("ProtocolDefaults.json")
            ?? throw new InvalidDataException("The embedded resource 'ProtocolDefaults.json' is missing.");
        return JsonSerializer.Deserialize<ProtocolSettingsInput>(stream, WireJson.StrictInput)
            ?? throw new InvalidDataException("The embedded protocol defaults are empty.");
    }
}
