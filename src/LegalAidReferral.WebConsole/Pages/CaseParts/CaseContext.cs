using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Pages.CaseParts;

/// <summary>The case as the page last read it, with its ETag; the parts of the case page act on it and report the new version.</summary>
public sealed record CaseContext(Case Case, string ETag);
