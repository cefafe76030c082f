/**
 * /remind, /reminders, /reminder-cancel, /timezone and /quiet-hours against
 * real Redis and real BullMQ: what the member reads back, and the delayed job
 * or job scheduler BullMQ holds for it (the instant it will run). The clock of
 * the core is fixed weeks before the next U.S. "fall back"; BullMQ's is real,
 * so every job lies in the future and none runs during these tests.
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { reminderRepeatStrategy } from '../../src/jobs/repeat-strategy.ts';
import { FakeClock } from '../helpers/app.ts';
import { field, type Harness, localInstant, reminderHarness } from './reminder-harness.ts';

const NY = 'America/New_York';
const DAY = 86_400_000;

/** The next first Sunday of November (U.S. clocks fall back) at least `marginDays` after `after`. */
function nextFallBack(after: number, marginDays: number): DateTime {
  for (let year = DateTime.fromMillis(after).year; ; year++) {
    const nov1 = DateTime.fromObject({ year, month: 11, day: 1 }, { zone: NY });
    const sunday = nov1.plus({ days: (7 - nov1.weekday) % 7 });
    if (sunday.toMillis() > after + marginDays * DAY) return sunday;
  }
}

const FALL_BACK = nextFallBack(Date.now(), 40);
/** 10:00 EDT, 20 days before the clocks fall back. */
const NOW = FALL_BACK.minus({ days: 20 }).set({ hour: 10 }).toMillis();
const iso = (d: DateTime) => d.toISODate()!;

let h: Harness;
let clock: FakeClock;
beforeEach(() => {
  clock = new FakeClock(NOW);
  h = reminderHarness({ clock });
});
afterEach(async () => {
  await h.close();
});

const idOf = (r: Reply): string => r.ids[0] ?? '';

async function reminderOf(r: Reply) {
  const stored = await h.app.deps.reminders.store.get(idOf(r));
  if (!stored) throw new Error(`no reminder stored for ${JSON.stringify(r)}`);
  return stored;
}

