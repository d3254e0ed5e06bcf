namespace LegalAidReferral.Core.Messaging;

/// <summary>The topics messages travel on, the same names in every exchange adapter.</summary>
public static class Topics
{
    /// <summary>Referral steps between offices; each message names its receiving office.</summary>
    public const string Referrals = "referrals";

    /// <summary>Pseudonymous protocol events for the regional review.</summary>
    public const string ProtocolEvents = "protocol-events";

    /// <summary>Each office's protocol settings, for every other deployment (no receiving office).</summary>
    public const string ProtocolSettings = "protocol-settings";
}
