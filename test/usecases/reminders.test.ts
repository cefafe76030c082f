import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { cancelReminder } from '../../src/core/reminders/cancel-reminder.ts';
import { createReminder } from '../../src/core/reminders/create-reminder.ts';
import { editReminder } from '../../src/core/reminders/edit-reminder.ts';
import { MAX_PENDING_PER_MEMBER } from '../../src/core/reminders/reminder.ts';
import { finishReminder, snoozeReminder } from '../../src/core/reminders/snooze-reminder.ts';
import { welcomeBack } from '../../src/core/reminders/welcome-back.ts';
import { reminder } from '../contracts/fixtures.ts';
import { fakeDeps } from '../fakes/fake-deps.ts';
import { caller, NY } from './caller.ts';

/** The instant of a New York wall-clock time. */
const ny = (iso: string) => DateTime.fromISO(iso, { zone: NY }).toMillis();

describe('creating a reminder', () => {
  it('GIVEN "tomorrow 9am" THEN a pending reminder at 09:00 in the member zone, with its delivery job', async () => {
    const deps = fakeDeps();
    const made = await createReminder(deps, {
      ...caller(deps),
      when: 'tomorrow 9am',
      what: 'email Dr. Rivera',
    });
    if (!made.ok) throw new Error(made.message);
    const r = made.value.reminder;
    expect(r).toMatchObject({
      status: 'pending',
      text: 'email Dr. Rivera',
      dueAt: ny('2027-03-02T09:00'),
      zone: NY,
    });
    expect(await deps.reminders.store.get(r.id)).toEqual(r);
    expect(deps.reminders.scheduler.at(r.id)).toEqual([r.fireAt]);
  });

  it('GIVEN quiet hours over the time THEN delivery waits until they end, the due time kept', async () => {
    const deps = fakeDeps();
    await deps.userSettings.updateUser('shell:amina', {
      zone: NY,
      quietHours: { from: { hour: 22, minute: 0 }, to: { hour: 7, minute: 30 } },
    });
    const made = await createReminder(deps, { ...caller(deps), when: 'tomorrow 6am', what: 'UWorld block' });
    if (!made.ok) throw new Error(made.message);
    expect(made.value.reminder.dueAt).toBe(ny('2027-03-02T06:00'));
    expect(made.value.reminder.fireAt).toBe(ny('2027-03-02T07:30'));
    expect(deps.reminders.scheduler.at(made.value.reminder.id)).toEqual([ny('2027-03-02T07:30')]);
  });

  it('GIVEN "every monday 8am" on a Monday at 7 THEN the series starts today at 8, handed to the job system in the member zone', async () => {
    const deps = fakeDeps();
    const made = await createReminder(deps, {
      ...caller(deps),
      when: 'every monday 8am',
      what: 'check listings',
    });
    if (!made.ok) throw new Error(made.message);
    const r = made.value.reminder;
    expect(r.repeat).toBe('weekly');
    expect(deps.reminders.scheduler.series.get(r.id)).toEqual({
      rule: 'weekly 2027-03-01T08:00:00',
      zone: NY,
    });
    expect(deps.reminders.scheduler.at(r.id)).toEqual([ny('2027-03-01T08:00')]);
  });

  it('GIVEN a time already past THEN a WHEN failure and nothing stored', async () => {
    const deps = fakeDeps();
    const made = await createReminder(deps, { ...caller(deps), when: 'yesterday 9am', what: 'x' });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.code).toMatch(/^WHEN\./);
    expect(await deps.reminders.store.listForUser('shell:amina')).toEqual([]);
  });

  it('GIVEN the most pending reminders a member may have THEN REMINDER.TOO_MANY', async () => {
    const deps = fakeDeps();
    for (let i = 0; i < MAX_PENDING_PER_MEMBER; i++)
      await deps.reminders.store.save(reminder(`r${i}`, 'shell:amina', 1));
    const made = await createReminder(deps, { ...caller(deps), when: 'tomorrow 9am', what: 'one more' });
    expect(made).toMatchObject({ ok: false, code: 'REMINDER.TOO_MANY' });
  });
});

