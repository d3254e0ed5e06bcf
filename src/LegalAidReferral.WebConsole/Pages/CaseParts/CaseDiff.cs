using System.Text.Json;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Components;

namespace LegalAidReferral.WebConsole.Pages.CaseParts;

/// <summary>What someone else changed: the field paths whose values differ between two versions of a case.</summary>
public static class CaseDiff
{
    private static readonly HashSet<string> Bookkeeping = ["version", "updatedAt"];

    public static IReadOnlyList<string> Changed(Case before, Case after) =>
        JsonDiff.Changed(JsonSerializer.SerializeToNode(before, ApiJson.Options), JsonSerializer.SerializeToNode(after, ApiJson.Options), Bookkeeping);
}
