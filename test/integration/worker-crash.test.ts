/**
 * A reminder worker killed with SIGKILL in the middle of delivering (a child
 * process, real BullMQ, real Redis), then a fresh worker process started.
 * With a platform that drops repeats of an idempotency key (Discord's
 * enforced nonce), every reminder is shown exactly once: no loss, no
 * duplicate. With a platform that cannot, nothing is shown twice; an
 * occurrence cut off between "sending" and the platform's answer is not
 * resent and is recorded as uncertain (never more than the worker's
 * concurrency).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/core/reminders/reminder.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { TEST_REDIS_URL } from '../helpers/redis.ts';
import { eventually } from './reminder-harness.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = 'test/integration/fixtures/crash-worker.ts';
const N = 60;
const CONCURRENCY = 10;

let app: TestApp | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
      await new Promise((r) => c.once('exit', r));
    }
  }
  await app?.dispose();
  app = undefined;
});

/** Starts a worker process; resolves once it is consuming the queue. */
async function startWorker(a: TestApp, dedupe: boolean): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: {
      ...process.env,
      REDIS_URL: TEST_REDIS_URL,
      IMGBOT_PREFIX: a.keys.prefix,
      CONCURRENCY: String(CONCURRENCY),
      ARRIVE_MS: '150',
      RESPOND_MS: '150',
      DEDUPE: dedupe ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/** N one-off reminders for ten members, all due in two seconds. */
async function seed(a: TestApp): Promise<Reminder[]> {
  const due = Date.now() + 2_000;
  const out: Reminder[] = [];
  for (let i = 0; i < N; i++) {
    const r: Reminder = {
      id: `rcrash${String(i).padStart(4, '0')}`,
      userId: `shell:member${i % 10}`,
      communityId: 'shell:local',
      kind: 'custom',
      text: `reminder ${i}`,
      status: 'pending',
      dueAt: due,
      fireAt: due,
      createdAt: Date.now(),
    };
    await a.deps.reminders.store.save(r);
    await a.deps.reminders.scheduler.schedule(r.id, r.fireAt);
    out.push(r);
  }
  return out;
}

const list = (a: TestApp, name: string) => a.redis.lrange(`${a.keys.prefix}test:${name}`, 0, -1);

function counts(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Kills the first worker mid-delivery; returns the ledger states at that moment. */
async function crashMidDelivery(a: TestApp, rs: readonly Reminder[], dedupe: boolean): Promise<string[]> {
  const first = await startWorker(a, dedupe);
  await eventually(async () => expect((await list(a, 'shown')).length).toBeGreaterThanOrEqual(15), 30_000);
  await kill(first);
  const states = await Promise.all(rs.map((r) => a.deps.reminders.ledger.state(r.id, r.dueAt)));
  return states.map((s) => s ?? 'none');
}

async function allSettled(a: TestApp, rs: readonly Reminder[]): Promise<void> {
  await eventually(async () => {
    const stored = await a.deps.reminders.store.getMany(rs.map((r) => r.id));
    expect(stored.filter((r) => r?.status !== 'delivered')).toEqual([]);
    expect(await a.reminderScheduler.queue.getJobCounts('wait', 'active', 'delayed')).toEqual({
      wait: 0,
      active: 0,
      delayed: 0,
    });
  }, 40_000);
}

describe('a worker killed with SIGKILL mid-delivery', () => {
  it('GIVEN a platform that drops repeated keys THEN every reminder is shown exactly once after restart', async () => {
    app = createTestApp();
    const rs = await seed(app);
    const atKill = await crashMidDelivery(app, rs, true);
    expect(atKill).toContain('sending'); // it really died while talking to the platform
    expect(atKill).toContain('none'); // ...with work left over

    await startWorker(app, true);
    await allSettled(app, rs);
    const shown = counts(await list(app, 'shown'));
    expect([...shown.keys()].sort()).toEqual(rs.map((r) => `${r.id}-${r.dueAt}`).sort()); // no loss
    expect([...shown.values()].every((n) => n === 1)).toBe(true); // no duplicate
    const states = await Promise.all(rs.map((r) => app!.deps.reminders.ledger.state(r.id, r.dueAt)));
    expect(new Set(states)).toEqual(new Set(['sent']));
    // The ones cut off were asked again, with the same key, and the platform dropped the repeat.
    const calls = counts(await list(app, 'calls'));
    expect([...calls.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(CONCURRENCY);
  }, 90_000);

  it('GIVEN a platform without idempotency THEN nothing is sent twice; cut-off sends are recorded uncertain', async () => {
    app = createTestApp();
    const rs = await seed(app);
    const atKill = await crashMidDelivery(app, rs, false);
    expect(atKill).toContain('sending');

    await startWorker(app, false);
    await allSettled(app, rs);
    const calls = counts(await list(app, 'calls'));
    expect([...calls.values()].every((n) => n === 1)).toBe(true); // no duplicate, ever
    const states = await Promise.all(rs.map((r) => app!.deps.reminders.ledger.state(r.id, r.dueAt)));
    const uncertain = rs.filter((_, i) => states[i] === 'uncertain');
    expect(uncertain.length).toBeLessThanOrEqual(CONCURRENCY);
    expect(uncertain.length).toBe(atKill.filter((s) => s === 'sending').length);
    // Everything not cut off mid-send was delivered (killed before sending: sent by the new worker).
    expect(states.filter((s) => s !== 'sent' && s !== 'uncertain')).toEqual([]);
    for (const r of rs) {
      if (!uncertain.includes(r)) expect(calls.get(`${r.id}-${r.dueAt}`)).toBe(1);
    }
  }, 90_000);
});