describe('/remind in the member’s zone, across daylight saving', () => {
  it('GIVEN a date after the fall-back THEN it keeps 09:00 on the wall clock: EST, and the job runs then', async () => {
    const after = FALL_BACK.plus({ days: 3 });
    const r = await h.run('ana', `/remind when:"${iso(after)} 09:00" what:"email Dr. Rivera"`);
    expect(r.error, r.text).toBe(false);
    expect(r.title).toBe('Reminder set');
    expect(field(r, 'When')).toMatch(/^\w{3} \d+ \w{3} \d{4}, 09:00 EST \(UTC-05:00\), in 23 days/);
    const expected = localInstant(`${iso(after)}T09:00`, NY);
    expect(new Date(expected).toISOString()).toMatch(/T14:00:00\.000Z$/);
    expect(h.runsAt(await h.job(idOf(r), expected))).toBe(expected);
  });

  it('GIVEN "in 3 weeks" said at 10:00 EDT THEN it is 10:00 EST three weeks on (a 1-hour-longer wait)', async () => {
    const r = await h.run('ana', '/remind when:"in 3 weeks" what:"follow up with Mercy Hospital"');
    expect(field(r, 'When')).toMatch(/10:00 EST \(UTC-05:00\)/);
    const reminder = await reminderOf(r);
    expect(reminder.dueAt).toBe(NOW + 21 * DAY + 3_600_000);
    expect(h.runsAt(await h.job(reminder.id, reminder.fireAt))).toBe(reminder.dueAt);
  });

  it('GIVEN "in 90 minutes" THEN it is elapsed time, exactly 90 minutes later', async () => {
    const r = await h.run('ana', '/remind when:"in 90 minutes" what:"call the coordinator"');
    expect((await reminderOf(r)).dueAt).toBe(NOW + 90 * 60_000);
  });

  it('GIVEN a daily repeat set the day before the fall-back THEN BullMQ’s series keeps 09:00 local (a 25-hour day)', async () => {
    const eve = FALL_BACK.minus({ days: 1 });
    const r = await h.run('ana', `/remind when:"${iso(eve)} 09:00" what:"Step 2 CK block" repeat:daily`);
    expect(r.error, r.text).toBe(false);
    expect(field(r, 'Repeats')).toBe(`every day at 09:00 (your time, ${NY})`);
    const reminder = await reminderOf(r);
    const first = localInstant(`${iso(eve)}T09:00`, NY);
    expect(reminder.dueAt).toBe(first);

    const series = await h.series(reminder.id);
    expect(series).toMatchObject({ tz: NY, pattern: `daily ${iso(eve)}T09:00:00`, next: first });
    // What BullMQ's worker computes for the occurrence after the first one:
    const second = reminderRepeatStrategy(first, { pattern: series?.pattern, tz: series?.tz });
    expect(second).toBe(localInstant(`${iso(FALL_BACK)}T09:00`, NY));
    expect(second! - first).toBe(25 * 3_600_000);
    // No one-off job besides the series: one job per occurrence.
    expect(await h.job(reminder.id, first)).toBeUndefined();
  });

  it('GIVEN other zones THEN each is read on its own wall clock and shown with its offset', async () => {
    await h.app.deps.userSettings.updateUser('shell:bilal', { zone: 'Asia/Karachi' });
    await h.app.deps.userSettings.updateUser('shell:priya', { zone: 'Asia/Kolkata' });
    await h.app.deps.userSettings.updateUser('shell:mia', { zone: 'Australia/Sydney' });

    const karachi = await h.run('bilal', '/remind when:"tomorrow 18:00" what:"study block"');
    expect(field(karachi, 'When')).toMatch(/18:00 \(UTC\+05:00\)/);
    const tomorrow = DateTime.fromMillis(NOW, { zone: 'Asia/Karachi' }).plus({ days: 1 }).toISODate();
    expect((await reminderOf(karachi)).dueAt).toBe(localInstant(`${tomorrow}T18:00`, 'Asia/Karachi'));

    const kolkata = await h.run('priya', '/remind when:"2027-12-10 09:00" what:"ERAS photo"');
    expect((await reminderOf(kolkata)).dueAt).toBe(Date.parse('2027-12-10T03:30:00Z'));
    expect(field(kolkata, 'When')).toMatch(/09:00 \(UTC\+05:30\)/);

    // Sydney is on daylight time (UTC+11) until April, then UTC+10.
    const sydney = await h.run('mia', '/remind when:"2028-04-20 09:00" what:"MATCH rank list"');
    expect((await reminderOf(sydney)).dueAt).toBe(Date.parse('2028-04-19T23:00:00Z'));
    expect(field(sydney, 'When')).toMatch(/09:00 \w* ?\(UTC\+10:00\)/);
  });

  it('GIVEN past, ambiguous or unreadable times THEN a specific error with examples, and nothing is stored', async () => {
    const past = await h.run('ana', '/remind when:"yesterday 9am" what:"x"');
    expect(past).toMatchObject({ error: true, code: 'WHEN.PAST' });
    expect(past.text).toMatch(/future time, e\.g\. "next Friday 9am"/);
    const gone = await h.run('ana', `/remind when:"${iso(FALL_BACK.minus({ days: 25 }))} 08:00" what:"x"`);
    expect(gone).toMatchObject({ error: true, code: 'WHEN.PAST' });
    const ambiguous = await h.run('ana', '/remind when:"03/04/2028" what:"x"');
    expect(ambiguous).toMatchObject({ error: true, code: 'WHEN.AMBIGUOUS' });
    expect(ambiguous.text).toContain('could be day/month or month/day');
    const unreadable = await h.run('ana', '/remind when:"whenever works" what:"x"');
    expect(unreadable).toMatchObject({ error: true, code: 'WHEN.UNPARSABLE' });
    expect(unreadable.text).toMatch(/Try: "in 2 hours", "tomorrow 18:00"/);

    expect(await h.app.deps.reminders.store.listForUser('shell:ana')).toEqual([]);
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed', 'wait')).toEqual({
      delayed: 0,
      wait: 0,
    });
  });

  it('GIVEN "in 5 seconds" THEN a seconds-short reminder is accepted and its job runs 5 s later', async () => {
    const r = await h.run('ana', '/remind when:"in 5 seconds" what:"email Dr. Rivera"');
    expect(field(r, 'When')).toMatch(/, in 5 s$/);
    const reminder = await reminderOf(r);
    expect(reminder.dueAt).toBe(NOW + 5_000);
    expect(h.runsAt(await h.job(reminder.id, reminder.fireAt))).toBe(NOW + 5_000);
  });
});

