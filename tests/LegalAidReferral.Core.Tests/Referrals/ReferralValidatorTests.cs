using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Input;
using LegalAidReferral.Core.Referrals.Protocol;

namespace LegalAidReferral.Core.Tests.Referrals;

public class ReferralValidatorTests
{
    private const string From = "gt-idpp-guatemala";

    private static readonly IReadOnlyList<string> Reasons = ProtocolDefaults.For("mx-ifdp-tapachula").NotSuccessfulReasons;

    private static ReferralInput Valid() => new()
    {
        ToOfficeId = "mx-ifdp-tapachula",
        Kind = "representation",
        Reason = " Client moved to Tapachula\r\nHearing next week ",
        SharedFields = ["client.fullName", "client.languages", "client.fullName", "legalIssues"],
        DocumentIds = ["doc-1", "doc-1"],
    };

    [Fact]
    public void A_valid_request_is_cleaned_by_the_text_rule_and_loses_repeated_entries()
    {
        var request = ReferralRequestValidator.Validate(Valid(), From).Value!;

        Assert.Equal(
            new ReferralRequest("mx-ifdp-tapachula", ReferralKind.Representation, null, "Client moved to Tapachula\nHearing next week", request.SharedFields, request.DocumentIds, null),
            request);
        Assert.Equal(["client.fullName", "client.languages", "legalIssues"], request.SharedFields);
        Assert.Equal(["doc-1"], request.DocumentIds);
    }

    [Fact]
    public void An_override_carries_its_reason_and_kind_other_its_description()
    {
        var request = ReferralRequestValidator.Validate(
            Valid() with { Kind = "other", KindDescription = "Certified copy of a hearing record", ConsentOverride = new ConsentOverrideInput { Reason = "Hearing tomorrow." } }, From).Value!;

        Assert.Equal((ReferralKind.Other, "Certified copy of a hearing record", "Hearing tomorrow."), (request.Kind, request.KindDescription, request.OverrideReason));
    }

