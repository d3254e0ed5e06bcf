namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// Counts a sender's code checks across all of their conversations (<see cref="ChatOptions.MaxCodeChecksPerSender"/>
/// per <see cref="ChatOptions.CodeCheckWindow"/>), so one sender cannot try codes for many references.
/// </summary>
public interface ICodeCheckLimit
{
    /// <summary>Counts a check by <paramref name="sender"/>'s channel account; false if the sender is over the limit.</summary>
    bool TryAdmit(ChatAddress sender);
}
