/**
 * Delivery on real BullMQ with the real worker: reminders seconds away arrive
 * once, with their buttons; snooze and done; repeats advance through BullMQ's
 * job scheduler; quiet hours hold a due reminder; transient failures retry with
 * backoff and give up; a permanent failure marks the member undeliverable;
 * the worker's concurrency and rate limit come from settings; and reminders
 * that came due while no worker ran are delivered when one starts, marked late.
 */
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { REMINDER_ACTIONS } from '../../src/core/reminders/reminder-message.ts';
import type { Reply } from '../../src/core/reply.ts';
import {
  DMS_CLOSED,
  eventually,
  type Harness,
  localInstant,
  OUTAGE,
  reminderHarness,
} from './reminder-harness.ts';

const NY = 'America/New_York';
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function harness(delivery: Record<string, number> = {}): Harness {
  h = reminderHarness({
    settings: { delivery: { concurrency: 5, maxPerSecond: 0, attempts: 3, ...delivery } },
  });
  return h;
}

async function remind(hh: Harness, who: string, line: string) {
  const r = await hh.run(who, line);
  if (r.error) throw new Error(r.text);
  const stored = await hh.app.deps.reminders.store.get(r.ids[0] ?? '');
  if (!stored) throw new Error('reminder not stored');
  return stored;
}

/** Waits until BullMQ holds no runnable or running job (delayed ones may remain). */
const settled = (hh: Harness) =>
  eventually(async () =>
    expect(await hh.app.reminderScheduler.queue.getJobCounts('wait', 'active', 'prioritized')).toEqual({
      wait: 0,
      active: 0,
      prioritized: 0,
    }),
  );

const labels = (m: Reply) => m.actions.map((a) => a.label);

describe('a reminder seconds away', () => {
  it('arrives once, not early, with snooze and done buttons; the occurrence is recorded as sent', async () => {
    const hh = harness();
    await hh.startWorker();
    const r = await remind(hh, 'ana', '/remind when:"in 2 seconds" what:"email Dr. Rivera"');
    const [dm] = await eventually(() => {
      const s = hh.notifier.to('shell:ana');
      expect(s).toHaveLength(1);
      return s;
    });
    expect(dm!.at).toBeGreaterThanOrEqual(r.dueAt);
    expect(dm!.message).toMatchObject({ title: 'Reminder', text: 'email Dr. Rivera', ids: [r.id] });
    expect(labels(dm!.message)).toEqual(['Snooze 15 min', 'Snooze 1 hour', 'Tomorrow 09:00', 'Done']);
    expect(dm!.key).toBe(`${r.id}-${r.dueAt}`);
    await eventually(async () =>
      expect((await hh.app.deps.reminders.store.get(r.id))?.status).toBe('delivered'),
    );
    expect(await hh.app.deps.reminders.ledger.state(r.id, r.dueAt)).toBe('sent');
    await settled(hh);
    expect(hh.notifier.sent).toHaveLength(1);
    // Gone from /reminders (it is no longer pending), still there for its buttons.
    expect((await hh.run('ana', '/reminders')).ids).toEqual([]);
  });

  it('snoozes 15 min / 1 hour / tomorrow 09:00 from the DM, and done clears it', async () => {
    const hh = harness();
    await hh.startWorker();
    const r = await remind(hh, 'ana', '/remind when:"in 1 second" what:"send CV"');
    await eventually(() => expect(hh.notifier.to('shell:ana')).toHaveLength(1));
    await eventually(async () =>
      expect((await hh.app.deps.reminders.store.get(r.id))?.status).toBe('delivered'),
    );

    const before = Date.now();
    const s15 = await hh.press('ana', REMINDER_ACTIONS.snooze15, r.id);
    expect(s15.title).toBe('Snoozed');
    const snoozed = await hh.app.deps.reminders.store.get(r.id);
    expect(snoozed?.status).toBe('pending');
    expect(snoozed!.fireAt - before).toBeGreaterThanOrEqual(15 * 60_000);
    expect(snoozed!.fireAt - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(hh.runsAt(await hh.job(r.id, snoozed!.fireAt))).toBe(snoozed?.fireAt);

    await hh.press('ana', REMINDER_ACTIONS.snooze60, r.id);
    const hour = await hh.app.deps.reminders.store.get(r.id);
    expect(hour!.fireAt - snoozed!.fireAt).toBeGreaterThanOrEqual(45 * 60_000);
    expect(await hh.job(r.id, snoozed!.fireAt)).toBeUndefined(); // the 15-minute job moved, not copied

    const tomorrow = await hh.press('ana', REMINDER_ACTIONS.snoozeTomorrow, r.id);
    const nine = DateTime.now().setZone(NY).plus({ days: 1 }).toISODate();
    expect((await hh.app.deps.reminders.store.get(r.id))?.fireAt).toBe(localInstant(`${nine}T09:00`, NY));
    expect(tomorrow.text).toMatch(/09:00 E[SD]T/);

    const done = await hh.press('ana', REMINDER_ACTIONS.done, r.id);
    expect(done.text).toBe('Done: "send CV" is cleared.');
    expect(await hh.app.deps.reminders.store.get(r.id)).toBeUndefined();
    expect(await hh.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 0 });
    // Someone else's button: nothing happens to it.
    expect(await hh.press('bob', REMINDER_ACTIONS.done, r.id)).toMatchObject({ code: 'REMINDER.NOT_FOUND' });
  });
});

