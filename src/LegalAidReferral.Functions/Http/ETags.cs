using System.Globalization;

namespace LegalAidReferral.Functions.Http;

/// <summary>
/// The entity tag of a versioned resource (a case, a policy) is its version in double quotes, e.g.
/// <c>"3"</c>; <see cref="IfMatch"/> reads it back.
/// </summary>
public static class ETags
{
    public static string Of(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>The version a strong tag names; null for a weak tag or one this service never issues.</summary>
    public static long? VersionOf(string opaqueTag) =>
        long.TryParse(opaqueTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && Of(version) == $"\"{opaqueTag}\""
            ? version
            : null;
}
