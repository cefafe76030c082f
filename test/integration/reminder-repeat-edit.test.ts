/**
 * Repeats said in words (/remind when:"every monday 8am") and /reminder-edit,
 * on real Redis and real BullMQ: the series BullMQ holds for each repeat, and
 * an edited reminder's job moving with it (nothing left at the old time, and
 * with the real worker, one delivery, at the new time only).
 */
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { runAutocomplete } from '../../src/core/commands/dispatch.ts';
import type { Reply } from '../../src/core/reply.ts';
import { reminderRepeatStrategy } from '../../src/jobs/repeat-strategy.ts';
import { FakeClock } from '../helpers/app.ts';
import { eventually, field, type Harness, reminderHarness, testListing } from './reminder-harness.ts';

const NY = 'America/New_York';
// A Wednesday 10:00 in New York about five weeks ahead: every job lies in the future (BullMQ's clock is real).
const WED = DateTime.now()
  .setZone(NY)
  .plus({ days: 35 })
  .set({ weekday: 3, hour: 10, minute: 0, second: 0, millisecond: 0 });
const at = (days: number, hour: number, minute = 0) => WED.plus({ days }).set({ hour, minute }).toMillis();
const date = (days: number) => WED.plus({ days }).toISODate();

let h: Harness;
afterEach(async () => {
  await h.close();
});

const fixed = () => {
  h = reminderHarness({ clock: new FakeClock(WED.toMillis()) });
};

async function stored(r: Reply) {
  const rem = await h.app.deps.reminders.store.get(r.ids[0] ?? '');
  if (!rem) throw new Error(`nothing stored: ${r.text}`);
  return rem;
}

describe('repeats in plain words', () => {
  const table = [
    {
      when: 'every monday 8am',
      repeat: 'weekly',
      first: at(5, 8),
      pattern: `weekly ${date(5)}T08:00:00`,
      second: at(12, 8),
    },
    {
      when: 'every day at 21:00',
      repeat: 'daily',
      first: at(0, 21),
      pattern: `daily ${date(0)}T21:00:00`,
      second: at(1, 21),
    },
    {
      when: 'every 2 weeks on friday',
      repeat: 'fortnightly',
      first: at(2, 9),
      pattern: `fortnightly ${date(2)}T09:00:00`,
      second: at(16, 9),
    },
    {
      when: 'weekdays at 7',
      repeat: 'weekdays',
      first: at(1, 7),
      pattern: `weekdays ${date(1)}T07:00:00`,
      second: at(2, 7),
    },
  ] as const;
  for (const c of table) {
    it(`GIVEN when:"${c.when}" THEN a ${c.repeat} series in BullMQ, first and second occurrence right`, async () => {
      fixed();
      const r = await h.run('ana', `/remind when:"${c.when}" what:"Anki reviews"`);
      expect(r.error, r.text).toBe(false);
      const rem = await stored(r);
      expect(rem).toMatchObject({ repeat: c.repeat, dueAt: c.first });
      const series = await h.series(rem.id);
      expect(series).toMatchObject({ tz: NY, pattern: c.pattern, next: c.first });
      expect(reminderRepeatStrategy(c.first, { pattern: series?.pattern, tz: series?.tz })).toBe(c.second);
      expect(field(r, 'Repeats')).toMatch(/^every /);
      expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 1 });
    });
  }

  it('GIVEN a repeat it cannot keep, or two that disagree THEN the error names the repeat: option, nothing stored', async () => {
    fixed();
    const bad = await h.run('ana', '/remind when:"every 3 days" what:"Anki"');
    expect(bad).toMatchObject({ error: true, code: 'REPEAT.UNSUPPORTED' });
    expect(bad.text).toContain('repeat:daily');
    const clash = await h.run('ana', '/remind when:"every monday 8am" what:"Anki" repeat:daily');
    expect(clash).toMatchObject({ error: true, code: 'REPEAT.CONFLICT' });
    expect(await h.app.deps.reminders.store.listForUser('shell:ana')).toEqual([]);
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 0 });
  });
});

