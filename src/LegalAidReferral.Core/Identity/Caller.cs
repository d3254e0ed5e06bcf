namespace LegalAidReferral.Core.Identity;

/// <summary>
/// Who calls a use case. Every caller acts in one office's data: staff in their own office, the
/// system in the office whose work it does (a timer works office by office, a message handler for the
/// receiving office), a client in the office that holds their case. What each may do is decided by
/// <see cref="Access.AccessPolicy"/>.
/// </summary>
public abstract record Caller(string OfficeId)
{
    public abstract CallerKind Kind { get; }

    /// <summary>Who did it, as audit entries and recorded changes name the caller; never personal data.</summary>
    public abstract string Id { get; }
}

public enum CallerKind
{
    Staff,
    System,
    Client,
}
