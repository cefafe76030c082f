/**
 * The application tracker on real Redis and BullMQ: /track add, list, update,
 * note and remove; the follow-up chains they schedule (follow-up 14-21 days
 * after applying, a letter request once the member has been seen working and
 * 2-4 weeks before the end when the rotation allows, a thank-you the day
 * after) and cancel when a status change makes them moot; /usce.
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reminder } from '../../src/core/reminders/reminder.ts';
import { FakeClock } from '../helpers/app.ts';
import {
  eventually,
  type Harness,
  localDate,
  localInstant,
  reminderHarness,
  testListing,
} from './reminder-harness.ts';

const NY = 'America/New_York';
/**
 * The core's "now" in every test here: fixed, so no result depends on when the
 * tests run (a day boundary or a DST change). why: far in the future, so every
 * step the tracker schedules is a delayed BullMQ job that never fires by itself.
 */
const T0 = DateTime.fromISO('2032-06-09T15:00', { zone: NY }).toMillis();
/** An instant BullMQ treats as already due (it compares with the real time): the job runs at once. */
const DUE_NOW = DateTime.fromISO('2020-01-06T09:00', { zone: NY }).toMillis();
let h: Harness;
beforeEach(() => {
  h = reminderHarness({ clock: new FakeClock(T0) });
});
afterEach(async () => {
  await h.close();
});

const day = (n: number) => localDate(T0, NY, n);
const nineOn = (date: string) => localInstant(`${date}T09:00`, NY);

async function chain(userId = 'shell:ana'): Promise<Reminder[]> {
  return (await h.app.deps.reminders.store.listForUser(userId)).filter((r) => r.trackerId);
}

async function jobsOf(rs: readonly Reminder[]): Promise<(number | undefined)[]> {
  return Promise.all(rs.map(async (r) => h.runsAt(await h.job(r.id, r.fireAt))));
}

async function add(line: string): Promise<string> {
  const r = await h.run('ana', line);
  expect(r.error, r.text).toBe(false);
  return r.ids[0] ?? '';
}