describe('a daily repeat on BullMQ’s job scheduler', () => {
  it('delivers once, then its record and the series’ next job are at the same local time tomorrow', async () => {
    const hh = harness();
    await hh.startWorker();
    const r = await remind(hh, 'ana', '/remind when:"in 2 seconds" what:"Anki reviews" repeat:daily');
    expect(await hh.job(r.id, r.fireAt)).toBeUndefined(); // the series makes the jobs
    await eventually(() => expect(hh.notifier.to('shell:ana')).toHaveLength(1));
    const dm = hh.notifier.sent[0]!.message;
    expect(dm.fields.find((f) => f.name === 'Repeats')?.value).toBe(
      `every day at ${DateTime.fromMillis(r.dueAt, { zone: NY }).toFormat('HH:mm')} (stop with /reminder-cancel id:${r.id})`,
    );
    const tomorrow = DateTime.fromMillis(r.dueAt, { zone: NY }).plus({ days: 1 }).toMillis();
    const next = await eventually(async () => {
      const stored = await hh.app.deps.reminders.store.get(r.id);
      expect(stored).toMatchObject({ status: 'pending', dueAt: tomorrow, occurrence: 1 });
      return stored!;
    });
    expect(await hh.series(r.id)).toMatchObject({ next: next.dueAt });
    const [job] = await hh.app.reminderScheduler.queue.getDelayed();
    expect(job?.id).toBe(`repeat:reminder-${r.id}:${tomorrow}`);
    await settled(hh);
    expect(hh.notifier.sent).toHaveLength(1);
    // Done on a repeat leaves the series alone; cancel stops it.
    expect((await hh.press('ana', REMINDER_ACTIONS.done, r.id)).text).toMatch(/repeats; the next one is/);
    await hh.run('ana', `/reminder-cancel id:${r.id}`);
    expect(await hh.series(r.id)).toBeUndefined();
    expect(await hh.app.reminderScheduler.queue.getDelayed()).toEqual([]);
  });
});

describe('quiet hours at delivery time', () => {
  it('GIVEN the member went quiet after setting it THEN the due reminder waits for the window’s end', async () => {
    const hh = harness();
    const r = await remind(hh, 'ana', '/remind when:"in 2 seconds" what:"late-night email"');
    const daily = await remind(hh, 'ana', '/remind when:"in 2 seconds" what:"nightly review" repeat:daily');
    const local = DateTime.fromMillis(r.dueAt, { zone: NY });
    const from = local.minus({ minutes: 10 });
    const to = local.plus({ hours: 2 });
    // Set directly (not via the command, which would move the job): as if set from another process.
    await hh.app.deps.userSettings.updateUser('shell:ana', {
      quietHours: {
        from: { hour: from.hour, minute: from.minute },
        to: { hour: to.hour, minute: to.minute },
      },
    });
    await hh.startWorker();
    const end = to.set({ second: 0, millisecond: 0 }).toMillis();
    await eventually(async () => expect((await hh.app.deps.reminders.store.get(r.id))?.fireAt).toBe(end));
    expect(hh.runsAt(await hh.job(r.id, end))).toBe(end);
    // The repeat's occurrence waits the same way; its series has already queued tomorrow's.
    await eventually(async () =>
      expect(await hh.app.deps.reminders.store.get(daily.id)).toMatchObject({
        dueAt: daily.dueAt,
        fireAt: end,
      }),
    );
    expect(hh.runsAt(await hh.job(daily.id, end))).toBe(end);
    const tomorrow = DateTime.fromMillis(daily.dueAt, { zone: NY }).plus({ days: 1 }).toMillis();
    expect(await hh.series(daily.id)).toMatchObject({ next: tomorrow });
    await settled(hh);
    expect(hh.notifier.sent).toEqual([]);
  });
});

