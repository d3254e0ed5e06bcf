// Drives one conversation through the standalone host's Direct Line with the real client from npm
// (botframework-directlinejs, polling, as Web Chat uses it), following a script of answers, and prints
// one JSON line: the captures of the script's "done" pattern in the bot's answer to the last step, the number
// of turns, and the milliseconds from the first answer to the last reply.
//   node converse.mjs <origin> <script.json>
// Exit code 0 when the pattern matched; 1 with the transcript on stderr otherwise.
import { readFileSync } from 'node:fs';
import XMLHttpRequest from 'xhr2';

globalThis.XMLHttpRequest = XMLHttpRequest; // rxjs 5's ajax, which the client uses, needs it in Node
// The client reads the global WebSocket when it is made, even with webSocket: false (Node 20 has none).
globalThis.WebSocket ??= class NoWebSocket {};
const { DirectLine } = await import('botframework-directlinejs');

const [origin, scriptFile] = process.argv.slice(2);
const script = JSON.parse(readFileSync(scriptFile, 'utf8'));
const turnTimeoutMs = 15000;

const token = await (await fetch(`${origin}/v3/directline/tokens/generate`, { method: 'POST' })).json();
const directLine = new DirectLine({
  domain: `${origin}/v3/directline`,
  token: token.token,
  webSocket: false,
  // Direct Line's clients poll; the time of a conversation on loopback is mostly this interval per turn.
  pollingInterval: Number(process.env.POLLING_INTERVAL_MS ?? 200),
  conversationStartProperties: { locale: script.locale },
});

const transcript = [];
const botMessages = [];
let waiting = null;
directLine.activity$.subscribe(activity => {
  transcript.push(`${activity.from.role === 'bot' ? 'bot' : 'user'}: ${activity.text ?? ''}`);
  if (activity.from.role === 'bot' && activity.type === 'message') {
    botMessages.push(activity);
    waiting?.(activity);
  }
});

// The bot's replies to one turn arrive together; the first one (with replyToId = the posted activity's id) ends the wait.
function nextReply(replyToId) {
  const already = botMessages.find(m => replyToId === undefined || m.replyToId === replyToId);
  if (already) {
    return Promise.resolve();
  }

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply within ${turnTimeoutMs} ms`)), turnTimeoutMs);
    waiting = activity => {
      if (replyToId === undefined || activity.replyToId === replyToId) {
        clearTimeout(timer);
        waiting = null;
        setTimeout(resolve, 50);
      }
    };
  });
}

function post(text) {
  return new Promise((resolve, reject) =>
    directLine.postActivity({ type: 'message', from: { id: 'ignored', role: 'user' }, text, locale: script.locale })
      .subscribe(resolve, reject));
}

function fail(message) {
  process.stderr.write(`${message}\n${transcript.join('\n')}\n`);
  directLine.end();
  process.exit(1);
}

try {
  await nextReply(undefined);
  const started = performance.now();
  let lastId;
  for (const step of script.steps) {
    const last = botMessages[botMessages.length - 1];
    let text = step.say;
    if (step.choose !== undefined) {
      const actions = last?.suggestedActions?.actions ?? [];
      const action = typeof step.choose === 'number' ? actions[step.choose] : actions.find(a => a.title === step.choose);
      if (!action) {
        fail(`step ${JSON.stringify(step)}: the bot's last message offers ${JSON.stringify(actions.map(a => a.title))}`);
      }

      text = action.value;
    }

    lastId = await post(text);
    await nextReply(lastId);
  }

  const elapsedMs = Math.round(performance.now() - started);
  const answer = botMessages.filter(m => m.replyToId === lastId).map(m => m.text).join('\n');
  const match = new RegExp(script.done, 'u').exec(answer);
  if (!match) {
    fail(`the bot's answer to the last step does not match ${script.done}`);
  }

  process.stdout.write(`${JSON.stringify({ ...match.groups, turns: script.steps.length, elapsedMs })}\n`);
  directLine.end();
  process.exit(0);
} catch (error) {
  fail(error.message);
}
