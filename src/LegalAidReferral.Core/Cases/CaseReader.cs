using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>
/// Finds a case for a use case: in the office the caller acts in, and only if the access policy lets
/// the caller reach it. Anything else is not found, exactly like a case that does not exist.
/// </summary>
public sealed class CaseReader(ICaseStore store, AccessPolicy access)
{
    public async Task<Result<Case>> FindAsync(UseCase useCase, Caller caller, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await store.FindAsync(caller.OfficeId, caseId, cancellationToken) is not { } found)
        {
            return Failure.NotFound("case");
        }

        return await access.ReachAsync(useCase, caller, AccessTarget.Of(found), cancellationToken) is { } denied ? denied : found;
    }
}
