/**
 * What the reminder integration tests share: a test app on real Redis and real
 * BullMQ (unique key prefix and queue prefix per app), a platform stand-in
 * notifier that records every message, the real worker started through
 * `startServices`, and small helpers to run commands and read the queue.
 */
import type { Job, JobSchedulerJson } from 'bullmq';
import { DateTime } from 'luxon';
import { runAction, runTextCommand } from '../../src/core/commands/dispatch.ts';
import type { Listing, ListingDraft } from '../../src/core/opportunities/listing.ts';
import { makeListing } from '../../src/core/opportunities/listing-record.ts';
import type { Clock } from '../../src/core/ports/clock.port.ts';
import type { DeliveryOutcome, Notifier, SendOptions } from '../../src/core/ports/notifier.port.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { ReminderJobData } from '../../src/jobs/queue-prefix.ts';
import { reminderJobId, reminderSeriesId } from '../../src/jobs/queue-prefix.ts';
import { loadBootConfig } from '../../src/runtime/boot.ts';
import { type Services, startServices } from '../../src/runtime/services.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { TEST_REDIS_URL } from '../helpers/redis.ts';

/** One message a notifier was asked to send. */
export interface Sent {
  readonly to: string;
  readonly message: Reply;
  readonly key?: string;
  readonly at: number;
}

/**
 * A platform stand-in: records every DM and channel post, answers with the
 * scripted outcomes first (then success), and can take a while per send.
 */
export class RecordingNotifier implements Notifier {
  readonly sent: Sent[] = [];
  readonly posted: Sent[] = [];
  readonly attempts: Sent[] = [];
  private script: DeliveryOutcome[] = [];
  private always: DeliveryOutcome | undefined;
  inFlight = 0;
  maxInFlight = 0;
  latencyMs = 0;

  /** The next sends answer these, in order. */
  failNext(...outcomes: DeliveryOutcome[]): void {
    this.script.push(...outcomes);
  }

  /** Every send answers this from now on (undefined: back to success). */
  failAlways(outcome: DeliveryOutcome | undefined): void {
    this.always = outcome;
  }

  async sendDirect(to: string, message: Reply, opts?: SendOptions): Promise<DeliveryOutcome> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
      const entry = { to, message, key: opts?.idempotencyKey, at: Date.now() };
      this.attempts.push(entry);
      const outcome = this.script.shift() ?? this.always ?? { ok: true };
      if (outcome.ok) this.sent.push(entry);
      return outcome;
    } finally {
      this.inFlight--;
    }
  }

  async sendToChannel(address: string, message: Reply): Promise<DeliveryOutcome> {
    this.posted.push({ to: address, message, at: Date.now() });
    return { ok: true };
  }

  /** Messages sent to one member. */
  to(userId: string): Sent[] {
    return this.sent.filter((s) => s.to === userId);
  }
}

/** A DM permanently refused, as Discord answers a member with DMs closed. */
export const DMS_CLOSED: DeliveryOutcome = {
  ok: false,
  permanent: true,
  reason: '50007 cannot send messages to this user',
};
/** A transient failure, as a platform outage looks. */
export const OUTAGE: DeliveryOutcome = { ok: false, permanent: false, reason: '503 service unavailable' };

export interface Harness {
  readonly app: TestApp;
  readonly notifier: RecordingNotifier;
  /** Runs a command line as a member (`shell:<name>`, or a moderator). */
  run(name: string, line: string, opts?: { moderator?: boolean }): Promise<Reply>;
  /** Presses a button as a member. */
  press(name: string, action: string, payload: string): Promise<Reply>;
  /** Starts the real worker (and restart reconciliation) as production does. */
  startWorker(overrides?: Parameters<typeof startServices>[2]): Promise<Services>;
  /** The delayed/waiting job of a one-off occurrence. */
  job(reminderId: string, at: number): Promise<Job<ReminderJobData> | undefined>;
  /** When a job will run: BullMQ's timestamp plus delay. */
  runsAt(job: Job<ReminderJobData> | undefined): number | undefined;
  /** A repeat's job scheduler, if there is one. */
  series(reminderId: string): Promise<JobSchedulerJson<ReminderJobData> | undefined>;
  close(): Promise<void>;
}

/** A published test listing whose deadline is `deadline` (YYYY-MM-DD, New York). */
export function testListing(id: string, deadline: string | null, now: number): Listing {
  const draft: ListingDraft = {
    title: `Internal Medicine Observership ${id}`,
    type: 'observership',
    handsOn: false,
    specialties: ['internal-medicine'],
    institution: 'Riverbend Community Hospital',
    city: 'Albany',
    state: 'NY',
    country: 'US',
    setting: 'community-hospital',
    durationWeeks: { min: 4, max: 4 },
    feeUsd: 0,
    feeCovers: '',
    requirements: { step1: true, step2ck: false, ecfmg: false, other: '' },
    lorPossible: true,
    deadline,
    startDate: null,
    timezone: 'America/New_York',
    contact: 'imgs@riverbend.example.org',
    description: 'Four weeks on the internal medicine wards.',
  };
  return makeListing(draft, {
    id,
    status: 'published',
    source: 'post',
    postedBy: 'shell:mod',
    postedIn: 'shell:local',
    now,
  });
}

/** The local date `days` from `now` in a zone, YYYY-MM-DD. */
export function localDate(now: number, zone: string, days: number): string {
  return DateTime.fromMillis(now, { zone }).plus({ days }).toISODate()!;
}

/** The instant of a local wall-clock time. */
export function localInstant(iso: string, zone: string): number {
  return DateTime.fromISO(iso, { zone }).toMillis();
}

/** The value of a reply field, by name. */
export function field(reply: Reply, name: string): string | undefined {
  return reply.fields.find((f) => f.name === name)?.value;
}

/** Waits until `check` passes (or throws its last error after `timeoutMs`); polls, never a fixed sleep. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A wired test app with a recording notifier on the shell and Discord platforms. */
export function reminderHarness(opts: { clock?: Clock; settings?: Record<string, unknown> } = {}): Harness {
  const app = createTestApp(opts);
  const notifier = new RecordingNotifier();
  app.notifier.register('shell', notifier);
  app.notifier.register('discord', notifier);
  const services: Services[] = [];
  const { queue } = app.reminderScheduler;
  return {
    app,
    notifier,
    run: (name, line, o = {}) => runTextCommand(line, app.as(name, { moderator: o.moderator })),
    press: (name, action, payload) => runAction(action, payload, app.as(name)),
    async startWorker(overrides = {}) {
      const boot = await loadBootConfig({
        REDIS_URL: TEST_REDIS_URL,
        IMGBOT_PREFIX: app.keys.prefix,
        LOG_LEVEL: 'silent',
      });
      const s = await startServices(app, boot, {
        // why: a killed or stuck worker's job comes back within seconds, not the default 30 s
        lockDurationMs: 5_000,
        stalledIntervalMs: 2_000,
        ...overrides,
      });
      services.push(s);
      return s;
    },
    job: async (id, at) => (await queue.getJob(reminderJobId(id, at))) ?? undefined,
    runsAt: (job) => (job ? job.timestamp + job.delay : undefined),
    series: (id) => queue.getJobScheduler(reminderSeriesId(id)),
    async close() {
      for (const s of services) await s.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await app.dispose();
    },
  };
}
