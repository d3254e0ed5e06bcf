namespace LegalAidReferral.Core.Offices;

/// <summary>Port: the directory of offices of the network.</summary>
public interface IOfficeDirectory
{
    Task<Office?> FindAsync(string officeId, CancellationToken cancellationToken);

    /// <summary>All offices, ordered by id.</summary>
    Task<IReadOnlyList<Office>> ListAsync(CancellationToken cancellationToken);
}
