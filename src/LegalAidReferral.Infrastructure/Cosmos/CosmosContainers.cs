namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Every container of the Cosmos DB database, in one place: the infrastructure templates must declare
/// exactly these (partition key, indexed paths, composite indexes, TTL, unique keys). Each indexed
/// path is one a query of an adapter filters or sorts on; the design is in docs/storage-cosmos.md.
/// </summary>
public static class CosmosContainers
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> NoUniqueKeys = [];
    private static readonly IReadOnlyList<IReadOnlyList<CompositePath>> NoComposites = [];

    /// <summary>One document per case, with its party index and the audit entries of its last write.</summary>
    public static readonly CosmosContainerDefinition Cases = new(
        "cases",
        "/officeId",
        ["/officeId/?", "/status/?", "/priority/?", "/createdAt/?", "/search/?", "/partyWords/[]/?", "/partyDocuments/[]/?"],
        [[new("/createdAt", Descending: true), new("/id", Descending: true)]],
        null,
        [["/reference"]]);

    /// <summary>Audit entries once projected from the write that recorded them, and every read's entries.</summary>
    public static readonly CosmosContainerDefinition Audit = new(
        "audit",
        "/officeId",
        ["/officeId/?", "/caseId/?", "/at/?"],
        [[new("/at"), new("/id")]],
        null,
        NoUniqueKeys);

    /// <summary>One counter document per office and year (id: the year).</summary>
    public static readonly CosmosContainerDefinition Sequences = new("sequences", "/officeId", ["/officeId/?"], NoComposites, null, NoUniqueKeys);

    /// <summary>Idempotency records, partitioned by their scope (office and operation); each expires by its own TTL.</summary>
    public static readonly CosmosContainerDefinition Idempotency = new("idempotency", "/scope", ["/scope/?", "/createdAt/?"], NoComposites, -1, NoUniqueKeys);

    /// <summary>The office directory, one document per office (partition: the office itself).</summary>
    public static readonly CosmosContainerDefinition Offices = new("offices", "/officeId", ["/officeId/?"], NoComposites, null, NoUniqueKeys);

    /// <summary>Triage policy versions (id: the version).</summary>
    public static readonly CosmosContainerDefinition Policies = new("policies", "/officeId", ["/officeId/?", "/version/?"], NoComposites, null, NoUniqueKeys);

    /// <summary>Protocol settings versions (id: the version), with the replication messages they have not yet sent.</summary>
    public static readonly CosmosContainerDefinition ProtocolSettings = new(
        "protocolSettings", "/officeId", ["/officeId/?", "/version/?", "/outboxPending/?"], NoComposites, null, NoUniqueKeys);

    /// <summary>Each office's referral copies, with their pending outbox messages and handled message ids.</summary>
    public static readonly CosmosContainerDefinition Referrals = new(
        "referrals",
        "/officeId",
        ["/officeId/?", "/id/?", "/copy/?", "/status/?", "/caseId/?", "/createdAt/?", "/final/?", "/outboxPending/?"],
        [[new("/createdAt", Descending: true), new("/id", Descending: true)], [new("/createdAt"), new("/id")]],
        null,
        NoUniqueKeys);

    /// <summary>Alerts (missed deadlines, chat hand-offs, erasure requests), open or cleared, and the case marks of changes under way.</summary>
    public static readonly CosmosContainerDefinition Alerts = new(
        "alerts",
        "/officeId",
        ["/officeId/?", "/referralId/?", "/caseId/?", "/kind/?", "/open/?", "/dueAt/?", "/markedAt/?"],
        [[new("/dueAt"), new("/id")]],
        null,
        NoUniqueKeys);

    /// <summary>The conflict check's vocabulary: every name word indexed for the office, with its search keys.</summary>
    public static readonly CosmosContainerDefinition Vocabulary = new(
        "vocabulary", "/officeId", ["/officeId/?", "/phonetic/?", "/deletions/[]/?"], NoComposites, null, NoUniqueKeys);

    /// <summary>What is known of each case document (the bytes are in the document store), with the audit entries of its upload.</summary>
    public static readonly CosmosContainerDefinition Documents = new(
        "documents", "/officeId", ["/officeId/?", "/caseId/?", "/uploadedAt/?"], [[new("/uploadedAt"), new("/id")]], null, NoUniqueKeys);

    /// <summary>Messages a handler rejected, for an operator (partition: the message id; written rarely, read by id).</summary>
    public static readonly CosmosContainerDefinition DeadLetters = new("deadLetters", "/id", ["/id/?", "/at/?"], NoComposites, null, NoUniqueKeys);

    /// <summary>The last reference of each chat conversation (partition: the conversation id; read and written by id).</summary>
    public static readonly CosmosContainerDefinition ChatReferences = new("chatReferences", "/conversationId", ["/conversationId/?"], NoComposites, null, NoUniqueKeys);

    /// <summary>
    /// The chat: each conversation's state (partition: its key; it expires by its own TTL) and the cases each
    /// chat reference names (partition: <c>reference:&lt;reference&gt;</c>, one document per office).
    /// </summary>
    public static readonly CosmosContainerDefinition Chat = new(
        "chat", "/partition", ["/partition/?", "/kind/?", "/expiresAt/?"], NoComposites, -1, NoUniqueKeys);

    /// <summary>The review's listed protocol events, by month; the dimensions its filters use are indexed.</summary>
    public static readonly CosmosContainerDefinition ReviewEvents = new(
        "reviewEvents",
        "/period",
        ["/period/?", "/occurredAt/?", "/fromOfficeId/?", "/toOfficeId/?", "/fromCountry/?", "/toCountry/?", "/kind/?", "/priority/?", "/applied/?"],
        [[new("/occurredAt"), new("/id")]],
        null,
        NoUniqueKeys);

    /// <summary>The review's aggregate cells, by month.</summary>
    public static readonly CosmosContainerDefinition ReviewCells = new(
        "reviewCells",
        "/period",
        ["/period/?", "/fromOfficeId/?", "/toOfficeId/?", "/fromCountry/?", "/toCountry/?", "/kind/?", "/priority/?"],
        NoComposites,
        null,
        NoUniqueKeys);

    /// <summary>The review's referral deadlines, one document per referral pseudonym.</summary>
    public static readonly CosmosContainerDefinition ReviewReferrals = new("reviewReferrals", "/id", ["/nextDueAt/?"], NoComposites, null, NoUniqueKeys);

    public static IReadOnlyList<CosmosContainerDefinition> All { get; } =
        [Cases, Audit, Sequences, Idempotency, Offices, Policies, ProtocolSettings, Referrals, Alerts, Vocabulary, Documents, DeadLetters, ChatReferences, Chat,
         ReviewEvents, ReviewCells, ReviewReferrals];
}
