using System.Text;
using System.Text.Json;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Tests.Cases;
using static LegalAidReferral.Core.Tests.Referrals.ReferralLifecycleTests;
using static LegalAidReferral.Core.Tests.Referrals.ReferralSamples;

namespace LegalAidReferral.Core.Tests.Referrals;

public class ProtocolEventTests
{
    private static readonly Pseudonyms Keys = new(Encoding.ASCII.GetBytes("a deployment secret of 32 bytes!"));

    // Known personal values, seeded into the case, the request and every step.
    private static readonly string[] Personal =
    [
        "Xiomara Quetzal Ixcot", "La Xio", "1987-06-23", "1987", "PX-99887766", "+50255599887", "xio.chat", "Aldea Fictiva",
        "Rodrigo Inventado Mora", "Secret vulnerability note", "Secret issue description", "Secret referral reason",
        "Secret override reason", "Secret step note", "Secret decline reason", "Secret revoke reason", "Secret other kind",
    ];

    [Fact]
    public void No_event_of_any_step_carries_a_name_a_birth_date_a_document_number_or_free_text()
    {
        var events = EveryStepEvent();

        Assert.Equal(9, events.Count);
        foreach (var json in events.Select(e => JsonSerializer.Serialize(e, WireJson.Options)))
        {
            foreach (var value in Personal)
            {
                Assert.DoesNotContain(value, json, StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotContain(ReferralId.ToString(), json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(SendStepId.ToString(), json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void An_event_carries_the_step_the_corridor_the_deadline_and_coarse_categories()
    {
        var sent = Sent(SeededCase(), SeededRequest(), by: SendingSupervisor);
        var acknowledged = ReceivingCopy(sent).Take(ReferralAction.Acknowledge, ReceivingDefender, Utc("2026-12-04T06:00"), new("Secret step note", null, null, null));

        var e = ProtocolEvent.Of(acknowledged.Referral, acknowledged.Step, Keys);

        Assert.Equal(Keys.Event(acknowledged.Step.Id), e.EventId);
        Assert.NotEqual(acknowledged.Step.Id, e.EventId);
        Assert.Equal(Keys.Referral(ReferralId), e.ReferralPseudonym);
        Assert.Equal(22, e.ReferralPseudonym.Length);
        Assert.Equal((ReferralKind.Other, Priority.Normal, Guatemala, Tapachula, "GT-MX"), (e.Kind, e.Priority, e.FromOfficeId, e.ToOfficeId, e.Corridor));
        Assert.Equal((ReferralAction.Acknowledge, ReferralStatus.Acknowledged), (e.Step, e.Status));
        Assert.Equal((Utc("2026-12-04T06:00"), (DateTimeOffset?)Utc("2026-12-04T06:00"), (bool?)false), (e.OccurredAt, e.DueAt, e.WithinDeadline));
        Assert.True(e.ConsentOverridden);
        Assert.Equal((GenderCategory.Other, AgeBand.Adult), (e.Gender, e.AgeBand));
        Assert.Equal([Vulnerability.Indigenous, Vulnerability.Detained], e.VulnerableGroups);
        Assert.Equal(1, ProtocolEvent.SchemaVersion);
    }

    [Fact]
    public void An_event_carries_the_deadline_it_met_with_its_start_the_deadlines_it_started_and_reason_codes_only()
    {
        var events = EveryStepEvent();
        var (sent, acknowledged, accepted, outcome, withdrawn) = (events[0], events[1], events[2], events[5], events[8]);

        Assert.Equal([DeadlineKind.Acknowledge, DeadlineKind.Decide], sent.Starts.Select(d => d.Kind));
        Assert.Null(sent.Meets);
        Assert.Equal((DeadlineKind.Acknowledge, (DateTimeOffset?)sent.OccurredAt), (acknowledged.Meets!.Value, acknowledged.DeadlineStartedAt));
        Assert.Equal([DeadlineKind.FirstContact, DeadlineKind.OutcomeReport], accepted.Starts.Select(d => d.Kind));
        Assert.Equal((DeadlineKind.OutcomeReport, (DateTimeOffset?)accepted.OccurredAt), (outcome.Meets!.Value, outcome.DeadlineStartedAt));
        Assert.Equal((false, "other"), (outcome.Successful!.Value, outcome.ReasonCode));
        Assert.Equal(ReferralStep.ConsentWithdrawnReason, withdrawn.ReasonCode);
        Assert.Equal("client-unreachable", events.Single(e => e.Step == ReferralAction.Decline).ReasonCode);
        Assert.Null(events.Single(e => e.Step == ReferralAction.Revoke && e != withdrawn).ReasonCode);
    }

    [Fact]
    public void Pseudonyms_are_stable_per_key_and_differ_between_keys()
    {
        var other = new Pseudonyms(Encoding.ASCII.GetBytes("another deployment secret, 32 b!"));

        Assert.Equal(Keys.Referral(ReferralId), new Pseudonyms(Encoding.ASCII.GetBytes("a deployment secret of 32 bytes!")).Referral(ReferralId));
        Assert.NotEqual(Keys.Referral(ReferralId), other.Referral(ReferralId));
        Assert.NotEqual(Keys.Referral(ReferralId), Keys.Referral(SendStepId));
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Pseudonyms(new byte[31]));
    }

    private static List<ProtocolEvent> EveryStepEvent()
    {
        var events = new List<ProtocolEvent>();
        var note = new ReferralActionDetails("Secret step note", null, null, null);
        var sent = Sent(SeededCase(), SeededRequest(), by: SendingSupervisor);
        events.Add(ProtocolEvent.Of(sent.Referral, sent.Step, Keys));

        var receiving = ReceivingCopy(sent);
        foreach (var (action, details) in new (ReferralAction, ReferralActionDetails)[]
        {
            (ReferralAction.Acknowledge, note),
            (ReferralAction.Accept, note),
            (ReferralAction.Assign, note with { DefenderId = "mx-defender-7" }),
            (ReferralAction.FirstContact, note),
            (ReferralAction.Outcome, note with { Outcome = new ReferralOutcome(false, "other") }),
        })
        {
            var change = receiving.Take(action, ReceivingSupervisor, Utc("2026-12-02T15:00"), details);
            events.Add(ProtocolEvent.Of(change.Referral, change.Step, Keys));
            receiving = change.Referral;
        }

        var declined = ReceivingCopy(sent).Take(ReferralAction.Acknowledge, ReceivingDefender, Utc("2026-12-02T15:00")).Referral
            .Take(ReferralAction.Decline, ReceivingDefender, Utc("2026-12-02T16:00"), note with { Reason = "Secret decline reason", ReasonCode = DeclineReason.ClientUnreachable });
        events.Add(ProtocolEvent.Of(declined.Referral, declined.Step, Keys));
        var revoked = sent.Referral.Take(ReferralAction.Revoke, SendingSupervisor, Utc("2026-12-02T15:00"), note with { Reason = "Secret revoke reason" });
        events.Add(ProtocolEvent.Of(revoked.Referral, revoked.Step, Keys));
        var withdrawn = sent.Referral.RevokeForWithdrawnConsent(SendingSystem, Guid.NewGuid(), Utc("2026-12-02T15:00")).Value!;
        events.Add(ProtocolEvent.Of(withdrawn.Referral, withdrawn.Step, Keys));
        return events;
    }

    private static Case SeededCase()
    {
        var details = CaseSamples.ValidDetails();
        return CaseWith() with
        {
            Details = details with
            {
                Client = details.Client with
                {
                    FullName = "Xiomara Quetzal Ixcot",
                    Aliases = ["La Xio"],
                    BirthDate = new DateOnly(1987, 6, 23),
                    Gender = "no binarie",
                    Contact = new Contact("+50255599887", "xio.chat"),
                    CurrentLocation = new Location("GT", "Aldea Fictiva"),
                    IdentityDocuments = [new IdentityDocument(IdentityDocumentType.Passport, "PX-99887766", "GT")],
                },
                Vulnerabilities = [Vulnerability.Detained, Vulnerability.Indigenous],
                VulnerabilityNotes = "Secret vulnerability note",
                LegalIssues = [new LegalIssue(LegalIssueType.Other, "Secret issue description")],
                AdverseParties = [new AdverseParty("Rodrigo Inventado Mora", [])],
            },
        };
    }

    private static ReferralRequest SeededRequest() =>
        new(Tapachula, ReferralKind.Other, "Secret other kind", "Secret referral reason", SharedFields.Allowed, [], "Secret override reason");
}
