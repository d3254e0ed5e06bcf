namespace LegalAidReferral.Core.Cases;

/// <summary>
/// Port: hands out the next case number of an office for a year, never twice. A store may keep the
/// number only once the case that uses it is stored (<see cref="ICaseStore.TryCreateAsync"/> claims it),
/// so a number whose case is never stored can be skipped.
/// </summary>
public interface ICaseReferenceSequence
{
    Task<CaseNumber> NextAsync(string officeId, int year, CancellationToken cancellationToken);
}

/// <summary>A case number of an office for a year, as handed out by <see cref="ICaseReferenceSequence"/>.</summary>
public sealed record CaseNumber(string OfficeId, int Year, long Number);
