namespace LegalAidReferral.Core.Cases;

/// <summary>Port: hands out the next case number of an office for a year, never twice.</summary>
public interface ICaseReferenceSequence
{
    Task<long> NextAsync(string officeId, int year, CancellationToken cancellationToken);
}
