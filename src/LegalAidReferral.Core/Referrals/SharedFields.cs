using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// The fixed allow-list of case paths a referral may share (docs/referrals.md explains each), and
/// the projection of a case onto the paths a referral lists. Paths name leaves or small groups, never
/// a whole section such as <c>client</c>, so a sender always chooses the birth date, the identity
/// documents or the contact explicitly. Nothing outside the case details (reference, consents,
/// triage, conflict check, notes, other clients) can be listed.
/// </summary>
public static class SharedFields
{
    /// <summary>Allowed path -> the JSON paths of the case details it copies (a date with its "approximate" flag).</summary>
    private static readonly FrozenDictionary<string, string[]> Copies = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["client.fullName"] = ["client.fullName"],
        ["client.aliases"] = ["client.aliases"],
        ["client.birthDate"] = ["client.birthDate", "client.birthDateApproximate"],
        ["client.nationalities"] = ["client.nationalities"],
        ["client.languages"] = ["client.languages"],
        ["client.gender"] = ["client.gender"],
        ["client.contact.phone"] = ["client.contact.phone"],
        ["client.contact.chat"] = ["client.contact.chat"],
        ["client.currentLocation"] = ["client.currentLocation"],
        ["client.identityDocuments"] = ["client.identityDocuments"],
        ["household"] = ["household"],
        ["vulnerabilities"] = ["vulnerabilities"],
        ["vulnerabilityNotes"] = ["vulnerabilityNotes"],
        ["legalIssues"] = ["legalIssues"],
        ["keyDates.detentionDate"] = ["keyDates.detentionDate"],
        ["keyDates.hearingDate"] = ["keyDates.hearingDate"],
        ["keyDates.deadlines"] = ["keyDates.deadlines"],
        ["adverseParties"] = ["adverseParties"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every path a referral may list, in the documented order.</summary>
    public static IReadOnlyList<string> Allowed { get; } = Copies.Keys.Order(StringComparer.Ordinal).ToArray();

    public static bool IsAllowed(string path) => Copies.ContainsKey(path);

    /// <summary>A package holding exactly the listed paths of <paramref name="details"/>; values the case lacks are null.</summary>
    public static SharedPackage Project(CaseDetails details, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var source = JsonSerializer.SerializeToNode(details, WireJson.Options)!.AsObject();
        var target = new JsonObject();
        foreach (var field in fields)
        {
            if (!Copies.TryGetValue(field, out var paths))
            {
                throw new ArgumentException($"'{field}' is not a shareable path; validate the request first.", nameof(fields));
            }

            foreach (var path in paths)
            {
                Copy(source, target, path.Split('.'));
            }
        }

        return new SharedPackage(fields.ToArray(), JsonSerializer.SerializeToElement(target, WireJson.Options), null);
    }

    private static void Copy(JsonObject source, JsonObject target, string[] segments)
    {
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (source[segments[i]] is not JsonObject next)
            {
                target[segments[i]] ??= null;
                return;
            }

            source = next;
            target = (JsonObject)(target[segments[i]] ??= new JsonObject());
        }

        target[segments[^1]] = source[segments[^1]]?.DeepClone();
    }
}

/// <summary>
/// What the receiving office's copy holds of the case: the listed <see cref="Fields"/> and their
/// <see cref="Values"/>, shaped as in the case (e.g. <c>{"client":{"fullName":"..."}}</c>). When the
/// client withdraws consent the values are blanked and <see cref="WithdrawnAt"/> set; the list of
/// fields stays, so the history still says what had been shared.
/// </summary>
public sealed record SharedPackage(IReadOnlyList<string> Fields, JsonElement Values, DateTimeOffset? WithdrawnAt)
{
    public SharedPackage Withdrawn(DateTimeOffset at) =>
        this with { Values = JsonSerializer.SerializeToElement(new JsonObject(), WireJson.Options), WithdrawnAt = at };
}
