using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LegalAidReferral.EndToEnd.Tests.Chat;

/// <summary>
/// A person chatting with the bot on the host's local Direct Line, turn by turn: each turn taps one of
/// the bot's suggested actions (by title or position) or types text, and reads the bot's answer, which
/// the host has written before it answers the post. Follows the scripts of <c>chat-clients/scripts</c>.
/// </summary>
public sealed class ChatPerson(DirectLineSession session)
{
    private readonly List<JsonNode> _botMessages = [];
    private string? _watermark;

    /// <summary>Everything the bot said so far, in order.</summary>
    public IEnumerable<string> BotTexts => _botMessages.Select(m => (string?)m["text"] ?? string.Empty);

    public static async Task<ChatPerson> StartAsync(HttpClient http, string locale)
    {
        var session = await DirectLineSession.GenerateAsync(http);
        (await session.StartAsync(locale)).Dispose();
        var person = new ChatPerson(session);
        await person.ReadAsync();
        return person;
    }

    /// <summary>Answers each step of a script of <c>chat-clients/scripts</c> and returns the captures of its <c>done</c> pattern in the last answer.</summary>
    public async Task<Match> FollowAsync(string scriptName)
    {
        var script = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ChatClients.Folder, "scripts", scriptName)))!;
        var answer = string.Empty;
        foreach (var step in script["steps"]!.AsArray())
        {
            answer = step!["say"] is { } say ? await SayAsync((string)say!) : await ChooseAsync(step["choose"]!);
        }

        var done = Regex.Match(answer, (string)script["done"]!);
        Assert.True(done.Success, $"The bot's last answer does not match the script's end:\n{string.Join('\n', BotTexts)}");
        return done;
    }

    /// <summary>Taps the suggested action of the bot's last message whose title is <paramref name="choice"/> (or at that position).</summary>
    public Task<string> ChooseAsync(JsonNode choice)
    {
        var actions = _botMessages.Last()["suggestedActions"]?["actions"]?.AsArray() ?? [];
        var action = choice.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? actions[(int)choice]
            : actions.FirstOrDefault(a => (string?)a!["title"] == (string?)choice);
        Assert.True(action is not null, $"The bot offers no '{choice}': {string.Join(", ", actions.Select(a => (string?)a!["title"]))}");
        return SayAsync((string)action["value"]!);
    }

    /// <summary>Types <paramref name="text"/> and returns what the bot answered to it (nothing while staff hold the conversation).</summary>
    public async Task<string> SayAsync(string text)
    {
        using var posted = await session.PostTextAsync(text);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (string)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var read = await ReadAsync();
        return string.Join('\n', read.Where(m => (string?)m["replyToId"] == id).Select(m => (string?)m["text"]));
    }

    /// <summary>The bot's messages that arrived since the last read (a staff reply or notice included).</summary>
    public async Task<IReadOnlyList<JsonNode>> ReadAsync()
    {
        var (activities, watermark) = await session.ActivitiesAsync(_watermark);
        _watermark = watermark;
        var fromBot = activities.Select(a => a!).Where(a => (string?)a["from"]!["role"] == "bot" && (string?)a["type"] == "message").ToList();
        _botMessages.AddRange(fromBot);
        return fromBot;
    }
}