describe('follow-up chains', () => {
  it('GIVEN applied two days ago THEN a follow-up 14 days after the contact at 09:00, with its job', async () => {
    const r = await h.run(
      'ana',
      `/track add program:"Mercy Hospital IM externship" status:applied contacted:${day(-2)}`,
    );
    expect(r.title).toBe('Added to your tracker');
    expect(r.text).toMatch(/is now "applied"\. Change it with .* I set up these reminders:$/);
    expect(r.fields[0]?.name).toBe('Follow-up reminder');
    const [f] = await chain();
    expect(f).toMatchObject({
      kind: 'follow-up',
      dueAt: nineOn(day(12)),
      text: 'Mercy Hospital IM externship',
    });
    expect(await jobsOf([f!])).toEqual([nineOn(day(12))]);
  });

  it('GIVEN the community waits 21 days (/reminder-setup) THEN the follow-up is 21 days after', async () => {
    const bad = await h.run('mod', '/reminder-setup follow_up_days:30', { moderator: true });
    expect(bad).toMatchObject({ error: true });
    expect(bad.text).toMatch(/follow_up_days.*at most 21/);
    await h.run('mod', '/reminder-setup follow_up_days:21', { moderator: true });
    await add(`/track add program:"St. Luke's IM" status:contacted contacted:${day(0)}`);
    expect((await chain()).map((r) => r.dueAt)).toEqual([nineOn(day(21))]);
  });

  it('GIVEN the contact was long ago THEN the follow-up is the next 09:00, never in the past', async () => {
    await add(`/track add program:"Old application" status:applied contacted:${day(-40)}`);
    const [f] = await chain();
    expect(f!.dueAt).toBeGreaterThan(T0);
    expect(f!.dueAt - T0).toBeLessThanOrEqual(86_400_000);
    expect(new Date(f!.dueAt).toLocaleTimeString('en-US', { timeZone: NY, hour12: false })).toBe('09:00:00');
  });

  it('GIVEN accepted with a 4-week rotation THEN the follow-up is cancelled; letter 2 weeks before the end (mid-rotation), thank-you the day after', async () => {
    const id = await add(`/track add program:"Riverbend cardiology" status:applied contacted:${day(-1)}`);
    const [followUp] = await chain();
    const u = await h.run(
      'ana',
      `/track update id:${id} status:accepted rotation_start:${day(30)} rotation_end:${day(57)} hands_on:yes`,
    );
    expect(u.text).toMatch(/Status: applied -> accepted\. Scheduled reminders:/);
    expect(u.fields.map((f) => f.name)).toEqual([
      'Ask for a letter of recommendation',
      'Thank-you note reminder',
    ]);
    const rs = await chain();
    expect(rs.map((r) => [r.kind, r.dueAt])).toEqual([
      ['letter', nineOn(day(44))],
      ['thank-you', nineOn(day(58))],
    ]);
    expect(await jobsOf(rs)).toEqual([nineOn(day(44)), nineOn(day(58))]);
    expect(await h.app.deps.reminders.store.get(followUp!.id)).toBeUndefined();
    expect(await h.job(followUp!.id, followUp!.fireAt)).toBeUndefined();

    // Rotation over: only the thank-you note still makes sense.
    await h.run('ana', `/track update id:${id} status:completed`);
    expect((await chain()).map((r) => r.kind)).toEqual(['thank-you']);
    // Rejected (or anything final): no reminders at all, and no jobs left.
    const rejected = await h.run('ana', `/track update id:${id} status:rejected`);
    expect(rejected.text).toMatch(/No reminders are scheduled for it now\./);
    expect(await chain()).toEqual([]);
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 0 });
  });

  it('GIVEN a rotation already past its letter day THEN the letter request comes at the next 09:00', async () => {
    await add(
      `/track add program:"Long rotation" status:rotating rotation_start:${day(-40)} rotation_end:${day(15)}`,
    );
    const [letter, thanks] = await chain();
    expect(letter?.kind).toBe('letter');
    expect(letter!.dueAt - T0).toBeLessThanOrEqual(86_400_000);
    expect(thanks).toMatchObject({ kind: 'thank-you', dueAt: nineOn(day(16)) });
  });

  it('delivers a chain step with what the member needs, and not at all once the entry is removed', async () => {
    const id = await add(
      `/track add program:"Mercy Hospital IM externship" status:applied contacted:${day(-3)}`,
    );
    const [f] = await chain();
    // Bring the 14-day follow-up to now, as if two weeks had passed.
    const soon = DUE_NOW;
    await h.app.deps.reminders.store.save({ ...f!, dueAt: soon, fireAt: soon, wall: undefined });
    await h.app.deps.reminders.scheduler.schedule(f!.id, soon);
    await h.app.deps.reminders.scheduler.unschedule(f!.id, f!.fireAt);
    await h.startWorker();
    await eventually(() => expect(h.notifier.sent).toHaveLength(1));
    const dm = h.notifier.sent[0]!.message;
    expect(dm.title).toBe('Follow up: Mercy Hospital IM externship');
    expect(dm.text).toContain(
      `You applied to Mercy Hospital IM externship on ${day(-3)} and have had no reply.`,
    );
    expect(dm.text).toContain(`/track update id:${id} status:<new status>`);

    // Removed before its next step came due: the step is cancelled and nothing is sent.
    await h.run(
      'ana',
      `/track update id:${id} status:accepted rotation_start:${day(1)} rotation_end:${day(30)}`,
    );
    const letter = (await chain()).find((r) => r.kind === 'letter');
    const due = T0 + 1_500; // a pending step, not yet due
    await h.app.deps.reminders.store.save({ ...letter!, dueAt: due, fireAt: due, wall: undefined });
    await h.app.deps.reminders.scheduler.schedule(letter!.id, due);
    await h.app.deps.reminders.scheduler.unschedule(letter!.id, letter!.fireAt);
    const removed = await h.run('ana', `/track remove id:${id}`);
    expect(removed.text).toBe('Mercy Hospital IM externship and its reminders are removed.');
    expect(await chain()).toEqual([]);
    await eventually(async () =>
      expect(await h.app.reminderScheduler.queue.getJobCounts('wait', 'active', 'delayed')).toEqual({
        wait: 0,
        active: 0,
        delayed: 0,
      }),
    );
    expect(h.notifier.sent).toHaveLength(1);
  });
});

