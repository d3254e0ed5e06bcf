using System.Text.Json;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Functions.Http;

namespace LegalAidReferral.Functions.Cases;

/// <summary>
/// The serialized <see cref="CaseResource"/> of recently read cases, per office, case, version and language: a
/// case's representation depends on nothing else (not on the caller, not on the time), and a version
/// is never reused, so a repeated read sends the bytes of the first. Bounded: when full it starts
/// again empty, which costs only serializations.
/// </summary>
public sealed class CaseRepresentations(int capacity)
{
    /// <summary>About the cases a busy office reads in a working day, in one language each; an entry is a few kilobytes.</summary>
    public const int DefaultCapacity = 4096;

    private readonly KeptValues<(string OfficeId, Guid Id, long Version, string Language), SerializedJson> bodies = new(capacity);

    public CaseRepresentations()
        : this(DefaultCapacity)
    {
    }

    public SerializedJson Of(Case c, string language)
    {
        ArgumentNullException.ThrowIfNull(c);
        return bodies.GetOrAdd(
            (c.OfficeId, c.Id, c.Version, language),
            _ => new SerializedJson(JsonSerializer.SerializeToUtf8Bytes(CaseResource.Of(c, language), WireJson.Options)));
    }
}
