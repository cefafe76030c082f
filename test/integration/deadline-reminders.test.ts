/**
 * Deadline reminders on real BullMQ: DMs 14, 7 and 1 day(s) before a listing's
 * deadline at 09:00 member time (per-community days, past ones skipped, quiet
 * hours respected); a moderator moving the deadline moves the jobs; a
 * withdrawal removes them and tells each member once, through the worker.
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/core/reminders/reminder.ts';
import {
  eventually,
  type Harness,
  localDate,
  localInstant,
  reminderHarness,
  testListing,
} from './reminder-harness.ts';

const NY = 'America/New_York';
let h: Harness;
beforeEach(() => {
  h = reminderHarness();
});
afterEach(async () => {
  await h.close();
});

async function publish(id: string, daysAhead: number | null): Promise<void> {
  const deadline = daysAhead === null ? null : localDate(Date.now(), NY, daysAhead);
  expect(await h.app.deps.listings.save(testListing(id, deadline, Date.now()))).toBe(true);
}

/** The member's pending deadline reminders, soonest first. */
async function deadlineReminders(userId: string): Promise<Reminder[]> {
  return (await h.app.deps.reminders.store.listForUser(userId)).filter((r) => r.kind === 'deadline');
}

/** 09:00 in `zone` on the member's local date of the deadline minus `days`. */
function stepAt(listingDeadline: string, days: number, zone: string): number {
  const deadlineAt = localInstant(`${listingDeadline}T23:59`, NY);
  const day = DateTime.fromMillis(deadlineAt, { zone }).minus({ days }).toISODate();
  return localInstant(`${day}T09:00`, zone);
}

async function jobInstants(rs: readonly Reminder[]): Promise<(number | undefined)[]> {
  return Promise.all(rs.map(async (r) => h.runsAt(await h.job(r.id, r.fireAt))));
}

describe('/deadline-reminders', () => {
  it('schedules 14, 7 and 1 day(s) before at 09:00 member time; subscribing twice changes nothing', async () => {
    await publish('mercy-im', 30);
    await h.app.deps.userSettings.updateUser('shell:bilal', { zone: 'Asia/Karachi' });
    const r = await h.run('bilal', '/deadline-reminders id:mercy-im');
    expect(r.error, r.text).toBe(false);
    expect(r.text).toMatch(
      /^Deadline reminders are on\. I will DM you before the deadline of "Internal Medicine/,
    );
    expect(r.fields.map((f) => f.name)).toEqual(['14 days before', '7 days before', '1 day before']);
    for (const f of r.fields) expect(f.value).toMatch(/09:00 \(UTC\+05:00\)/);

    const deadline = localDate(Date.now(), NY, 30);
    const rs = await deadlineReminders('shell:bilal');
    const expected = [14, 7, 1].map((d) => stepAt(deadline, d, 'Asia/Karachi'));
    expect(rs.map((x) => x.dueAt)).toEqual(expected);
    expect(await jobInstants(rs)).toEqual(expected);

    const again = await h.run('bilal', '/deadline-reminders id:mercy-im');
    expect(again.text).toMatch(/^You were already subscribed/);
    expect((await deadlineReminders('shell:bilal')).map((x) => x.id)).toEqual(rs.map((x) => x.id));
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 3 });
  });

  it('skips steps already past, and says so when none is left', async () => {
    await publish('soon', 5);
    const r = await h.run('ana', '/deadline-reminders id:soon');
    expect(r.fields.map((f) => f.name)).toEqual(['1 day before']);
    await publish('today', 0);
    const close = await h.run('ana', '/deadline-reminders id:today');
    expect(close.text).toMatch(/is too close for the usual reminders; if it moves, I will schedule them/);
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 1 });
  });

  it('GIVEN a rolling, unknown or withdrawn listing THEN a specific error and no job', async () => {
    await publish('rolling', null);
    expect(await h.run('ana', '/deadline-reminders id:rolling')).toMatchObject({ code: 'LISTING.ROLLING' });
    const unknown = await h.run('ana', '/deadline-reminders id:nope');
    expect(unknown).toMatchObject({ code: 'LISTING.NOT_FOUND' });
    expect(unknown.text).toContain('Find listings with /opportunity');
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 0 });
  });

  it('uses the community’s days set with /reminder-setup (moderators only, validated)', async () => {
    await publish('mercy-im', 30);
    expect(await h.run('ana', '/reminder-setup deadline_days:3,1')).toMatchObject({
      code: 'PERMISSION.MODERATOR_ONLY',
    });
    const bad = await h.run('mod', '/reminder-setup deadline_days:3,x', { moderator: true });
    expect(bad).toMatchObject({ error: true, code: 'DEADLINE_DAYS.INVALID' });
    expect(bad.text).toContain('Example: deadline_days:14,7,1');
    const set = await h.run('mod', '/reminder-setup deadline_days:1,3', { moderator: true });
    expect(set.fields[0]?.value).toBe('3, 1 day(s) before, at 09:00 member time');

    const r = await h.run('ana', '/deadline-reminders id:mercy-im');
    expect(r.fields.map((f) => f.name)).toEqual(['3 days before', '1 day before']);
    const audit = await h.app.deps.audit.list('shell:local', { limit: 5 });
    expect(audit.map((a) => a.action)).toEqual(['community.reminder-setup']);
  });

  it('includes deadline alerts in quiet hours: 09:00 inside 08:00-10:00 arrives at 10:00', async () => {
    await publish('mercy-im', 30);
    await h.run('ana', '/quiet-hours from:08:00 to:10:00');
    await h.run('ana', '/deadline-reminders id:mercy-im');
    const deadline = localDate(Date.now(), NY, 30);
    const rs = await deadlineReminders('shell:ana');
    expect(rs.map((x) => x.fireAt)).toEqual([14, 7, 1].map((d) => stepAt(deadline, d, NY) + 3_600_000));
    expect(await jobInstants(rs)).toEqual(rs.map((x) => x.fireAt));
  });

  it('follows the member to a new zone: still 09:00 on their wall clock', async () => {
    await publish('mercy-im', 30);
    await h.run('ana', '/deadline-reminders id:mercy-im');
    await h.run('ana', '/timezone zone:Lagos');
    const deadline = localDate(Date.now(), NY, 30);
    const rs = await deadlineReminders('shell:ana');
    const expected = [14, 7, 1].map((d) => stepAt(deadline, d, 'Africa/Lagos'));
    expect(rs.map((x) => x.fireAt)).toEqual(expected);
    expect(await jobInstants(rs)).toEqual(expected);
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 3 });
  });
});