describe('platform failures', () => {
  it('GIVEN two transient failures THEN it retries with growing backoff and delivers once, same key', async () => {
    const hh = harness();
    hh.notifier.failNext(OUTAGE, OUTAGE);
    await hh.startWorker();
    const r = await remind(hh, 'ana', '/remind when:"in 1 second" what:"call ECFMG"');
    await eventually(() => expect(hh.notifier.sent).toHaveLength(1));
    const [a, b, c, ...more] = hh.notifier.attempts;
    expect(more).toEqual([]);
    expect(new Set([a?.key, b?.key, c?.key])).toEqual(new Set([`${r.id}-${r.dueAt}`]));
    // Backoff 1 s then 2 s (±20 % jitter): never sooner.
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(800);
    expect(c!.at - b!.at).toBeGreaterThanOrEqual(1_600);
    await eventually(async () =>
      expect((await hh.app.deps.reminders.store.get(r.id))?.status).toBe('delivered'),
    );
  });

  it('GIVEN a platform that never recovers THEN it gives up after the configured attempts, no loop', async () => {
    const hh = harness({ attempts: 3 });
    hh.notifier.failAlways(OUTAGE);
    await hh.startWorker();
    const r = await remind(hh, 'ana', '/remind when:"in 1 second" what:"doomed"');
    const job = await eventually(async () => {
      const [failed] = await hh.app.reminderScheduler.queue.getFailed();
      expect(failed?.data.r).toBe(r.id);
      return failed!;
    });
    expect(job.failedReason).toBe('gave up after 3 attempts: 503 service unavailable');
    expect(hh.notifier.attempts).toHaveLength(3);
    expect(await hh.app.deps.reminders.ledger.state(r.id, r.dueAt)).toBe('failed');
    expect((await hh.app.deps.reminders.store.get(r.id))?.status).toBe('delivered');
    await settled(hh);
    expect(hh.notifier.attempts).toHaveLength(3);
  });

  it('GIVEN DMs closed THEN undeliverable after the first error, later ones skipped, no channel notice by default', async () => {
    const hh = harness();
    hh.notifier.failAlways(DMS_CLOSED);
    await hh.app.deps.userSettings.updateUser('shell:ana', { lastChannel: 'shell:general' });
    await hh.startWorker();
    const first = await remind(hh, 'ana', '/remind when:"in 1 second" what:"first"');
    const failed = await eventually(async () => {
      const [j] = await hh.app.reminderScheduler.queue.getFailed();
      expect(j?.data.r).toBe(first.id);
      return j!;
    });
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toBe('member cannot be messaged: 50007 cannot send messages to this user');
    expect((await hh.app.deps.userSettings.getUser('shell:ana')).undeliverable?.reason).toBe(
      '50007 cannot send messages to this user',
    );

    // A reminder that comes due now (e.g. a deadline alert): not via /remind, which would welcome them back.
    const second = {
      ...first,
      id: 'rsecond000',
      text: 'second',
      dueAt: Date.now() + 500,
      fireAt: Date.now() + 500,
    };
    await hh.app.deps.reminders.store.save(second);
    await hh.app.deps.reminders.scheduler.schedule(second.id, second.fireAt);
    await eventually(async () =>
      expect(await hh.app.deps.reminders.ledger.state(second.id, second.dueAt)).toBe('failed'),
    );
    expect(hh.notifier.attempts).toHaveLength(1); // the second was not even tried
    expect(hh.notifier.posted).toEqual([]);

    // The member comes back: told why, and deliveries resume.
    hh.notifier.failAlways(undefined);
    const back = await hh.run('ana', '/reminders');
    expect(back.text).toContain('Earlier I could not send you a direct message (50007');
    await remind(hh, 'ana', '/remind when:"in 1 second" what:"third"');
    await eventually(() => expect(hh.notifier.to('shell:ana').map((s) => s.message.text)).toEqual(['third']));
  });

  it('GIVEN the community enables it THEN the member is told in their channel once, even when two fail together', async () => {
    const hh = harness();
    hh.notifier.failAlways(DMS_CLOSED);
    await hh.app.deps.userSettings.updateCommunity('shell:local', { notifyUndeliverableInChannel: true });
    await hh.app.deps.userSettings.updateUser('shell:ana', { lastChannel: 'shell:general' });
    const a = await remind(hh, 'ana', '/remind when:"in 2 seconds" what:"a"');
    await hh.app.deps.reminders.store.save({ ...a, id: 'rtwinb0000', text: 'b' });
    await hh.app.deps.reminders.scheduler.schedule('rtwinb0000', a.fireAt);
    await hh.startWorker();
    await eventually(async () =>
      expect((await hh.app.reminderScheduler.queue.getFailed()).map((j) => j.data.r).sort()).toEqual(
        [a.id, 'rtwinb0000'].sort(),
      ),
    );
    expect(hh.notifier.posted.map((p) => p.to)).toEqual(['shell:general']);
    expect(hh.notifier.posted[0]?.message.addressee).toBe('shell:ana');
    expect(hh.notifier.posted[0]?.message.text).toMatch(/^Your reminders cannot reach you/);
  });
});

