/**
 * No single request stops the process: a real `imgbot start` with Slack (HTTP
 * mode, against the fake Slack) receives validly signed bodies of every JSON
 * type and of many malformed shapes on every endpoint, and afterwards is still
 * running, still healthy and still answers a real slash command.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/private-redis-server.ts';
import { cleanupPrefix, TEST_REDIS_URL, testPrefix, testRedis } from '../helpers/redis.ts';
import { type RoleProcess, startRole } from '../helpers/role-process.ts';
import {
  FAKE_BOT_TOKEN,
  FAKE_SIGNING_SECRET,
  FakeSlack,
  FORM,
  JSON_TYPE,
  postToBolt,
  RESPONSE_URL_METHOD,
  slashCommandBody,
} from './fake-slack/index.ts';

/** One value of every JSON type, and a few shapes of each. */
const VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1.5,
  1e308,
  '',
  'x',
  [],
  [null],
  [{}],
  {},
  { a: null },
];
const TYPES = [
  'url_verification',
  'event_callback',
  'block_actions',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'block_suggestion',
  'app_rate_limited',
];
const FIELDS = ['event', 'user', 'team', 'actions', 'view', 'message', 'challenge'];

interface Sample {
  readonly rawBody: string;
  readonly contentType: string;
}

function samples(): Sample[] {
  const out: Sample[] = [];
  const json = (v: unknown) => out.push({ rawBody: JSON.stringify(v) ?? 'null', contentType: JSON_TYPE });
  const payload = (v: unknown) =>
    out.push({ rawBody: new URLSearchParams({ payload: JSON.stringify(v) }).toString(), contentType: FORM });
  for (const v of VALUES) {
    json(v);
    payload(v);
    out.push({ rawBody: new URLSearchParams({ ssl_check: String(v) }).toString(), contentType: FORM });
  }
  for (const type of [...TYPES, ...VALUES]) {
    json({ type });
    payload({ type });
  }
  for (const type of TYPES) {
    for (const field of FIELDS) {
      for (const v of [null, 0, 'x', [], {}]) {
        json({ type, [field]: v });
        payload({ type, [field]: v });
      }
    }
  }
  // Slash-command forms with fields missing or odd.
  for (const text of ['', 'help', '\u0000', 'x'.repeat(5000)]) {
    out.push({ rawBody: new URLSearchParams({ command: '/imgbot', text }).toString(), contentType: FORM });
  }
  out.push({ rawBody: 'command=%2Fimgbot&command=%2Fhelp', contentType: FORM });
  out.push({ rawBody: 'payload=%7B', contentType: FORM }); // unparsable JSON inside the form
  out.push({ rawBody: '{"type":', contentType: JSON_TYPE }); // unparsable JSON
  out.push({ rawBody: '', contentType: JSON_TYPE });
  out.push({ rawBody: 'null', contentType: 'text/plain' });
  return out;
}

let role: RoleProcess | undefined;
let fake: FakeSlack | undefined;
let prefix: string | undefined;
afterEach(async () => {
  await role?.stop('SIGKILL');
  role = undefined;
  await fake?.close();
  fake = undefined;
  if (prefix) {
    const redis = testRedis();
    await cleanupPrefix(redis, prefix);
    await redis.quit();
  }
  prefix = undefined;
});

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

describe('a Slack receiver fed every JSON type and shape', () => {
  it('GIVEN signed bodies of every shape THEN none stops the process and it still answers commands', async () => {
    fake = await FakeSlack.start();
    prefix = testPrefix();
    const port = await freePort();
    role = startRole(['start'], {
      REDIS_URL: TEST_REDIS_URL,
      IMGBOT_PREFIX: prefix,
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHealthz(base, role);

    const all = samples();
    const statuses = new Map<number, number>();
    // Every shape to the events endpoint; the basic JSON types to every other path.
    const others = ['/slack/install', '/slack/oauth_redirect', '/healthz', '/nowhere'];
    const requests = [
      ...all.map((s) => ({ path: '/slack/events', s })),
      ...others.flatMap((p) => all.slice(0, VALUES.length * 3).map((s) => ({ path: p, s }))),
    ];
    await inBatches(requests, 150, async ({ path, s }) => {
      const res = await postToBolt(`${base}${path}`, s.rawBody, {
        secret: FAKE_SIGNING_SECRET,
        contentType: s.contentType,
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    });

    expect(role.child.exitCode).toBeNull();
    expect(role.child.signalCode).toBeNull();
    expect(requests.length).toBeGreaterThan(700);
    // Every request got an HTTP answer (Bolt answers 500 to a payload its listeners cannot route).
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(requests.length);
    // A body that is not a JSON object is refused before Bolt sees it.
    const nullBody = await postToBolt(`${base}/slack/events`, 'null', { secret: FAKE_SIGNING_SECRET });
    expect(nullBody.status).toBe(400);

    // Still healthy, and a real member's command still gets its answer.
    await waitForHealthz(base, role);
    const responseUrl = fake.newResponseUrl();
    const command = slashCommandBody({ command: '/imgbot', text: 'help', response_url: responseUrl });
    const ack = await postToBolt(`${base}/slack/events`, command, { secret: FAKE_SIGNING_SECRET });
    expect(ack.status).toBe(200);
    await fake.waitForCall(
      (c) => c.method === RESPONSE_URL_METHOD && responseUrl.endsWith(`/${c.responseId}`),
      15_000,
    );
    expect(role.stderr()).not.toContain('caught; still serving');
  }, 240_000);
});

async function waitForHealthz(base: string, r: RoleProcess): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    if (r.child.exitCode !== null) throw new Error(`imgbot exited:\n${r.stderr().slice(-3000)}`);
    const ok = await fetch(`${base}/healthz`)
      .then((res) => res.status === 200)
      .catch(() => false);
    if (ok) return;
    if (Date.now() > until) throw new Error(`no /healthz:\n${r.stderr().slice(-3000)}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}
