using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Cases;

/// <summary>
/// Finds the caller's office's cases by the client's name, aliases or the case reference, with the
/// same filters, paging and audit as <see cref="ListCases"/>. The text comes in a request body so
/// that a name never appears in a URL, where proxies and request telemetry record it.
/// </summary>
public sealed class SearchCases(ListCases list)
{
    public const int MaxTextLength = 200;

    public async Task<Result<Page<CaseSummary>>> HandleAsync(CaseSearchInput input, CallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (CaseAccess.Check(call.Actor) is { } denied)
        {
            return denied;
        }

        var errors = new ValidationErrors();
        var text = SearchText(input.Q, errors);
        var page = PageRequest.From(input.Limit, input.ContinuationToken, errors);
        return await list.ListAsync(call, input.Status, input.Priority, text, page, errors, cancellationToken);
    }

    /// <summary>The search text, trimmed: 1 to <see cref="MaxTextLength"/> characters of text, no control characters.</summary>
    private static string? SearchText(string? q, ValidationErrors errors)
    {
        var text = q?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("q", "A search text is required.");
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            errors.Add("q", $"At most {MaxTextLength} characters are allowed.");
            return null;
        }

        if (!IsPlainText(text))
        {
            errors.Add("q", "Control characters, unpaired surrogates and noncharacters are not allowed.");
            return null;
        }

        return text;
    }

    private static bool IsPlainText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF' or (>= '\uFDD0' and <= '\uFDEF'))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