describe('/reminders and /reminder-cancel', () => {
  it('lists pending reminders in local time, soonest first; cancel removes the record and its job', async () => {
    const later = await h.run('ana', '/remind when:"in 2 weeks" what:"second"');
    const sooner = await h.run('ana', '/remind when:"tomorrow 18:00" what:"first"');
    const list = await h.run('ana', '/reminders');
    expect(list.text).toMatch(/^2 pending, times in America\/New_York/);
    expect(list.records.map((r) => r.title)).toEqual(['first', 'second']);
    expect(list.records[0]?.subtitle).toMatch(/18:00 EDT \(UTC-04:00\)/);

    const first = await reminderOf(sooner);
    const cancelled = await h.run('ana', `/reminder-cancel id:${first.id}`);
    expect(cancelled).toMatchObject({ title: 'Reminder cancelled', text: 'Cancelled "first".' });
    expect(await h.app.deps.reminders.store.get(first.id)).toBeUndefined();
    expect(await h.job(first.id, first.fireAt)).toBeUndefined();
    expect((await h.run('ana', '/reminders')).ids).toEqual([idOf(later)]);
  });

  it('GIVEN someone else’s id THEN REMINDER.NOT_FOUND and their reminder stays', async () => {
    const theirs = await reminderOf(await h.run('ana', '/remind when:"tomorrow 18:00" what:"mine"'));
    const r = await h.run('bob', `/reminder-cancel id:${theirs.id}`);
    expect(r).toMatchObject({ error: true, code: 'REMINDER.NOT_FOUND' });
    expect(r.text).toContain('/reminders lists yours');
    expect(await h.job(theirs.id, theirs.fireAt)).toBeDefined();
  });

  it('GIVEN a weekly repeat THEN cancel removes its series and the waiting occurrence', async () => {
    const r = await reminderOf(
      await h.run('ana', '/remind when:"next Friday 9am" what:"update tracker" repeat:weekly'),
    );
    expect(await h.series(r.id)).toMatchObject({ next: r.dueAt });
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 1 });
    const cancelled = await h.run('ana', `/reminder-cancel id:${r.id}`);
    expect(cancelled.text).toBe('Cancelled "update tracker" and its repeats.');
    expect(await h.series(r.id)).toBeUndefined();
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 0 });
  });
});

describe('/timezone', () => {
  it('GIVEN a city, an abbreviation or an IANA name THEN a clear mapping; bare /timezone shows it', async () => {
    const lagos = await h.run('ana', '/timezone zone:Lagos');
    expect(lagos.text).toMatch(/^Your time zone is now Africa\/Lagos \(UTC\+01:00\)/);
    const est = await h.run('ana', '/timezone zone:EST');
    expect(est.text).toMatch(/America\/New_York/);
    expect(est.text).toMatch(/U\.S\. Eastern/);
    const iana = await h.run('ana', '/timezone zone:asia/karachi');
    expect(iana.text).toMatch(/^Your time zone is now Asia\/Karachi \(UTC\+05:00\)/);
    const shown = await h.run('ana', '/timezone');
    expect(shown.text).toMatch(/^Asia\/Karachi \(you set it\)\. It is now .* \(UTC\+05:00\)\./);
    expect((await h.app.deps.userSettings.getUser('shell:ana')).zone).toBe('Asia/Karachi');
  });

  it('GIVEN an unknown zone THEN TIMEZONE.UNKNOWN with an example, and the zone is unchanged', async () => {
    const r = await h.run('ana', '/timezone zone:Lagoss');
    expect(r).toMatchObject({ error: true, code: 'TIMEZONE.UNKNOWN' });
    expect(r.text).toMatch(/Did you mean .*Lagos/);
    expect(r.text).toContain('e.g. zone:Asia/Karachi');
    expect((await h.run('ana', '/timezone')).text).toMatch(/^America\/New_York \(the community default/);
  });

  it('GIVEN a change of zone THEN a repeat keeps its local hour in the new zone (series re-made there)', async () => {
    const r = await reminderOf(
      await h.run('ana', '/remind when:"tomorrow 09:00" what:"rounds prep" repeat:daily'),
    );
    const moved = await h.run('ana', '/timezone zone:Asia/Karachi');
    expect(moved.text).toMatch(/1 reminder moved to keep their local time/);
    const after = await h.app.deps.reminders.store.get(r.id);
    const tomorrow = DateTime.fromMillis(NOW, { zone: 'Asia/Karachi' }).plus({ days: 1 }).toISODate();
    expect(after?.dueAt).toBe(localInstant(`${tomorrow}T09:00`, 'Asia/Karachi'));
    expect(await h.series(r.id)).toMatchObject({ tz: 'Asia/Karachi', next: after?.dueAt });
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 1 });
  });
});

