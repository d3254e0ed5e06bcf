using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using static LegalAidReferral.Core.Tests.Referrals.ReferralLifecycleTests;
using static LegalAidReferral.Core.Tests.Referrals.ReferralSamples;

namespace LegalAidReferral.Core.Tests.Referrals;

/// <summary>What travels between offices (a delivery, a step) survives the API's JSON conventions unchanged.</summary>
public class ReferralWireTests
{
    [Fact]
    public void A_delivery_read_back_from_json_builds_the_same_receiving_copy()
    {
        var sent = Sent();
        var json = JsonSerializer.Serialize(sent.Delivery, WireJson.Options);

        var read = JsonSerializer.Deserialize<ReferralDelivery>(json, WireJson.Options)!;

        var fromJson = ReferralExchange.Receive(null, read, Now).Referral!;
        Assert.Equal(JsonSerializer.Serialize(ReceivingCopy(sent), WireJson.Options), JsonSerializer.Serialize(fromJson, WireJson.Options));
        Assert.Contains("\"kind\":\"representation\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_read_back_from_json_is_equal_to_the_one_taken()
    {
        var accept = ReceivingCopy(Sent())
            .Take(ReferralAction.Acknowledge, ReceivingDefender, Utc("2026-12-01T16:00")).Referral
            .Take(ReferralAction.Accept, ReceivingDefender, Utc("2026-12-02T15:00"), new("Note", null, null, null)).Step;

        var read = JsonSerializer.Deserialize<ReferralStep>(JsonSerializer.Serialize(accept, WireJson.Options), WireJson.Options)!;

        Assert.Equal(accept with { Starts = [] }, read with { Starts = [] });
        Assert.Equal(accept.Starts, read.Starts);
        Assert.Equal(2, read.Starts.Count);
    }

    [Fact]
    public void A_decline_step_keeps_its_reason_code_through_json_and_a_step_stored_before_codes_reads_without_one()
    {
        var decline = ReceivingCopy(Sent())
            .Take(ReferralAction.Acknowledge, ReceivingDefender, Utc("2026-12-01T16:00")).Referral
            .Take(ReferralAction.Decline, ReceivingDefender, Utc("2026-12-02T15:00"), new(null, null, null, null, DeclineReason.OutsideMandate)).Step;
        var json = JsonSerializer.Serialize(decline, WireJson.Options);

        var read = JsonSerializer.Deserialize<ReferralStep>(json, WireJson.Options)!;
        var before = JsonSerializer.Deserialize<ReferralStep>(json.Replace("\"reasonCode\":\"outside-mandate\",", string.Empty, StringComparison.Ordinal), WireJson.Options)!;

        Assert.Contains("\"reasonCode\":\"outside-mandate\"", json, StringComparison.Ordinal);
        Assert.Equal(DeclineReason.OutsideMandate, read.ReasonCode);
        Assert.Equal(decline with { Starts = [] }, read with { Starts = [] });
        Assert.Null(before.ReasonCode);
    }
}
