/**
 * Slack's 3-second rule: every slash command is acknowledged before any of
 * its work runs. The proof does not time anything: every store call waits
 * behind a closed gate, and every command's HTTP answer (the ack) must
 * arrive while the gate is still closed, i.e. while its work cannot have
 * finished. The gate opens only after all acks and at least 3 s, so the
 * work really takes longer than Slack would wait; then every command still
 * answers through its response_url (or opens its modal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gate, type SentCommand, type SlackHarness, startSlackHarness } from './fake-slack/harness.ts';
import type { FakeCall } from './fake-slack/index.ts';

const gate = new Gate();
let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ gate });
});
afterAll(async () => {
  gate.open();
  await h?.close();
});

// why: longer than Slack's 3 s, so the work visibly outlasts the window the ack must meet
const SLOW_WORK_MS = 3_200;

describe('every Slack command acks before its work (slowed store)', () => {
  it('acks all commands while the store is still blocked, then answers each one', async () => {
    const names = h.app.registry.topLevelNames();
    const invocations: { slash: string; text: string }[] = [
      ...names.map((n) => ({ slash: `/${n}`, text: '' })),
      { slash: '/imgbot', text: 'help' },
      { slash: '/observership', text: 'cardiology NY hands-on free' },
      { slash: '/imgbot', text: 'remind when:"in 2 hours" what:"call the program"' },
    ];
    const started = Date.now();
    const sent: SentCommand[] = await Promise.all(invocations.map((i) => h.command(i.slash, i.text)));
    // Every ack came back, with the store still closed: no command waited for its work.
    const held = gate.held;
    expect(sent.map((s) => s.res.status)).toEqual(invocations.map(() => 200));
    expect(h.fake.responsesTo()).toEqual([]);
    expect(held).toBeGreaterThan(0); // the work did start and is stuck behind the gate
    await new Promise((r) => setTimeout(r, Math.max(0, SLOW_WORK_MS - (Date.now() - started))));
    expect(h.fake.responsesTo()).toEqual([]);
    gate.open();

    // Each command then answers: a response_url message, or the modal it asks through.
    const answers: FakeCall[] = await Promise.all(
      sent.map((s) =>
        h.fake.waitForCall(
          (c) =>
            (c.method === 'response_url' && s.responseUrl.endsWith(`/response/${c.responseId}`)) ||
            (c.method === 'views.open' && c.body.trigger_id === s.triggerId),
          20_000,
        ),
      ),
    );
    expect(answers).toHaveLength(invocations.length);
    const opened = answers.filter((a) => a.method === 'views.open').length;
    expect(opened).toBeGreaterThanOrEqual(3); // /post, /suggest, /remind ask through modals
    // A number for the log (not asserted: tests never time things)
    process.stderr.write(
      `slack-ack: ${invocations.length} commands acked; max ack ${Math.round(Math.max(...sent.map((s) => s.res.elapsedMs)))} ms\n`,
    );
  }, 40_000);
});
