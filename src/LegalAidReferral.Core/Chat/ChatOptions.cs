namespace LegalAidReferral.Core.Chat;

/// <summary>The engine's limits. Fixed values, documented in docs/chat.md.</summary>
public static class ChatOptions
{
    /// <summary>A conversation with no turn for this long is abandoned: its state is deleted.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Longest message the engine reads; a longer one is answered with a request to be brief.</summary>
    public const int MaxMessageLength = 2000;

    /// <summary>Turns per conversation within <see cref="FloodWindow"/>; beyond, the bot asks once to wait and then stays silent.</summary>
    public const int MaxTurnsPerWindow = 30;

    public static readonly TimeSpan FloodWindow = TimeSpan.FromMinutes(1);

    /// <summary>Answers not understood in a row before the flow starts again from the menu.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Steps one turn may run before it waits for the person (guards against a loop in a flow file).</summary>
    public const int MaxStepsPerTurn = 25;

    /// <summary>Wrong codes for one reference before it is locked.</summary>
    public const int MaxWrongCodes = 5;

    public static readonly TimeSpan CodeLock = TimeSpan.FromMinutes(15);

    /// <summary>Code checks one sender (the channel's account, across conversations) may make within <see cref="CodeCheckWindow"/>.</summary>
    public const int MaxCodeChecksPerSender = 10;

    public static readonly TimeSpan CodeCheckWindow = TimeSpan.FromMinutes(15);

    /// <summary>Senders whose code checks are counted at a time (per instance); beyond, a new sender's check is refused until the oldest window ends.</summary>
    public const int MaxCodeCheckSenders = 100_000;

    /// <summary>How long the office has to act on an erasure request (one month, as data-protection laws of the region ask).</summary>
    public static readonly TimeSpan ErasureDue = TimeSpan.FromDays(30);

    /// <summary>Messages a case's chat thread keeps.</summary>
    public const int MaxThreadMessages = 500;

    /// <summary>Longest message in a case's chat thread.</summary>
    public const int MaxThreadMessageLength = 2000;
}