describe('editing, snoozing, finishing and cancelling a reminder', () => {
  async function made(when = 'tomorrow 9am') {
    const deps = fakeDeps();
    const res = await createReminder(deps, { ...caller(deps), when, what: 'send CV' });
    if (!res.ok) throw new Error(res.message);
    return { deps, r: res.value.reminder };
  }

  it('a new time moves the job: nothing is left at the old time', async () => {
    const { deps, r } = await made();
    const res = await editReminder(deps, { ...caller(deps), id: r.id, edit: { when: 'friday 10am' } });
    if (!res.ok) throw new Error(res.message);
    expect(res.value.reminder.dueAt).toBe(ny('2027-03-05T10:00'));
    expect(deps.reminders.scheduler.at(r.id)).toEqual([ny('2027-03-05T10:00')]);
  });

  it('new words alone keep the time and the job', async () => {
    const { deps, r } = await made();
    const res = await editReminder(deps, { ...caller(deps), id: r.id, edit: { what: 'send CV and PS' } });
    if (!res.ok) throw new Error(res.message);
    expect((await deps.reminders.store.get(r.id))?.text).toBe('send CV and PS');
    expect(deps.reminders.scheduler.at(r.id)).toEqual([r.fireAt]);
  });

  it("another member's reminder is not found, and stays as it was", async () => {
    const { deps, r } = await made();
    const res = await editReminder(deps, { ...caller(deps, 'omar'), id: r.id, edit: { what: 'mine now' } });
    expect(res).toMatchObject({ ok: false, code: 'REMINDER.NOT_FOUND' });
    expect(await cancelReminder(deps, { userId: 'shell:omar', id: r.id })).toMatchObject({ ok: false });
    expect((await deps.reminders.store.get(r.id))?.text).toBe('send CV');
  });

  it('repeat:none makes a repeat a one-off: the series goes, one job stays', async () => {
    const { deps, r } = await made('every day at 8pm');
    expect(deps.reminders.scheduler.series.has(r.id)).toBe(true);
    const res = await editReminder(deps, { ...caller(deps), id: r.id, edit: { repeat: 'none' } });
    if (!res.ok) throw new Error(res.message);
    expect(deps.reminders.scheduler.series.has(r.id)).toBe(false);
    expect(deps.reminders.scheduler.at(r.id)).toEqual([res.value.reminder.fireAt]);
  });

  it('snoozing a repeat adds a one-off copy and leaves the series alone', async () => {
    const { deps, r } = await made('every day at 8pm');
    const res = await snoozeReminder(deps, { ...caller(deps), id: r.id, choice: '1h' });
    if (!res.ok) throw new Error(res.message);
    const { placed } = res.value;
    expect(placed.id).not.toBe(r.id);
    expect(placed.repeat).toBeUndefined();
    expect(placed.fireAt).toBe(deps.clock.now() + 3_600_000);
    expect(deps.reminders.scheduler.series.has(r.id)).toBe(true);
  });

  it('"done" keeps a pending repeat and clears a one-off with its job', async () => {
    const repeat = await made('every day at 8pm');
    expect(await finishReminder(repeat.deps, { userId: 'shell:amina', id: repeat.r.id })).toMatchObject({
      ok: true,
      value: { cleared: false },
    });
    const once = await made();
    expect(await finishReminder(once.deps, { userId: 'shell:amina', id: once.r.id })).toMatchObject({
      ok: true,
      value: { cleared: true },
    });
    expect(await once.deps.reminders.store.get(once.r.id)).toBeUndefined();
    expect(once.deps.reminders.scheduler.at(once.r.id)).toEqual([]);
  });

  it('cancelling removes the record, its job and its series', async () => {
    const { deps, r } = await made('every day at 8pm');
    expect(await cancelReminder(deps, { userId: 'shell:amina', id: r.id })).toMatchObject({ ok: true });
    expect(await deps.reminders.store.get(r.id)).toBeUndefined();
    expect(deps.reminders.scheduler.at(r.id)).toEqual([]);
    expect(deps.reminders.scheduler.series.has(r.id)).toBe(false);
  });

  it('cancelling a deadline step remembers it, so a moved deadline does not bring it back', async () => {
    const deps = fakeDeps();
    const step = reminder('rd', 'shell:amina', 5, { kind: 'deadline', listingId: 'obs-a', offsetDays: 7 });
    await deps.reminders.store.save(step);
    expect(await cancelReminder(deps, { userId: 'shell:amina', id: 'rd' })).toMatchObject({ ok: true });
    expect(await deps.reminders.store.skippedDeadlineSteps('obs-a', 'shell:amina')).toEqual([7]);
  });
});

describe('a member marked undeliverable', () => {
  it('is welcomed back once: the mark is cleared and the reason given', async () => {
    const deps = fakeDeps();
    await deps.userSettings.updateUser('shell:amina', { undeliverable: { since: 1, reason: 'DMs closed' } });
    expect(await welcomeBack(deps, 'shell:amina')).toContain('DMs closed');
    expect((await deps.userSettings.getUser('shell:amina')).undeliverable).toBeUndefined();
    expect(await welcomeBack(deps, 'shell:amina')).toBeUndefined();
  });
});