describe('when a moderator changes the listing', () => {
  it('moves every subscriber’s jobs when the deadline moves, keeping the reminders', async () => {
    await publish('mercy-im', 30);
    await h.run('ana', '/deadline-reminders id:mercy-im');
    await h.run('bob', '/deadline-reminders id:mercy-im');
    const before = await deadlineReminders('shell:ana');

    const moved = localDate(Date.now(), NY, 40);
    const edit = await h.run('mod', `/edit id:mercy-im deadline:${moved}`, { moderator: true });
    expect(edit.error, edit.text).toBe(false);

    for (const who of ['shell:ana', 'shell:bob']) {
      const rs = await deadlineReminders(who);
      const expected = [14, 7, 1].map((d) => stepAt(moved, d, NY));
      expect(rs.map((x) => x.fireAt)).toEqual(expected);
      expect(await jobInstants(rs)).toEqual(expected);
    }
    expect((await deadlineReminders('shell:ana')).map((x) => x.id)).toEqual(before.map((x) => x.id));
    for (const old of before) expect(await h.job(old.id, old.fireAt)).toBeUndefined();
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 6 });

    // Moved closer: the steps now past are dropped.
    const closer = localDate(Date.now(), NY, 4);
    await h.run('mod', `/edit id:mercy-im deadline:${closer}`, { moderator: true });
    expect((await deadlineReminders('shell:ana')).map((x) => x.offsetDays)).toEqual([1]);
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 2 });
  });

  it('removes them on withdrawal and tells each member once, by DM through the worker', async () => {
    await publish('mercy-im', 30);
    await h.run('ana', '/deadline-reminders id:mercy-im');
    await h.run('bob', '/deadline-reminders id:mercy-im');
    await h.startWorker();
    const w = await h.run('mod', '/withdraw id:mercy-im reason:"program closed for 2027"', {
      moderator: true,
    });
    expect(w.error, w.text).toBe(false);

    expect(await deadlineReminders('shell:ana')).toEqual([]);
    await eventually(() =>
      expect(h.notifier.sent.map((s) => s.to).sort()).toEqual(['shell:ana', 'shell:bob']),
    );
    expect(h.notifier.to('shell:ana')[0]?.message.text).toBe(
      'The listing "Internal Medicine Observership mercy-im" is no longer open (program closed for 2027), so I cancelled its deadline reminders.',
    );
    // Told once: the hook running again (e.g. the expiry sweep) says nothing more.
    const info = await h.app.deps.listingLookup.getDeadlineInfo('mercy-im');
    await h.app.deps.listingHooks.listingWithdrawn(info!, 'expired');
    await eventually(async () =>
      expect(await h.app.reminderScheduler.queue.getJobCounts('wait', 'active', 'delayed')).toEqual({
        wait: 0,
        active: 0,
        delayed: 0,
      }),
    );
    expect(h.notifier.sent).toHaveLength(2);
    expect(await h.app.deps.reminders.store.listForUser('shell:ana')).toEqual([]);
  });
});

