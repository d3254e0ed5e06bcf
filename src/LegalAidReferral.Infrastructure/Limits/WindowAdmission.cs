namespace LegalAidReferral.Infrastructure.Limits;

/// <summary>Why <see cref="FixedWindowLimit{TKey}.TryAdmit"/> or <see cref="TokenBucketLimit{TKey}.TryAdmit"/> refused a use.</summary>
public enum WindowRefusal
{
    None,

    /// <summary>The key used all its permits in its window, or all the tokens of its bucket.</summary>
    OverLimit,

    /// <summary>The limit holds as many windows (buckets) as it may, and the key has none.</summary>
    Full,
}

/// <summary>
/// The answer of <see cref="FixedWindowLimit{TKey}.TryAdmit"/> and <see cref="TokenBucketLimit{TKey}.TryAdmit"/>:
/// admitted, or refused with the time until it may be tried again, and whether this is the first refusal of its kind
/// (of the key's window or since the key was last admitted, or since the limit was last not full), so a caller can
/// log once.
/// </summary>
public readonly record struct WindowAdmission(WindowRefusal Refusal, TimeSpan RetryAfter, bool FirstRefusal)
{
    public static readonly WindowAdmission Admitted = new(WindowRefusal.None, TimeSpan.Zero, false);

    public bool IsAdmitted => Refusal == WindowRefusal.None;
}