describe('when the letter request comes (the member must have been seen working first)', () => {
  // Rotation of N weeks from day 10; the letter day as an index into the rotation (0 = first day).
  const table: readonly { weeks: number; letterIndex: number; why: RegExp }[] = [
    { weeks: 1, letterIndex: 7, why: /the day after the rotation ends/ },
    { weeks: 2, letterIndex: 11, why: /last days \(3 days before the rotation ends/ },
    { weeks: 3, letterIndex: 18, why: /last days \(3 days before the rotation ends/ },
    { weeks: 4, letterIndex: 14, why: /, 2 weeks before the rotation ends/ },
    { weeks: 6, letterIndex: 21, why: /, 3 weeks before the rotation ends/ },
    { weeks: 8, letterIndex: 35, why: /, 3 weeks before the rotation ends/ },
    { weeks: 12, letterIndex: 63, why: /, 3 weeks before the rotation ends/ },
  ];
  for (const { weeks, letterIndex, why } of table) {
    it(`GIVEN an accepted ${weeks}-week rotation THEN the letter request is on day ${letterIndex + 1}, never in the first week, before mid-rotation or after the thank-you`, async () => {
      const start = 10;
      const days = weeks * 7;
      const end = start + days - 1;
      const r = await h.run(
        'ana',
        `/track add program:"Rotation ${weeks}w" status:accepted rotation_start:${day(start)} rotation_end:${day(end)}`,
      );
      expect(r.error, r.text).toBe(false);
      const rs = await chain();
      const letter = rs.find((x) => x.kind === 'letter')!;
      const thanks = rs.find((x) => x.kind === 'thank-you')!;
      expect(letter.dueAt).toBe(nineOn(day(start + letterIndex)));
      expect(thanks.dueAt).toBe(nineOn(day(end + 1)));
      // The domain rules, checked directly as well as by the table.
      expect(letter.dueAt).toBeGreaterThanOrEqual(nineOn(day(start + 7)));
      expect(letter.dueAt).toBeGreaterThanOrEqual(nineOn(day(start + Math.ceil(days / 2))));
      expect(letter.dueAt).toBeLessThanOrEqual(thanks.dueAt);
      if (days >= 28) {
        expect(letter.dueAt).toBeGreaterThanOrEqual(nineOn(day(end + 1 - 28)));
        expect(letter.dueAt).toBeLessThanOrEqual(nineOn(day(end + 1 - 14)));
      }
      // The jobs are where the records say, and the reply shows the dates with the reason.
      expect(await jobsOf([letter, thanks])).toEqual([letter.dueAt, thanks.dueAt]);
      const shown = Object.fromEntries(r.fields.map((f) => [f.name, f.value]));
      expect(shown['Ask for a letter of recommendation']).toMatch(why);
      expect(shown['Ask for a letter of recommendation']).toContain(
        DateTime.fromISO(day(start + letterIndex)).toFormat('ccc d LLL yyyy'),
      );
      expect(shown['Thank-you note reminder']).toContain(
        DateTime.fromISO(day(end + 1)).toFormat('ccc d LLL yyyy'),
      );
    });
  }

  it('GIVEN status completed but an end date ahead THEN the reply warns and says how to fix it', async () => {
    const r = await h.run(
      'ana',
      `/track add program:"Mercy IM" status:completed rotation_start:${day(-10)} rotation_end:${day(17)}`,
    );
    expect(r.error).toBe(false);
    expect(r.text).toContain(
      `Check the dates: this rotation is marked completed but ends on ${day(17)}, which is still ahead.`,
    );
    const id = r.ids[0]!;
    const fixed = await h.run('ana', `/track update id:${id} rotation_end:${day(0)}`);
    expect(fixed.text).not.toContain('Check the dates');
    const again = await h.run('ana', `/track update id:${id} rotation_end:${day(3)}`);
    expect(again.text).toContain('Check the dates');
  });
});

describe('/track commands', () => {
  it('adds from a listing id (its title), refuses a duplicate, lists with notes and next reminders', async () => {
    await h.app.deps.listings.save(testListing('mercy-im', day(30), T0));
    const id = await add('/track add program:mercy-im status:applied');
    const dup = await h.run('ana', '/track add program:mercy-im');
    expect(dup).toMatchObject({ error: true, code: 'TRACKER.DUPLICATE' });
    expect(dup.text).toContain(`(id ${id})`);
    const note = await h.run('ana', `/track note id:${id} text:"Coordinator asked for my Step 2 CK score"`);
    expect(note.text).toBe('Internal Medicine Observership mercy-im now has 1 note.');

    const list = await h.run('ana', '/track list');
    expect(list.text).toBe('1 tracked. Times in America/New_York.');
    const [rec] = list.records;
    expect(rec).toMatchObject({ id, title: 'Internal Medicine Observership mercy-im' });
    expect(rec?.subtitle).toBe(`applied, contacted ${day(0)}`);
    expect(rec?.fields?.map((f) => f.name)).toEqual(['Follow-up reminder', 'Note (1)']);
    expect(rec?.fields?.[1]?.value).toBe('Coordinator asked for my Step 2 CK score');
  });

  it('GIVEN bad input THEN a specific error and nothing changes', async () => {
    const dates = await h.run('ana', `/track add program:X rotation_start:${day(10)} rotation_end:${day(5)}`);
    expect(dates).toMatchObject({ error: true, code: 'TRACKER.DATES' });
    expect(dates.text).toContain('Example: rotation_start:2027-03-01 rotation_end:2027-03-28');
    const future = await h.run('ana', `/track add program:X status:applied contacted:${day(3)}`);
    expect(future).toMatchObject({ error: true, code: 'TRACKER.CONTACT_FUTURE' });
    const status = await h.run('ana', '/track add program:X status:waiting');
    expect(status).toMatchObject({ error: true });
    expect(status.text).toMatch(/interested.*applied.*contacted/);
    expect(await h.run('ana', '/track update id:tnope0000 status:applied')).toMatchObject({
      code: 'TRACKER.NOT_FOUND',
    });
    const id = await add('/track add program:Y');
    expect(await h.run('ana', `/track update id:${id}`)).toMatchObject({ code: 'TRACKER.NOTHING_TO_UPDATE' });
    expect(await h.app.deps.tracker.list('shell:ana')).toHaveLength(1);
    expect(await chain()).toEqual([]);
  });

  it('/usce sums weeks, hands-on vs observational, and how recent', async () => {
    await add(
      `/track add program:A status:completed rotation_start:${day(-90)} rotation_end:${day(-63)} hands_on:yes`,
    );
    await add(
      `/track add program:B status:completed rotation_start:${day(-500)} rotation_end:${day(-473)} hands_on:no`,
    );
    await add(
      `/track add program:C status:completed rotation_start:${day(-900)} rotation_end:${day(-859)} hands_on:no`,
    );
    await add(`/track add program:D status:accepted rotation_start:${day(60)} rotation_end:${day(87)}`);
    await add('/track add program:E status:applied');
    const u = await h.run('ana', '/usce');
    const f = Object.fromEntries(u.fields.map((x) => [x.name, x.value]));
    expect(f).toEqual({
      Total: '14 weeks over 3 rotations',
      'Hands-on': '4 weeks',
      Observational: '10 weeks',
      Recent: '1 in the last 12 months, 2 in the last 24 months',
      Planned: '1 accepted rotation(s) starting later',
    });
  });
});
