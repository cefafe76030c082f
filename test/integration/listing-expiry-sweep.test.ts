/**
 * The listing-expiry sweep on a real BullMQ job scheduler: a listing whose
 * deadline has passed becomes `expired` without anyone searching, and the
 * members who asked for its deadline reminders lose them and are told once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EXPIRY_SCHEDULER_ID } from '../../src/jobs/expiry.worker.ts';
import { eventually, type Harness, localDate, reminderHarness, testListing } from './reminder-harness.ts';

const NY = 'America/New_York';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the listing-expiry sweep', () => {
  it('expires a listing after its deadline on its own, removes its deadline reminders and tells the member once', async () => {
    h = reminderHarness();
    const now = Date.now();
    const listing = testListing('obs-ny', localDate(now, NY, 30), now);
    expect(await h.app.deps.listings.save(listing)).toBe(true);
    expect(await h.app.deps.listings.save(testListing('obs-open', localDate(now, NY, 90), now))).toBe(true);
    const sub = await h.run('ana', '/deadline-reminders id:obs-ny');
    expect(sub.error, sub.text).toBe(false);
    const pendingDeadline = async () =>
      (await h?.app.deps.reminders.store.listForUser('shell:ana'))?.filter(
        (r) => r.kind === 'deadline' && r.status === 'pending',
      ) ?? [];
    expect(await pendingDeadline()).toHaveLength(3);

    // why: the stored deadline instant is moved to 2.5 s from now, so real time (which BullMQ's delays use) reaches it
    const stored = await h.app.deps.listings.get('obs-ny');
    if (!stored) throw new Error('listing not stored');
    expect(await h.app.deps.listings.save({ ...stored, deadlineAt: Date.now() + 2_500 })).toBe(true);
    // Nobody searches: the sweep alone notices the deadline.
    await h.startWorker({ expiryEveryMs: 300 });
    await eventually(async () => expect((await h?.app.deps.listings.get('obs-ny'))?.status).toBe('expired'));

    expect((await h.app.deps.listings.get('obs-open'))?.status).toBe('published');
    await eventually(async () => expect(await pendingDeadline()).toEqual([]));
    await eventually(() => expect(h?.notifier.sent.map((s) => s.to)).toEqual(['shell:ana']));
    expect(h.notifier.sent[0]?.message.text).toMatch(/deadline has passed/i);

    // Later sweeps find nothing more to do: still one message.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(h.notifier.sent).toHaveLength(1);
  });

  it('keeps one job scheduler however many processes start the sweep', async () => {
    h = reminderHarness();
    const a = await h.startWorker({ expiryEveryMs: 60_000 });
    const b = await h.startWorker({ expiryEveryMs: 60_000 });
    const { Queue } = await import('bullmq');
    const { queuePrefix } = await import('../../src/jobs/queue-prefix.ts');
    const { testRedis } = await import('../helpers/redis.ts');
    const connection = testRedis();
    const queue = new Queue('maintenance', { connection, prefix: queuePrefix(h.app.keys.prefix) });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toEqual([EXPIRY_SCHEDULER_ID]);
    } finally {
      await queue.close();
      await connection.quit();
    }
    expect(a).not.toBe(b);
  });
});
