namespace LegalAidReferral.Core.Cases;

public enum CaseStatus
{
    Intake,
    Triaged,
    Open,
    NotEligible,
    ReferredOut,
    Closed,
}

public enum IntakeChannel
{
    Staff,
    Chat,
    Partner,
}

public enum Priority
{
    Critical,
    High,
    Normal,
    Low,
}

public enum Vulnerability
{
    UnaccompaniedMinor,
    Child,
    Pregnant,
    Disability,
    ChronicIllness,
    Elderly,
    GbvSurvivor,
    TraffickingVictim,
    Lgbtiq,
    Indigenous,
    Detained,
}

public enum LegalIssueType
{
    Asylum,
    Detention,
    Deportation,
    Regularization,
    Labour,
    FamilyReunification,
    CriminalDefense,
    ChildProtection,
    Documentation,
    Trafficking,
    Other,
}

public enum IdentityDocumentType
{
    Passport,
    NationalId,
    BirthCertificate,
    ResidencePermit,
    RefugeeId,
    TravelDocument,
    Other,
}
