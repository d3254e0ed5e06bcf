using System.Text.Json;
using System.Text.Json.Serialization;
using LegalAidReferral.Core.Chat.Languages;

namespace LegalAidReferral.Core.Chat.Flows;

/// <summary>
/// The flows and languages of the chat, read from the data files embedded in this assembly
/// (<c>ChatFlows/*.json</c>, <c>ChatLanguages/*.json</c>) and checked by <see cref="ChatFlowValidator"/>:
/// a catalog with a problem is refused, so a broken flow or a missing translation stops the start-up.
/// </summary>
public sealed class ChatCatalog
{
    private const string FlowPrefix = "ChatFlows/";
    private const string LanguagePrefix = "ChatLanguages/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly Lazy<ChatCatalog> Embedded = new(() => Checked(ReadEmbedded()));

    public ChatCatalog(IEnumerable<ChatFlow> flows, IEnumerable<ChatLanguage> languages)
    {
        Flows = flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
        Languages = languages.ToDictionary(l => l.Code, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, ChatFlow> Flows { get; }

    public IReadOnlyDictionary<string, ChatLanguage> Languages { get; }

    /// <summary>The embedded catalog, checked once.</summary>
    /// <exception cref="InvalidDataException">A flow or a language file has problems; the message lists them.</exception>
    public static ChatCatalog Default => Embedded.Value;

    /// <summary>The embedded files as they are, unchecked (the tests check them).</summary>
    public static ChatCatalog ReadEmbedded()
    {
        var assembly = typeof(ChatCatalog).Assembly;
        var names = assembly.GetManifestResourceNames();
        return new ChatCatalog(
            names.Where(n => n.StartsWith(FlowPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(n => Read<ChatFlow>(n)),
            names.Where(n => n.StartsWith(LanguagePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(n => Read<ChatLanguage>(n)));
    }

    public static ChatFlow ParseFlow(string json) => JsonSerializer.Deserialize<ChatFlow>(json, Json) ?? throw new InvalidDataException("A flow file is empty.");

    public static ChatLanguage ParseLanguage(string json) =>
        JsonSerializer.Deserialize<ChatLanguage>(json, Json) ?? throw new InvalidDataException("A language file is empty.");

    /// <exception cref="InvalidDataException">The catalog has problems; the message lists them.</exception>
    public static ChatCatalog Checked(ChatCatalog catalog)
    {
        var problems = ChatFlowValidator.Validate(catalog);
        return problems.Count == 0 ? catalog : throw new InvalidDataException("The chat flows have problems: " + string.Join(" ", problems));
    }

    private static T Read<T>(string name)
    {
        using var stream = typeof(ChatCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"The embedded chat file '{name}' is missing.");
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"The chat file '{name}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The chat file '{name}' is not valid: {e.Message}", e);
        }
    }
}
