using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// A party profile as a short JSON text for a persistent index: the name, aliases, birth date and
/// documents only. The case id, reference, role and position are stored beside it, and the name
/// tokens are folded again when it is read, so a stored profile never disagrees with the folding rules.
/// </summary>
public static class PartyProfileCodec
{
    // Names are mostly accented Latin letters: written as they are, a profile stays about half as long.
    private static readonly JsonTypeInfo<StoredProfile> Json = (JsonTypeInfo<StoredProfile>)new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = StoredProfileJson.Default,
    }.GetTypeInfo(typeof(StoredProfile));

    public static string Serialize(PartyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var stored = new StoredProfile(
            profile.Name,
            profile.Names.Where(n => n.IsAlias).Select(n => n.Text).ToArray() is { Length: > 0 } aliases ? aliases : null,
            profile.BirthDate,
            profile.BirthDateApproximate ? true : null,
            profile.Documents.Count > 0
                ? profile.Documents.Select(d => new StoredDocument(Kebab<IdentityDocumentType>.Name(d.Type), d.Number, d.IssuingCountry)).ToArray()
                : null);
        return JsonSerializer.Serialize(stored, Json);
    }

    public static PartyProfile Deserialize(Guid caseId, string reference, PartyRole role, int position, string profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var stored = JsonSerializer.Deserialize(profile, Json)
            ?? throw new InvalidDataException("A stored party profile is empty.");
        return new PartyProfile(
            caseId,
            reference,
            role,
            position,
            stored.Name,
            PartyProfile.NamesOf(stored.Name, stored.Aliases ?? []),
            stored.BirthDate,
            stored.BirthDateApproximate ?? false,
            stored.Documents?.Select(d => new PartyDocument(DocumentType(d.Type), d.Number, d.IssuingCountry)).ToArray() ?? []);
    }

    private static IdentityDocumentType DocumentType(string name) =>
        Kebab<IdentityDocumentType>.TryParse(name, out var type)
            ? type
            : throw new InvalidDataException("A stored party profile has an unknown document type.");
}

internal sealed record StoredProfile(
    [property: JsonPropertyName("n")] string Name,
    [property: JsonPropertyName("a")] string[]? Aliases,
    [property: JsonPropertyName("b")] DateOnly? BirthDate,
    [property: JsonPropertyName("x")] bool? BirthDateApproximate,
    [property: JsonPropertyName("d")] StoredDocument[]? Documents);

internal sealed record StoredDocument(
    [property: JsonPropertyName("t")] string Type,
    [property: JsonPropertyName("n")] string Number,
    [property: JsonPropertyName("c")] string? IssuingCountry);

[JsonSerializable(typeof(StoredProfile))]
internal sealed partial class StoredProfileJson : JsonSerializerContext;
