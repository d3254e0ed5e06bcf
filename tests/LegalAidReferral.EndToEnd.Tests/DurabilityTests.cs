using System.Collections.Concurrent;
using System.Net;

namespace LegalAidReferral.EndToEnd.Tests;

public class DurabilityTests
{
    private const int Kills = 10;
    private const int Writers = 24;
    private const int AcknowledgedPerRound = 24;

    [Fact]
    public async Task Case_acknowledged_with_201_is_there_after_the_process_is_killed_and_restarted()
    {
        using var data = new TempFolder();
        string location;
        await using (var host = await StandaloneProcess.StartAsync(data.Path))
        {
            var defender = await ApiSession.SignInAsync(host.CreateClient(), Samples.GuatemalaDefender);
            var created = await defender.SendAsync(HttpMethod.Post, "/api/cases", Samples.Intake("Durable Ficticio"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            location = created.Headers.Location!.ToString();
            await host.KillAsync();
        }

        await using var restarted = await StandaloneProcess.StartAsync(data.Path);
        var again = await ApiSession.SignInAsync(restarted.CreateClient(), Samples.GuatemalaDefender);
        var read = await again.SendAsync(HttpMethod.Get, location);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Durable Ficticio", (await ApiSession.ReadObjectAsync(read))["client"]!["fullName"]!.GetValue<string>());
    }

    /// <summary>
    /// Kills the host again and again while intakes are in flight. After each restart, every request of the
    /// killed host is retried with its Idempotency-Key: an acknowledged one must replay its own case, and one
    /// that had no answer must be created now or replay the case the killed host stored. Every case acknowledged
    /// so far, first time or replayed, must have its creation entry.
    /// </summary>
    [Fact]
    public async Task Every_acknowledged_or_replayed_case_has_its_creation_entry_after_kills_under_load()
    {
        using var data = new TempFolder();
        var unanswered = new List<(string Key, string Body)>();
        var answered = new List<Sent>();
        var acknowledged = new List<string>();
        var replays = 0;
        for (var round = 0; ; round++)
        {
            await using var host = await StandaloneProcess.StartAsync(data.Path);
            var defender = await ApiSession.SignInAsync(host.CreateClient(), Samples.GuatemalaDefender);
            foreach (var sent in answered)
            {
                var retried = await PostAsync(defender, sent.Key, sent.Body);
                Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
                Assert.True(retried.Headers.Contains("Idempotent-Replayed"), $"The retry of an acknowledged intake was not a replay: {sent.Location}");
                Assert.Equal(sent.Location, retried.Headers.Location!.ToString());
                replays++;
            }

            foreach (var (key, body) in unanswered)
            {
                var retried = await PostAsync(defender, key, body);
                Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
                acknowledged.Add(retried.Headers.Location!.ToString());
            }

            await AssertEachHasItsCreationEntryAsync(defender, acknowledged);
            if (round == Kills)
            {
                break;
            }

            (answered, unanswered) = await LoadUntilKilledAsync(host, defender, round);
            acknowledged = answered.Select(a => a.Location).ToList();
        }

        // Each kill's acknowledged intakes were retried once more: the replay path ran after every restart.
        Assert.True(replays >= Kills * AcknowledgedPerRound, $"Only {replays} retries were replays.");
    }

    private sealed record Sent(string Key, string Body, string Location);

    private static async Task<(List<Sent> Answered, List<(string Key, string Body)> Unanswered)> LoadUntilKilledAsync(
        StandaloneProcess host, ApiSession defender, int round)
    {
        var answered = new ConcurrentBag<Sent>();
        var inFlight = new ConcurrentDictionary<string, string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = 0;

        async Task WriteAsync()
        {
            while (!enough.Task.IsCompleted)
            {
                var key = Guid.NewGuid().ToString("N");
                var body = Samples.Intake($"Durable Ficticio R{round}N{Interlocked.Increment(ref sent)}").ToJsonString();
                inFlight[key] = body;
                HttpResponseMessage response;
                try
                {
                    response = await PostAsync(defender, key, body);
                }
                catch (HttpRequestException)
                {
                    return;
                }

                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                inFlight.TryRemove(key, out _);
                answered.Add(new Sent(key, body, response.Headers.Location!.ToString()));
                if (answered.Count >= AcknowledgedPerRound)
                {
                    enough.TrySetResult();
                }
            }
        }

        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync)).ToArray();
        await enough.Task;
        await host.KillAsync();
        await Task.WhenAll(writers);
        return (answered.ToList(), inFlight.Select(p => (p.Key, p.Value)).ToList());
    }

    private static Task<HttpResponseMessage> PostAsync(ApiSession session, string key, string body) =>
        session.SendAsync(HttpMethod.Post, "/api/cases", body, new Dictionary<string, string> { ["Idempotency-Key"] = key });

    private static async Task AssertEachHasItsCreationEntryAsync(ApiSession session, IEnumerable<string> locations)
    {
        foreach (var location in locations)
        {
            var history = await ApiSession.ReadObjectAsync(await session.SendAsync(HttpMethod.Get, $"{location}/history?limit=100"));
            Assert.Contains("case-created", history["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()));
        }
    }
}