describe('/reminder-edit moves the job with the reminder', () => {
  it('GIVEN a one-off moved to friday 9am THEN one job, at the new time; a text edit keeps the job', async () => {
    fixed();
    const r = await stored(await h.run('ana', '/remind when:"tomorrow 18:00" what:"email Dr. Rivera"'));
    expect(h.runsAt(await h.job(r.id, r.fireAt))).toBe(at(1, 18));
    const e = await h.run('ana', `/reminder-edit id:${r.id} when:"friday 9am" what:"send CV to Dr. Rivera"`);
    expect(e.error, e.text).toBe(false);
    expect(e.title).toBe('Reminder changed');
    expect(e.text).toBe('I will remind you by direct message: "send CV to Dr. Rivera".');
    const moved = await h.app.deps.reminders.store.get(r.id);
    expect(moved).toMatchObject({ text: 'send CV to Dr. Rivera', dueAt: at(2, 9), fireAt: at(2, 9) });
    expect(await h.job(r.id, r.fireAt)).toBeUndefined();
    expect(h.runsAt(await h.job(r.id, at(2, 9)))).toBe(at(2, 9));
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 1 });

    await h.run('ana', `/reminder-edit id:${r.id} what:"send CV and personal statement"`);
    expect(await h.app.deps.reminders.store.get(r.id)).toMatchObject({
      text: 'send CV and personal statement',
      fireAt: at(2, 9),
    });
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 1 });
  });

  it('GIVEN a weekly repeat moved, then made a one-off THEN the series moves, then goes', async () => {
    fixed();
    const r = await stored(await h.run('ana', '/remind when:"every monday 8am" what:"check listings"'));
    const e = await h.run('ana', `/reminder-edit id:${r.id} when:"every friday 9am"`);
    expect(e.error, e.text).toBe(false);
    expect(await h.series(r.id)).toMatchObject({ pattern: `weekly ${date(2)}T09:00:00`, next: at(2, 9) });
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 1 });

    const once = await h.run('ana', `/reminder-edit id:${r.id} repeat:none`);
    expect(field(once, 'Repeats')).toBe('no');
    expect(await h.series(r.id)).toBeUndefined();
    expect(h.runsAt(await h.job(r.id, at(2, 9)))).toBe(at(2, 9));
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 1 });
  });

  it('GIVEN someone else’s, a deadline reminder or nothing to change THEN a specific error', async () => {
    fixed();
    const r = await stored(await h.run('ana', '/remind when:"tomorrow 18:00" what:"email Dr. Rivera"'));
    expect(await h.run('bob', `/reminder-edit id:${r.id} when:"friday 9am"`)).toMatchObject({
      code: 'REMINDER.NOT_FOUND',
    });
    expect(await h.run('ana', `/reminder-edit id:${r.id}`)).toMatchObject({
      code: 'REMINDER.NOTHING_TO_EDIT',
    });
    // Discord completes the id with the member's own reminders only, as for /reminder-cancel.
    const mine = await runAutocomplete('reminder-edit', 'id', 'rivera', h.app.as('ana'));
    expect(mine.map((c) => c.value)).toEqual([r.id]);
    expect(await runAutocomplete('reminder-edit', 'id', '', h.app.as('bob'))).toEqual([]);
    expect(await h.run('ana', `/reminder-edit id:${r.id} when:"last friday"`)).toMatchObject({
      code: 'WHEN.PAST',
    });
    expect(await h.app.deps.reminders.store.get(r.id)).toMatchObject({ fireAt: at(1, 18) });

    // A deadline reminder follows its listing: the error says how to stop it instead.
    await h.app.deps.listings.save(testListing('mercy-im', date(30), WED.toMillis()));
    const sub = await h.run('ana', '/deadline-reminders listing:mercy-im');
    const refused = await h.run(
      'ana',
      `/reminder-edit id:${sub.fields[0]?.value.match(/id (\w+)/)?.[1]} when:"friday 9am"`,
    );
    expect(refused).toMatchObject({ error: true, code: 'REMINDER.NOT_EDITABLE' });
    expect(refused.text).toContain('/deadline-reminders listing:mercy-im off');
  });
});

describe('an edited reminder is delivered once, at its new time, by the real worker', () => {
  for (const repeat of ['', ' repeat:daily']) {
    it(`GIVEN a${repeat ? ' daily' : ' one-off'} reminder moved 3 s later THEN one DM, for the new instant; none for the old`, async () => {
      h = reminderHarness();
      const r = await stored(
        await h.run('ana', `/remind when:"in 2 seconds" what:"call the coordinator"${repeat}`),
      );
      const e = await h.run('ana', `/reminder-edit id:${r.id} when:"in 5 seconds"`);
      expect(e.error, e.text).toBe(false);
      const moved = (await h.app.deps.reminders.store.get(r.id))!;
      expect(moved.dueAt).toBeGreaterThan(r.dueAt);
      await h.startWorker();
      await eventually(() => expect(h.notifier.to('shell:ana')).toHaveLength(1));
      // Past both instants now: only the new one was sent, and no job is left at the old one.
      expect(await h.app.deps.reminders.ledger.state(r.id, moved.dueAt)).toBe('sent');
      expect(await h.app.deps.reminders.ledger.state(r.id, r.dueAt)).toBeUndefined();
      expect(await h.job(r.id, r.dueAt)).toBeUndefined();
      expect(h.notifier.sent[0]?.message.text).toBe('call the coordinator');
      expect(h.notifier.sent).toHaveLength(1);
    });
  }
});
