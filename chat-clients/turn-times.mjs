// Times each turn of one conversation through the standalone host's Direct Line without a client's polling:
// every answer is posted (the host runs the bot's turn before it answers the POST), then the replies are read
// once. Prints one JSON line: the milliseconds of each POST (HTTP on loopback and the bot's turn), their
// median, 95th percentile and maximum, and their sum (the intake without any waiting of the client).
//   node turn-times.mjs <origin> <script.json>
// Exit code 0 when the script's "done" pattern matched the bot's answer to the last step; 1 otherwise.
import { readFileSync } from 'node:fs';

const [origin, scriptFile] = process.argv.slice(2);
const script = JSON.parse(readFileSync(scriptFile, 'utf8'));
const base = `${origin}/v3/directline`;

const grant = await (await fetch(`${base}/tokens/generate`, { method: 'POST' })).json();
const headers = { Authorization: `Bearer ${grant.token}`, 'Content-Type': 'application/json' };
const started = await (await fetch(`${base}/conversations`, { method: 'POST', headers, body: JSON.stringify({ locale: script.locale }) })).json();
const activitiesUrl = `${base}/conversations/${started.conversationId}/activities`;

let watermark = '';
let replies = [];
async function readReplies() {
  const set = await (await fetch(`${activitiesUrl}?watermark=${watermark}`, { headers })).json();
  watermark = set.watermark;
  replies = set.activities.filter(a => a.from.role === 'bot' && a.type === 'message');
}

await readReplies();
const times = [];
for (const step of script.steps) {
  let text = step.say;
  if (step.choose !== undefined) {
    const actions = replies.at(-1)?.suggestedActions?.actions ?? [];
    const action = typeof step.choose === 'number' ? actions[step.choose] : actions.find(a => a.title === step.choose);
    if (!action) {
      process.stderr.write(`step ${JSON.stringify(step)}: the bot's last message offers ${JSON.stringify(actions.map(a => a.title))}\n`);
      process.exit(1);
    }

    text = action.value;
  }

  const before = performance.now();
  const response = await fetch(activitiesUrl, { method: 'POST', headers, body: JSON.stringify({ type: 'message', from: { id: 'ignored' }, text, locale: script.locale }) });
  await response.arrayBuffer();
  times.push(performance.now() - before);
  if (!response.ok) {
    process.stderr.write(`step ${JSON.stringify(step)}: ${response.status}\n`);
    process.exit(1);
  }

  await readReplies();
}

const answer = replies.map(r => r.text).join('\n');
if (!new RegExp(script.done, 'u').test(answer)) {
  process.stderr.write(`the bot's answer to the last step does not match ${script.done}: ${answer}\n`);
  process.exit(1);
}

const sorted = [...times].sort((a, b) => a - b);
const at = q => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const round = ms => Math.round(ms * 10) / 10;
process.stdout.write(`${JSON.stringify({
  turns: times.length,
  medianMs: round(at(0.5)),
  p95Ms: round(at(0.95)),
  maxMs: round(sorted.at(-1)),
  sumMs: round(times.reduce((sum, t) => sum + t, 0)),
  turnMs: times.map(round),
})}\n`);
