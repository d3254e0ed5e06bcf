namespace LegalAidReferral.EndToEnd.Tests.OnCosmos;

// The end-to-end scenarios of the foundation and referral issues once more, with the standalone host
// on Cosmos DB: each class inherits every test of the SQLite class it names.

public sealed class CaseLifecycleOnCosmosTests(CosmosHostFixture fixture) : CaseLifecycleTests(fixture), IClassFixture<CosmosHostFixture>;

public sealed class CaseSearchOnCosmosTests(CosmosHostFixture fixture) : CaseSearchTests(fixture), IClassFixture<CosmosHostFixture>;

public sealed class ConflictCheckOnCosmosTests(CosmosHostFixture fixture) : ConflictCheckTests(fixture), IClassFixture<CosmosHostFixture>;

public sealed class TriageFlowOnCosmosTests(CosmosHostFixture fixture) : TriageFlowTests(fixture), IClassFixture<CosmosHostFixture>;

public sealed class ProtocolSettingsOnCosmosTests(CosmosHostFixture fixture) : ProtocolSettingsTests(fixture), IClassFixture<CosmosHostFixture>;

public sealed class ReferralOnCosmosTests(CosmosHostFixture fixture) : ReferralTests(fixture), IClassFixture<CosmosHostFixture>;

public sealed class ReferralFlowOnCosmosTests(CosmosHostFixture fixture) : ReferralFlowTests(fixture), IClassFixture<CosmosHostFixture>;
