using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace LegalAidReferral.ConsoleMeasure;

/// <summary>
/// What a page load transferred, from the browser's resource timing (the navigation and every
/// resource, same origin, so every size is exposed): bytes on the wire (headers included), the
/// encoded (compressed) bodies, and the decoded bodies; the console's files apart from its API calls.
/// </summary>
public sealed record Transfers(IReadOnlyList<Transfers.Entry> Entries)
{
    private const string ReadEntries = """
        () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => ({
          url: e.name, transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize }))
        """;

    public static async Task<Transfers> ReadAsync(IPage page)
    {
        var entries = await page.EvaluateAsync<JsonElement>(ReadEntries);
        return new Transfers(entries.EnumerateArray().Select(e => new Entry(
            new Uri(e.GetProperty("url").GetString()!).AbsolutePath,
            e.GetProperty("transfer").GetInt64(),
            e.GetProperty("encoded").GetInt64(),
            e.GetProperty("decoded").GetInt64())).ToList());
    }

    public IEnumerable<Entry> Files => Entries.Where(e => !e.IsApi);

    public long FileTransfer => Files.Sum(e => e.Transfer);

    public long FileEncoded => Files.Sum(e => e.Encoded);

    public long FileDecoded => Files.Sum(e => e.Decoded);

    public long ApiTransfer => Entries.Where(e => e.IsApi).Sum(e => e.Transfer);

    public string Describe()
    {
        var text = new StringBuilder();
        var compressed = Files.Count(e => e.Encoded < e.Decoded);
        text.AppendLine(CultureInfo.InvariantCulture, $"  files: {Files.Count()} ({compressed} compressed), {FileTransfer:N0} bytes transferred, {FileEncoded:N0} bytes of bodies as sent, {FileDecoded:N0} bytes decoded");
        text.AppendLine(CultureInfo.InvariantCulture, $"  API and sign-in calls: {Entries.Count(e => e.IsApi)}, {ApiTransfer:N0} bytes transferred");
        text.AppendLine("  largest files (bytes as sent / decoded):");
        foreach (var file in Files.OrderByDescending(e => e.Encoded).Take(8))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {file.Path}: {file.Encoded:N0} / {file.Decoded:N0}");
        }

        return text.ToString().TrimEnd();
    }

    public sealed record Entry(string Path, long Transfer, long Encoded, long Decoded)
    {
        public bool IsApi => Path.StartsWith("/api/", StringComparison.Ordinal) || Path.StartsWith("/dev/", StringComparison.Ordinal);
    }
}
