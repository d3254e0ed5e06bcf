namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>Hashes a client's new code and checks a typed one: the only place the chat derives a code's hash.</summary>
public interface IChatCodeHasher
{
    /// <summary>The stored form of <paramref name="code"/> (a salted hash).</summary>
    Task<string> HashAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="typed"/> is the code <paramref name="stored"/> was made from. With no stored hash
    /// (an unknown reference, a case without a code) it does the same work and answers false, so the time taken
    /// does not tell whether the reference exists.
    /// </summary>
    Task<bool> VerifyAsync(string typed, string? stored, CancellationToken cancellationToken);
}
