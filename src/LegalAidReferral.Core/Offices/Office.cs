using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Offices;

/// <summary>A public defender office, or a regional unit of one, that takes part in the network.</summary>
public sealed record Office
{
    /// <summary>Stable slug starting with the lowercase ISO country code, e.g. <c>gt-idpp-guatemala</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Institution { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; init; }

    public required string Locality { get; init; }

    /// <summary>IANA time zone used for business days and deadlines.</summary>
    public required string TimeZone { get; init; }

    public required IReadOnlyList<string> Languages { get; init; }

    public required FocalPoint FocalPoint { get; init; }

    public required IReadOnlyList<LegalIssueType> Mandate { get; init; }

    public required bool AcceptsCrossBorderReferrals { get; init; }

    /// <summary>True for a local unit whose existence was not verified in public sources.</summary>
    public bool DemoUnit { get; init; }

    /// <summary>Prefix of the office's case references, e.g. <c>GT</c> in <c>GT-2026-000123</c>.</summary>
    public string ReferencePrefix => Country.ToUpperInvariant();
}

/// <summary>The office's contact for the network. Seed data carries placeholders only.</summary>
public sealed record FocalPoint(string Name, string Email, string Phone);
