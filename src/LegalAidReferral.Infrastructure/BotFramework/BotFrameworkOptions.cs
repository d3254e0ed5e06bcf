namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>The Bot Framework protocol at <c>POST /api/messages</c> (section <c>BotFramework</c>).</summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>
    /// The bot's app id (<c>BotFramework:AppId</c>): the audience of the Connector's tokens, and the client
    /// id of the user-assigned managed identity that gets the tokens of replies. Empty: no token is
    /// accepted. Not a bound option with a default: on Azure it is the deployment's identity, which no
    /// parameter default can name (<see cref="BotFrameworkRegistration"/> reads it).
    /// </summary>
    public string AppId { get; internal set; } = "";

    /// <summary>The OpenID configuration whose <c>jwks_uri</c> holds the Connector's signing keys (https, or a loopback address in tests).</summary>
    public string OpenIdConfiguration { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The accepted token issuers, separated by commas.</summary>
    public string Issuers { get; set; } = "https://api.botframework.com";

    /// <summary>Largest activity accepted (413 above).</summary>
    public long MaxActivityBytes { get; set; } = 65536;

    /// <summary>Turns a conversation may take per minute once its burst is spent (429 with Retry-After above).</summary>
    public int TurnsPerMinute { get; set; } = 60;

    /// <summary>Turns a conversation may take at once: a whole intake (about 16 turns) answered as fast as a script can.</summary>
    public int TurnBurst { get; set; } = 20;

    /// <summary>
    /// Conversations whose turns are counted per instance at most: each one that took a turn in the last
    /// <see cref="TurnBurst"/> × 60 / <see cref="TurnsPerMinute"/> seconds. Beyond, a new conversation's turns are
    /// refused (429 with Retry-After) until one has been idle that long.
    /// </summary>
    public int MaxThrottledConversations { get; set; } = 100_000;

    public bool IsValid => MaxActivityBytes > 0 && TurnsPerMinute > 0 && TurnBurst > 0 && MaxThrottledConversations > 0 && Uri.TryCreate(OpenIdConfiguration, UriKind.Absolute, out _);

    public IReadOnlyList<string> IssuerList => Issuers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
