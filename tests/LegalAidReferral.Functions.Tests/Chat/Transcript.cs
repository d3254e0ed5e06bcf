using System.Text.RegularExpressions;
using LegalAidReferral.Core.Chat;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>
/// Runs a transcript file (Chat/Transcripts/*.txt) against the engine. Lines:
/// <c>&gt; text</c> a turn of the person ({reference} and {code} are replaced by what the bot gave);
/// <c>&lt; text</c> the next reply of the bot to that turn contains text ({reference} and {code} capture);
/// <c>&lt; (silent)</c> the bot said nothing; <c>&lt;&lt; text</c> a message sent through the channel
/// without being asked; <c>@ wait 31m</c>, <c>@ conversation name</c>, <c>@ long n</c> (a turn of n
/// characters), <c>@ flood n text</c>, <c>@ staff text</c>, <c>@ close</c>, <c>@ referral step</c> (see <see cref="TranscriptReferrals"/>),
/// <c>@ include file</c>; <c>&lt;&lt; (nothing)</c> nothing more was sent through the channel; <c>#</c> a comment.
/// The replies to each turn must be exactly the expected ones, in order.
/// </summary>
public sealed partial class Transcript(ChatScenario scenario)
{
    private readonly Dictionary<string, string> captured = new(StringComparer.Ordinal);
    private readonly TranscriptReferrals referrals = new(scenario);
    private ChatAddress conversation = new("test", "first", "person");
    private List<ChatReply> replies = [];
    private int expectedReply;
    private int channelSeen;
    private string at = string.Empty;

    public IReadOnlyDictionary<string, string> Captured => captured;

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Chat", "Transcripts", name);

    public async Task RunAsync(string name)
    {
        await RunLinesAsync(name);
        CheckAllSeen();
    }

    private async Task RunLinesAsync(string name)
    {
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(PathOf(name)))
        {
            number++;
            at = $"{name}:{number}";
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("<<", StringComparison.Ordinal))
            {
                var sent = scenario.Channel.Sent.ToArray();
                if (line[2..].Trim() == "(nothing)")
                {
                    Assert.True(sent.Length == channelSeen, $"{at}: '{sent[^1].Reply.Text}' was sent through the channel.");
                    continue;
                }

                Assert.True(sent.Length > channelSeen, $"{at}: nothing was sent through the channel.");
                Expect(sent[channelSeen++].Reply, line[2..].Trim());
            }
            else if (line.StartsWith('<'))
            {
                var expected = line[1..].Trim();
                if (expected == "(silent)")
                {
                    Assert.True(replies.Count == 0, $"{at}: expected silence, got '{string.Join(" | ", replies.Select(r => r.Text))}'.");
                    continue;
                }

                Assert.True(expectedReply < replies.Count, $"{at}: expected '{expected}', got no more replies.");
                Expect(replies[expectedReply++], expected);
            }
            else if (line.StartsWith('>'))
            {
                await SayAsync(Fill(line[1..].TrimStart()));
            }
            else if (line.StartsWith("@ include ", StringComparison.Ordinal))
            {
                await RunLinesAsync(line["@ include ".Length..].Trim());
            }
            else if (line.StartsWith('@'))
            {
                await CommandAsync(line[1..].Trim().Split(' ', 2));
            }
            else
            {
                Assert.Fail($"{at}: a line must start with >, <, <<, @ or #.");
            }
        }
    }

    private async Task CommandAsync(string[] command)
    {
        var argument = command.Length > 1 ? command[1] : string.Empty;
        switch (command[0])
        {
            case "wait":
                scenario.Clock.Advance(TimeSpan.FromMinutes(int.Parse(argument.TrimEnd('m'), System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case "conversation":
                CheckAllSeen();
                conversation = new ChatAddress("test", argument, "person");
                replies = [];
                break;
            case "long":
                await SayAsync(new string('a', int.Parse(argument, System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case "flood":
                var parts = argument.Split(' ', 2);
                for (var i = 0; i < int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture); i++)
                {
                    // Only the replies to the last turn of a flood are checked.
                    expectedReply = replies.Count;
                    await SayAsync(parts[1]);
                }

                break;
            case "staff":
                var link = await scenario.LinkAsync(captured["reference"]);
                var posted = await scenario.StaffActions.PostAsync(link.CaseId, argument, null, "hash", ChatScenario.Staff(link.OfficeId), default);
                Assert.True(posted.IsSuccess, $"{at}: {posted.Failure?.Detail}");
                break;
            case "close":
                var bound = await scenario.LinkAsync(captured["reference"]);
                var closed = await scenario.StaffActions.CloseHandOffAsync(bound.CaseId, ChatScenario.Staff(bound.OfficeId), default);
                Assert.True(closed.IsSuccess, $"{at}: {closed.Failure?.Detail}");
                break;
            case "referral":
                await referrals.StepAsync(argument, captured["reference"]);
                break;
            default:
                Assert.Fail($"{at}: unknown command '{command[0]}'.");
                break;
        }
    }

    private async Task SayAsync(string text)
    {
        CheckAllSeen();
        replies = [.. await scenario.Engine.HandleAsync(new ChatTurn(conversation, text, null, [], null), default)];
        expectedReply = 0;
    }

    private void CheckAllSeen() =>
        Assert.True(
            expectedReply >= replies.Count,
            $"{at}: the bot said more than expected: '{string.Join(" | ", replies.Skip(expectedReply).Select(r => r.Text))}'.");

    private void Expect(ChatReply reply, string expected)
    {
        var pattern = Regex.Escape(expected)
            .Replace(@"\{reference}", @"(?<reference>[A-Z]{2}-[0-9]{4}-[0-9]{6})", StringComparison.Ordinal)
            .Replace(@"\{code}", @"(?<code>[A-Z0-9]{4}-[A-Z0-9]{4})", StringComparison.Ordinal);
        var match = Regex.Match(reply.Text, pattern);
        Assert.True(match.Success, $"{at}: expected '{expected}', got '{reply.Text}'.");
        foreach (var name in new[] { "reference", "code" }.Where(n => match.Groups[n].Success))
        {
            captured[name] = match.Groups[name].Value;
        }
    }

    private string Fill(string text) => Placeholder().Replace(text, m => captured.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\{(reference|code)\}")]
    private static partial Regex Placeholder();
}
