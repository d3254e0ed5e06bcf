using System.Text.Json;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Storage shape 1 of a case: the fields queries filter and sort on, the listing's summary, the case in
/// its wire form (the API's JSON contract), the conflict check's index of its parties, and the audit
/// entries of the write that stored it (<see cref="Audit"/>, projected into the audit container after
/// the write and again by the next one). One document, so a write of all of it is atomic.
/// </summary>
internal sealed record CaseDocument(
    string Id,
    string OfficeId,
    int Schema,
    long Version,
    string Status,
    string? Priority,
    string CreatedAt,
    string Reference,
    string Search,
    CaseSummaryShape Summary,
    JsonElement Case,
    IReadOnlyList<PartyShape> Parties,
    IReadOnlyList<string> PartyWords,
    IReadOnlyList<string> PartyDocuments,
    IReadOnlyList<AuditDocument> Audit)
{
    public const int CurrentSchema = 1;

    public static CaseDocument Of(Case @case, IndexedCase indexed, IEnumerable<AuditDocument> audit)
    {
        var client = @case.Details.Client;
        var parties = indexed.Parties.Select(PartyShape.Of).ToArray();
        return new CaseDocument(
            @case.Id.ToString("D"),
            @case.OfficeId,
            CurrentSchema,
            @case.Version,
            Kebab<CaseStatus>.Name(@case.Status),
            @case.Priority is { } priority ? Kebab<Priority>.Name(priority) : null,
            CosmosTime.Of(@case.CreatedAt),
            @case.Reference,
            SearchText.Join([client.FullName, .. client.Aliases, @case.Reference]),
            CaseSummaryShape.Of(@case),
            CosmosJson.ToElement(@case),
            parties,
            parties.SelectMany(p => p.Words).Distinct(StringComparer.Ordinal).ToArray(),
            parties.SelectMany(p => p.Documents).Distinct(StringComparer.Ordinal).ToArray(),
            audit.ToArray());
    }

    public Case ToCase() =>
        Schema == CurrentSchema
            ? CosmosJson.FromElement<Case>(Case, "case")
            : throw new InvalidDataException($"Case {Id} is stored in schema {Schema}, which this version does not read.");
}

/// <summary>What a case listing shows, so a listing reads no more than it returns.</summary>
internal sealed record CaseSummaryShape(
    string Reference,
    string ClientName,
    CaseStatus Status,
    Priority? Priority,
    IntakeChannel Channel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Demo)
{
    public static CaseSummaryShape Of(Case c) =>
        new(c.Reference, c.Details.Client.FullName, c.Status, c.Priority, c.Channel, c.CreatedAt, c.UpdatedAt, c.Demo);

    public CaseSummary ToSummary(Guid id) => new(id, Reference, ClientName, Status, Priority, Channel, CreatedAt, UpdatedAt, Demo);
}

/// <summary>One party of a case as the conflict check's index holds it (<see cref="IndexedParty"/>).</summary>
internal sealed record PartyShape(
    string Role,
    int Position,
    string Reference,
    string Profile,
    IReadOnlyList<string> Words,
    bool OneWordName,
    IReadOnlyList<string> Documents)
{
    public static PartyShape Of(IndexedParty party) =>
        new(Kebab<PartyRole>.Name(party.Role), party.Position, party.Reference, party.Profile, party.Words, party.HasOneWordName, party.DocumentNumbers);

    public PartyProfile ToProfile(Guid caseId) =>
        Kebab<PartyRole>.TryParse(Role, out var role)
            ? PartyProfileCodec.Deserialize(caseId, Reference, role, Position, Profile)
            : throw new InvalidDataException("A stored party has an unknown role.");
}
