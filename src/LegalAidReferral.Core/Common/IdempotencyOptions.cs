namespace LegalAidReferral.Core.Common;

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    public static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an <c>Idempotency-Key</c> is remembered after its first request. A retry after that is
    /// a new request; the records are purged by <see cref="PurgeExpiredIdempotencyKeys"/>.
    /// </summary>
    public TimeSpan Retention { get; set; } = DefaultRetention;

    public bool IsValid => Retention > TimeSpan.Zero;
}