describe('a member’s choices survive listing edits', () => {
  it('GIVEN one step cancelled and another listing switched off WHEN the moderator moves the deadline THEN nothing comes back', async () => {
    await publish('mercy-im', 30);
    await publish('st-luke', 30);
    await h.run('ana', '/deadline-reminders listing:mercy-im');
    await h.run('ana', '/deadline-reminders listing:st-luke');
    const seven = (await deadlineReminders('shell:ana')).find(
      (r) => r.listingId === 'mercy-im' && r.offsetDays === 7,
    );
    expect(seven).toBeDefined();
    const cancelled = await h.run('ana', `/reminder-cancel id:${seven!.id}`);
    expect(cancelled.error, cancelled.text).toBe(false);

    const off = await h.run('ana', '/deadline-reminders listing:st-luke off');
    expect(off.title).toBe('Deadline reminders off');
    expect(off.text).toContain('(3 pending removed)');
    expect((await deadlineReminders('shell:ana')).map((r) => [r.listingId, r.offsetDays])).toEqual([
      ['mercy-im', 14],
      ['mercy-im', 1],
    ]);

    for (const id of ['mercy-im', 'st-luke']) {
      const moved = localDate(Date.now(), NY, 40);
      const edit = await h.run('mod', `/edit id:${id} deadline:${moved}`, { moderator: true });
      expect(edit.error, edit.text).toBe(false);
    }
    // And a zone change, which plans every subscription again, brings nothing back either.
    await h.run('ana', '/timezone zone:Lagos');

    const moved = localDate(Date.now(), NY, 40);
    const rs = await deadlineReminders('shell:ana');
    expect(rs.map((r) => [r.listingId, r.offsetDays])).toEqual([
      ['mercy-im', 14],
      ['mercy-im', 1],
    ]);
    const expected = [14, 1].map((d) => stepAt(moved, d, 'Africa/Lagos'));
    expect(rs.map((r) => r.fireAt)).toEqual(expected);
    expect(await jobInstants(rs)).toEqual(expected);
    expect(await h.job(seven!.id, seven!.fireAt)).toBeUndefined();
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 2 });

    // Turning them on again is the member's own choice, and brings every step back.
    const on = await h.run('ana', '/deadline-reminders listing:st-luke on');
    expect(on.title).toBe('Deadline reminders');
    expect((await deadlineReminders('shell:ana')).filter((r) => r.listingId === 'st-luke')).toHaveLength(3);
  });

  it('says so when they were already off, and the old id: option still works', async () => {
    await publish('mercy-im', 30);
    const r = await h.run('ana', '/deadline-reminders id:mercy-im off');
    expect(r.text).toBe(
      'Deadline reminders for mercy-im were already off. Turn them on with /deadline-reminders listing:mercy-im.',
    );
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 0 });
  });
});

describe('the deadline as the listing states it', () => {
  it('GIVEN a member in Karachi THEN the DM shows the listing’s own date and zone, and the delivery time in theirs', async () => {
    const deadline = localDate(Date.now(), NY, 30);
    await publish('mercy-im', 30);
    await h.app.deps.userSettings.updateUser('shell:bilal', { zone: 'Asia/Karachi' });
    const sub = await h.run('bilal', '/deadline-reminders listing:mercy-im');
    const stated = `${DateTime.fromISO(deadline).toFormat('ccc d LLL yyyy')} (end of day, New York time)`;
    expect(sub.text).toContain(`(${stated})`);
    expect(sub.text).toContain('Times below are yours (Asia/Karachi).');

    // Bring the 14-day step to now, as if the days had passed, and let the real worker deliver it.
    const [first] = await deadlineReminders('shell:bilal');
    const soon = Date.now() + 1_000;
    await h.app.deps.reminders.store.save({ ...first!, dueAt: soon, fireAt: soon, wall: undefined });
    await h.app.deps.reminders.scheduler.schedule(first!.id, soon);
    await h.app.deps.reminders.scheduler.unschedule(first!.id, first!.fireAt);
    await h.startWorker();
    await eventually(() => expect(h.notifier.to('shell:bilal')).toHaveLength(1));
    const dm = h.notifier.to('shell:bilal')[0]!.message;
    expect(dm.title).toBe('Deadline in 14 days: Internal Medicine Observership mercy-im');
    expect(dm.text).toBe(
      `The application deadline for "Internal Medicine Observership mercy-im" is ${stated}. Stop these with /deadline-reminders listing:mercy-im off.`,
    );
    const forField = dm.fields.find((f) => f.name === 'For')?.value ?? '';
    expect(forField).toMatch(/\(UTC\+05:00\), your time \(Asia\/Karachi\)$/);
  });
});