describe('/quiet-hours', () => {
  it('GIVEN 22:00-07:00 THEN a reminder for 23:30 is delivered at 07:00 and its job waits until then', async () => {
    const set = await h.run('ana', '/quiet-hours from:22:00 to:07:00');
    expect(set.text).toMatch(/^Between 22:00-07:00 \(America\/New_York\) I hold reminders/);
    const r = await h.run('ana', '/remind when:"tomorrow 23:30" what:"late thought"');
    const tomorrow = DateTime.fromMillis(NOW, { zone: NY }).plus({ days: 1 });
    expect(field(r, 'When')).toMatch(/23:30 EDT/);
    expect(field(r, 'Delivered')).toMatch(/07:00 EDT \(UTC-04:00\), when your quiet hours end/);
    const reminder = await reminderOf(r);
    const end = localInstant(`${iso(tomorrow.plus({ days: 1 }))}T07:00`, NY);
    expect(reminder.fireAt).toBe(end);
    expect(h.runsAt(await h.job(reminder.id, end))).toBe(end);
  });

  it('GIVEN a daily repeat inside quiet hours THEN its occurrence waits for 07:00 while the series keeps 23:30', async () => {
    await h.run('ana', '/quiet-hours from:22:00 to:07:00');
    const r = await reminderOf(
      await h.run('ana', '/remind when:"tomorrow 23:30" what:"night review" repeat:daily'),
    );
    const tomorrow = DateTime.fromMillis(NOW, { zone: NY }).plus({ days: 1 });
    expect(r.dueAt).toBe(localInstant(`${iso(tomorrow)}T23:30`, NY));
    expect(r.fireAt).toBe(localInstant(`${iso(tomorrow.plus({ days: 1 }))}T07:00`, NY));
    expect(await h.series(r.id)).toMatchObject({ next: r.dueAt });
    expect(h.runsAt(await h.job(r.id, r.fireAt))).toBe(r.fireAt);
    const listed = await h.run('ana', '/reminders');
    expect(listed.records[0]?.subtitle).toMatch(
      /07:00 EDT \(UTC-04:00\) \(after your quiet hours; due .*23:30 EDT/,
    );
  });

  it('GIVEN quiet hours set later THEN pending reminders move out of the window; off moves them back', async () => {
    const r = await reminderOf(await h.run('ana', '/remind when:"tomorrow 06:00" what:"early"'));
    const set = await h.run('ana', '/quiet-hours from:10pm to:7:30am');
    expect(set.text).toMatch(/1 pending reminder moved out of the window/);
    const held = await h.app.deps.reminders.store.get(r.id);
    expect(held?.fireAt).toBe(r.dueAt + 90 * 60_000);
    expect(await h.job(r.id, r.fireAt)).toBeUndefined();
    expect(h.runsAt(await h.job(r.id, held!.fireAt))).toBe(held?.fireAt);

    await h.run('ana', '/quiet-hours off:yes');
    expect((await h.app.deps.reminders.store.get(r.id))?.fireAt).toBe(r.dueAt);
    expect(h.runsAt(await h.job(r.id, r.dueAt))).toBe(r.dueAt);
  });

  it('GIVEN a bad or half window THEN a specific error and no quiet hours', async () => {
    expect(await h.run('ana', '/quiet-hours from:22:00')).toMatchObject({ code: 'QUIET.INCOMPLETE' });
    const bad = await h.run('ana', '/quiet-hours from:25:00 to:07:00');
    expect(bad).toMatchObject({ error: true, code: 'CLOCK.INVALID' });
    expect(bad.text).toContain('e.g. from:22:00 to:07:30');
    expect(await h.run('ana', '/quiet-hours from:07:00 to:07:00')).toMatchObject({ code: 'QUIET.EMPTY' });
    expect((await h.app.deps.userSettings.getUser('shell:ana')).quietHours).toBeUndefined();
  });
});
