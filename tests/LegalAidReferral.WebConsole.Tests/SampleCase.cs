using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>A Guatemala City case of an invented client, for the parts of the case page.</summary>
internal static class SampleCase
{
    public const string Id = "0193a5c0-0000-7000-8000-000000000001";

    public static Case Of(IReadOnlyList<Consent>? consents = null, long version = 1, IReadOnlyList<string>? allowedTransitions = null) => new(
        Id, "GT-2026-000001", "gt-idpp-guatemala", "staff", "intake", null, false,
        new Client("Ana Ficticia", null, null, null, null, null, null, null, null, null), null, null, null,
        [new LegalIssue("asylum", null)], null, null, consents ?? [], [], null, allowedTransitions ?? [], DateTimeOffset.UnixEpoch, "gt-idpp-guatemala-defender",
        DateTimeOffset.UnixEpoch, version, null);
}
