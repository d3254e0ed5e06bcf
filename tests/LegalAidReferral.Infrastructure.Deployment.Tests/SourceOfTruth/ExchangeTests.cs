using System.Reflection;
using System.Text.Json.Nodes;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;
using LegalAidReferral.Infrastructure.Exchange;
using LegalAidReferral.Infrastructure.Seed;

namespace LegalAidReferral.Infrastructure.Deployment.Tests.SourceOfTruth;

/// <summary>The hub's topics, subscriptions and filters are the ones the code publishes to and drains (docs/exchange.md).</summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class ExchangeTests(CompiledInfrastructure infra)
{
    private const string TopicType = "Microsoft.ServiceBus/namespaces/topics";
    private const string SubscriptionType = "Microsoft.ServiceBus/namespaces/topics/subscriptions";

    [Fact]
    public void The_hub_has_exactly_the_code_s_topics_with_duplicate_detection()
    {
        var code = typeof(Topics).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        Assert.All(HubSnapshots(), hub =>
        {
            Assert.Equal(code, hub.OfType(TopicType).Select(t => Name(t)).Order(StringComparer.Ordinal));
            Assert.All(hub.OfType(TopicType), t => Assert.Equal("true", Json.At(t, "properties.requiresDuplicateDetection")));
        });
    }

    [Fact]
    public void Each_office_of_the_hub_has_a_referrals_subscription_named_after_it_that_receives_only_its_messages()
    {
        Assert.All(HubFiles(), file =>
        {
            var hub = infra.Snapshot(file);
            var offices = infra.Parameters(file)["countries"]!["value"]!.AsArray().SelectMany(c => c!["offices"]!.AsArray().Select(o => (string)o!)).Order(StringComparer.Ordinal);
            var subscriptions = OnTopic(hub, Topics.Referrals).ToArray();
            Assert.Equal(offices, subscriptions.Select(s => Name(s)).Order(StringComparer.Ordinal));
            Assert.All(subscriptions, subscription =>
            {
                // The only rule is $Default, replaced: the catch-all filter every new subscription gets is gone.
                var rule = Assert.Single(hub.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions/rules"), r => ((string)r["id"]!).StartsWith($"{subscription["id"]}/rules/", StringComparison.Ordinal));
                Assert.Equal("$Default", Name(rule));
                Assert.Equal("\"CorrelationFilter\"", Json.At(rule, "properties.filterType"));
                Assert.Equal($$"""{"{{ServiceBusContract.ToOfficeId}}":"{{Name(subscription)}}"}""", Json.At(rule, "properties.correlationFilter.properties"));
            });
        });
    }

    [Fact]
    public void Each_office_of_the_hub_has_a_protocol_settings_subscription_named_after_it_that_receives_every_office_s_settings()
    {
        Assert.All(HubFiles(), file =>
        {
            var hub = infra.Snapshot(file);
            var offices = infra.Parameters(file)["countries"]!["value"]!.AsArray().SelectMany(c => c!["offices"]!.AsArray().Select(o => (string)o!)).Order(StringComparer.Ordinal);
            var subscriptions = OnTopic(hub, Topics.ProtocolSettings).ToArray();
            Assert.Equal(offices, subscriptions.Select(s => Name(s)).Order(StringComparer.Ordinal));
            // No rule replaced: the default rule a new subscription gets lets every message through.
            Assert.DoesNotContain(hub.OfType("Microsoft.ServiceBus/namespaces/topics/subscriptions/rules"), r => ((string)r["name"]!).Split('/')[1] == Topics.ProtocolSettings);
        });
    }

    [Fact]
    public void The_protocol_events_topic_has_the_regional_review_s_subscription_only()
    {
        Assert.All(HubSnapshots(), hub => Assert.Equal([ServiceBusContract.ReviewSubscription], OnTopic(hub, Topics.ProtocolEvents).Select(s => Name(s))));
    }

    [Fact]
    public void One_deployment_serving_no_office_drains_the_review_s_subscription_and_country_deployments_drain_none()
    {
        var draining = infra.ParameterFiles.Where(CompiledInfrastructure.IsCountry)
            .Select(file => (File: file, Subscription: infra.Snapshot(file).AppSettings["Exchange__ServiceBus__ReviewSubscription"], Offices: infra.Parameters(file)["offices"]!["value"]!.AsArray().Count))
            .Where(d => d.Subscription.Length > 0)
            .ToArray();

        var review = Assert.Single(draining);
        Assert.Equal(ServiceBusContract.ReviewSubscription, review.Subscription);
        Assert.Equal(0, review.Offices);
    }

    [Fact]
    public void Subscriptions_dead_letter_expired_messages_and_filter_errors_after_the_drain_s_delivery_limit()
    {
        ResourceRules.AssertAll(infra,
        [
            (SubscriptionType, "properties.deadLetteringOnMessageExpiration", "true"),
            (SubscriptionType, "properties.deadLetteringOnFilterEvaluationExceptions", "true"),
            (SubscriptionType, "properties.maxDeliveryCount", ServiceBusDrain.MaxDeliveryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
    }

    [Fact]
    public void Every_office_of_the_directory_has_its_subscription_and_every_country_deployment_serves_offices_of_the_hub()
    {
        var hubOffices = HubSnapshots().SelectMany(h => OnTopic(h, Topics.Referrals)).Select(s => Name(s)).ToHashSet();
        Assert.Subset(hubOffices, SeedOffices.Load().Select(o => o.Id).ToHashSet());
        Assert.All(infra.ParameterFiles.Where(CompiledInfrastructure.IsCountry), file =>
            Assert.Subset(hubOffices, infra.Parameters(file)["offices"]!["value"]!.AsArray().Select(o => (string)o!).ToHashSet()));
    }

    private IEnumerable<string> HubFiles() => infra.ParameterFiles.Where(f => !CompiledInfrastructure.IsCountry(f));

    private IEnumerable<Snapshot> HubSnapshots() => HubFiles().Select(infra.Snapshot);

    private static IEnumerable<JsonObject> OnTopic(Snapshot hub, string topic) =>
        hub.OfType(SubscriptionType).Where(s => ((string)s["name"]!).Split('/')[1] == topic);

    private static string Name(JsonObject resource) => ((string)resource["name"]!).Split('/')[^1];
}