describe('concurrency and rate limit from settings', () => {
  it('GIVEN 30 due at once, concurrency 4 and 10/s THEN all arrive once, at most 4 in flight, over 2+ seconds', async () => {
    const hh = harness({ concurrency: 4, maxPerSecond: 10 });
    hh.notifier.latencyMs = 30;
    const first = await remind(hh, 'ana', '/remind when:"in 3 seconds" what:"r0"');
    for (let i = 1; i < 30; i++) {
      const id = `rburst${String(i).padStart(4, '0')}`;
      await hh.app.deps.reminders.store.save({ ...first, id, text: `r${i}` });
      await hh.app.deps.reminders.scheduler.schedule(id, first.fireAt);
    }
    await hh.startWorker();
    await eventually(() => expect(hh.notifier.sent).toHaveLength(30), 40_000);
    expect(new Set(hh.notifier.sent.map((s) => s.message.text)).size).toBe(30);
    expect(hh.notifier.maxInFlight).toBeLessThanOrEqual(4);
    const times = hh.notifier.sent.map((s) => s.at);
    // 30 at 10 per second need three rate windows: the last starts two seconds after the first.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(1_800);
  });
});

describe('restart safety', () => {
  it('GIVEN reminders that came due while no worker ran (one job lost too) THEN all arrive on start, marked late', async () => {
    const hh = harness();
    const a = await remind(hh, 'ana', '/remind when:"in 1 second" what:"while down A"');
    const b = await remind(hh, 'ana', '/remind when:"in 1 second" what:"while down B"');
    // A crash between saving the reminder and adding its job: the job never existed.
    await (await hh.job(b.id, b.fireAt))?.remove();
    expect(await hh.job(b.id, b.fireAt)).toBeUndefined();
    await eventually(() => expect(Date.now()).toBeGreaterThan(Math.max(a.dueAt, b.dueAt) + 2_000), 10_000);

    await hh.startWorker({ lateAfterMs: 1_000 });
    await eventually(() => expect(hh.notifier.sent).toHaveLength(2));
    for (const s of hh.notifier.sent)
      expect(s.message.footer).toMatch(/^Delivered \d+ s late: I was offline/);
    await settled(hh);
    expect(hh.notifier.sent.map((s) => s.message.text).sort()).toEqual(['while down A', 'while down B']);
  });

  it('GIVEN a worker stopped and a new one started THEN nothing is lost or sent twice', async () => {
    const hh = harness();
    const first = await hh.startWorker();
    await remind(hh, 'ana', '/remind when:"in 1 second" what:"before stop"');
    await eventually(() => expect(hh.notifier.sent).toHaveLength(1));
    await first.close();
    const r = await remind(hh, 'ana', '/remind when:"in 1 second" what:"after stop"');
    await eventually(() => expect(Date.now()).toBeGreaterThan(r.dueAt + 1_500), 10_000);
    expect(hh.notifier.sent).toHaveLength(1);
    await hh.startWorker();
    await eventually(() => expect(hh.notifier.sent).toHaveLength(2));
    await settled(hh);
    expect(hh.notifier.sent.map((s) => s.message.text)).toEqual(['before stop', 'after stop']);
  });
});