    public static TheoryData<string, Func<ReferralInput, ReferralInput>> InvalidRequests() => new()
    {
        { "toOfficeId", r => r with { ToOfficeId = null } },
        { "toOfficeId", r => r with { ToOfficeId = From } },
        { "toOfficeId", r => r with { ToOfficeId = new string('x', 65) } },
        { "kind", r => r with { Kind = "lawsuit" } },
        { "kind", r => r with { Kind = null } },
        { "kindDescription", r => r with { Kind = "other" } },
        { "kindDescription", r => r with { KindDescription = "Not for representation" } },
        { "kindDescription", r => r with { Kind = "other", KindDescription = "two\nlines" } },
        { "reason", r => r with { Reason = "   " } },
        { "reason", r => r with { Reason = new string('r', 2001) } },
        { "reason", r => r with { Reason = "bidi \u202E override" } },
        { "sharedFields", r => r with { SharedFields = null } },
        { "sharedFields", r => r with { SharedFields = [] } },
        { "sharedFields", r => r with { SharedFields = Enumerable.Repeat<string?>("client.fullName", SharedFields.Allowed.Count + 1).ToList() } },
        { "sharedFields[1]", r => r with { SharedFields = ["client.fullName", "client"] } },
        { "sharedFields[0]", r => r with { SharedFields = ["reference"] } },
        { "sharedFields[0]", r => r with { SharedFields = [null] } },
        { "sharedFields[0]", r => r with { SharedFields = ["client.fullName\u0000"] } },
        { "documentIds[0]", r => r with { DocumentIds = [""] } },
        { "documentIds", r => r with { DocumentIds = Enumerable.Repeat<string?>("d", ReferralRequestValidator.MaxDocuments + 1).ToList() } },
        { "consentOverride.reason", r => r with { ConsentOverride = new ConsentOverrideInput() } },
        { "consentOverride.reason", r => r with { ConsentOverride = new ConsentOverrideInput { Reason = " " } } },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void An_invalid_request_is_reported_at_the_field(string field, Func<ReferralInput, ReferralInput> spoil)
    {
        var result = ReferralRequestValidator.Validate(spoil(Valid()), From);

        Assert.Contains(field, result.Failure!.Errors!.Keys);
    }

    [Fact]
    public void A_missing_body_is_reported()
    {
        Assert.Equal(["$"], ReferralRequestValidator.Validate(null, From).Failure!.Errors!.Keys);
    }

    public static TheoryData<ReferralAction, ReferralActionInput, ReferralActionDetails> ValidActions() => new()
    {
        { ReferralAction.Acknowledge, new(), new(null, null, null, null) },
        { ReferralAction.Accept, new() { Note = " We take it.\r\nCall us. " }, new("We take it.\nCall us.", null, null, null) },
        { ReferralAction.Decline, new() { ReasonCode = "no-capacity", Reason = "No capacity" }, new(null, "No capacity", null, null, DeclineReason.NoCapacity) },
        { ReferralAction.Decline, new() { ReasonCode = "conflict-of-interest" }, new(null, null, null, null, DeclineReason.ConflictOfInterest) },
        { ReferralAction.Decline, new() { ReasonCode = "other", Reason = "The client asked another office" }, new(null, "The client asked another office", null, null, DeclineReason.Other) },
        { ReferralAction.Revoke, new() { Reason = "Sent by mistake", Note = "n" }, new("n", "Sent by mistake", null, null) },
        { ReferralAction.Assign, new() { DefenderId = " mx-defender-7 " }, new(null, null, "mx-defender-7", null) },
        { ReferralAction.FirstContact, new(), new(null, null, null, null) },
        { ReferralAction.Outcome, new() { Successful = true }, new(null, null, null, new ReferralOutcome(true, null)) },
        { ReferralAction.Outcome, new() { Successful = false, ReasonNotSuccessful = "lack-of-capacity" }, new(null, null, null, new ReferralOutcome(false, "lack-of-capacity")) },
        { ReferralAction.Close, new() { Note = "Thanks" }, new("Thanks", null, null, null) },
    };

    [Theory]
    [MemberData(nameof(ValidActions))]
    public void Each_action_takes_its_own_fields(ReferralAction action, ReferralActionInput input, ReferralActionDetails expected)
    {
        Assert.Equal(expected, ReferralActionValidator.Validate(action, input, Reasons).Value);
    }

    public static TheoryData<ReferralAction, ReferralActionInput, string> InvalidActions() => new()
    {
        { ReferralAction.Decline, new() { Reason = "No capacity" }, "reasonCode" },
        { ReferralAction.Decline, new() { ReasonCode = "busy" }, "reasonCode" },
        { ReferralAction.Decline, new() { ReasonCode = "No-Capacity" }, "reasonCode" },
        { ReferralAction.Decline, new() { ReasonCode = "other" }, "reason" },
        { ReferralAction.Decline, new() { ReasonCode = "other", Reason = " " }, "reason" },
        { ReferralAction.Decline, new() { ReasonCode = "no-capacity", Reason = "a\u202Eb" }, "reason" },
        { ReferralAction.Revoke, new() { Reason = "Sent by mistake", ReasonCode = "other" }, "reasonCode" },
        { ReferralAction.Accept, new() { ReasonCode = "no-capacity" }, "reasonCode" },
        { ReferralAction.Revoke, new() { Reason = "  " }, "reason" },
        { ReferralAction.Accept, new() { Reason = "why" }, "reason" },
        { ReferralAction.Assign, new(), "defenderId" },
        { ReferralAction.Assign, new() { DefenderId = "a\nb" }, "defenderId" },
        { ReferralAction.Assign, new() { DefenderId = new string('d', 129) }, "defenderId" },
        { ReferralAction.FirstContact, new() { DefenderId = "x" }, "defenderId" },
        { ReferralAction.Outcome, new(), "successful" },
        { ReferralAction.Outcome, new() { Successful = false }, "reasonNotSuccessful" },
        { ReferralAction.Outcome, new() { Successful = false, ReasonNotSuccessful = "bored" }, "reasonNotSuccessful" },
        { ReferralAction.Outcome, new() { Successful = true, ReasonNotSuccessful = "other" }, "reasonNotSuccessful" },
        { ReferralAction.Close, new() { Successful = true }, "successful" },
        { ReferralAction.Close, new() { ReasonNotSuccessful = "other" }, "reasonNotSuccessful" },
        { ReferralAction.Acknowledge, new() { Note = new string('n', 2001) }, "note" },
        { ReferralAction.Acknowledge, new() { Note = "bell\u0007" }, "note" },
    };

    [Theory]
    [MemberData(nameof(InvalidActions))]
    public void An_invalid_action_body_is_reported_at_the_field(ReferralAction action, ReferralActionInput input, string field)
    {
        Assert.Contains(field, ReferralActionValidator.Validate(action, input, Reasons).Failure!.Errors!.Keys);
    }

    [Fact]
    public void A_missing_action_body_is_an_empty_one()
    {
        Assert.True(ReferralActionValidator.Validate(ReferralAction.Acknowledge, null, Reasons).IsSuccess);
        Assert.False(ReferralActionValidator.Validate(ReferralAction.Decline, null, Reasons).IsSuccess);
    }
}
