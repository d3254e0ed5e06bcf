using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Standalone.DevSignIn;

public sealed record DemoUser(string UserId, string DisplayName, IReadOnlyList<Role> Roles, string OfficeId);

/// <summary>
/// The accounts the standalone host offers on its sign-in page: per office a defender, a supervisor
/// and an office admin, plus one regional reviewer. The reviewer belongs to no public defender
/// office, so their office is <see cref="ReviewerOfficeId"/>, the network (AIDEF) itself.
/// </summary>
public sealed class DemoUsers
{
    public const string ReviewerUserId = "aidef-reviewer";
    public const string ReviewerOfficeId = "aidef-network";

    private readonly Dictionary<string, DemoUser> _byId;

    public DemoUsers(IEnumerable<string> officeIds)
    {
        ArgumentNullException.ThrowIfNull(officeIds);

        All = [.. officeIds.Distinct(StringComparer.Ordinal).SelectMany(ForOffice), Reviewer()];
        _byId = All.ToDictionary(user => user.UserId, StringComparer.Ordinal);
    }

    public IReadOnlyList<DemoUser> All { get; }

    public DemoUser? Find(string userId) => _byId.GetValueOrDefault(userId);

    private static IEnumerable<DemoUser> ForOffice(string officeId)
    {
        yield return new($"{officeId}-defender", $"Defender, {officeId}", [Role.Defender], officeId);
        yield return new($"{officeId}-supervisor", $"Supervisor, {officeId}", [Role.Defender, Role.Supervisor], officeId);
        yield return new($"{officeId}-admin", $"Office admin, {officeId}", [Role.OfficeAdmin], officeId);
    }

    private static DemoUser Reviewer() =>
        new(ReviewerUserId, "Regional reviewer, AIDEF network", [Role.RegionalReviewer], ReviewerOfficeId);
}
