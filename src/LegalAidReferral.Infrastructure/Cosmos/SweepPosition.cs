using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>Where a deadline sweep goes on: the office, the step (open copies, then final copies with open alerts) and the last id returned.</summary>
internal sealed record SweepPosition(string OfficeId, char Step, string AfterId)
{
    public const char Open = 'o';
    public const char Alerted = 'a';

    public string ToToken() => ContinuationTokens.Encode($"{OfficeId}|{Step}|{AfterId}");

    /// <exception cref="InvalidContinuationTokenException">The token was not issued by the store.</exception>
    public static SweepPosition Parse(string? token)
    {
        if (token is null)
        {
            return new SweepPosition("", Open, "");
        }

        var parts = (ContinuationTokens.Decode(token) ?? throw new InvalidContinuationTokenException()).Split('|');
        return parts is [var office, [var step], var after] && step is Open or Alerted
            ? new SweepPosition(office, step, after)
            : throw new InvalidContinuationTokenException();
    }
}
