using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Documents;

/// <summary>
/// The sender's file name made fit for display and for a download's <c>Content-Disposition</c>: the
/// last path segment only, characters the text rule refuses and those file systems refuse replaced,
/// shortened to <see cref="MaxLength"/>. A name with nothing left is <see cref="Fallback"/> plus the type's extension.
/// </summary>
public static class DocumentFileNames
{
    public const int MaxLength = 200;
    public const string Fallback = "document";

    private static readonly char[] Unsafe = ['"', '*', ':', '<', '>', '?', '|', ';'];

    public static string Clean(string? fileName, DocumentType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new System.Text.StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var text = rune.ToString();
            var allowed = TextRule.Apply(text, 2, multiline: false).Problem is null && !(rune.IsAscii && Unsafe.Contains((char)rune.Value));
            kept.Append(allowed ? text : "_");
        }

        var cleaned = TextRule.Apply(kept.ToString(), int.MaxValue, multiline: false).Text?.Trim('.', ' ') ?? string.Empty;
        if (cleaned.Length == 0)
        {
            return $"{Fallback}.{type.Extension}";
        }

        return cleaned.EnumerateRunes().Count() <= MaxLength ? cleaned : string.Concat(cleaned.EnumerateRunes().Take(MaxLength).Select(r => r.ToString()));
    }
}
