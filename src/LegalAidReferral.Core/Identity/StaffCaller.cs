namespace LegalAidReferral.Core.Identity;

/// <summary>A signed-in staff member of one office, with one or more roles.</summary>
public sealed record StaffCaller(string UserId, string OfficeId, IReadOnlySet<Role> Roles) : Caller(OfficeId)
{
    public override CallerKind Kind => CallerKind.Staff;

    public override string Id => UserId;
}
