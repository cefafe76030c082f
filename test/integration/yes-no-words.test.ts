/**
 * Yes/no options typed as plain words in the text syntax (shell, Slack), run
 * through runTextCommand on a real Redis: `/quiet-hours off`, a listing's
 * `/deadline-reminders ... off`, `dm_failure_notice off`, `hands_on yes`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, localDate, reminderHarness, testListing } from './reminder-harness.ts';

let h: Harness;
beforeEach(() => {
  h = reminderHarness();
});
afterEach(async () => {
  await h.close();
});

describe('bare on/off/yes/no words', () => {
  it('GIVEN /quiet-hours off (or no) THEN quiet hours are off; on shows how to set them', async () => {
    for (const word of ['off', 'no', 'OFF']) {
      await h.run('ana', '/quiet-hours from:22:00 to:07:00');
      expect((await h.app.deps.userSettings.getUser('shell:ana')).quietHours).toBeDefined();
      const r = await h.run('ana', `/quiet-hours ${word}`);
      expect(r.title, r.text).toBe('Quiet hours off');
      expect((await h.app.deps.userSettings.getUser('shell:ana')).quietHours).toBeUndefined();
    }
    const on = await h.run('ana', '/quiet-hours on');
    expect(on.error).toBe(false);
    expect(on.text).toContain('Set them with /quiet-hours from:22:00 to:07:00');
  });

  it('GIVEN /deadline-reminders listing:<id> off|no|on|yes THEN reminders switch off and on', async () => {
    const deadline = localDate(Date.now(), 'America/New_York', 30);
    await h.app.deps.listings.save(testListing('mercy-im', deadline, Date.now()));
    const pending = async () =>
      (await h.app.deps.reminders.store.listForUser('shell:ana')).filter((r) => r.status === 'pending');
    for (const [on, off] of [
      ['on', 'off'],
      ['yes', 'no'],
    ] as const) {
      expect((await h.run('ana', `/deadline-reminders listing:mercy-im ${on}`)).error).toBe(false);
      expect(await pending()).toHaveLength(3);
      expect((await h.run('ana', `/deadline-reminders listing:mercy-im ${off}`)).title).toBe(
        'Deadline reminders off',
      );
      expect(await pending()).toEqual([]);
    }
    expect(await h.app.reminderScheduler.queue.getJobCounts('delayed')).toEqual({ delayed: 0 });
  });

  it('GIVEN a yes/no option named without a colon THEN its word is read as its value', async () => {
    const off = await h.run('mod', '/reminder-setup dm_failure_notice off', { moderator: true });
    expect(off.error, off.text).toBe(false);
    expect((await h.app.deps.userSettings.getCommunity('shell:local')).notifyUndeliverableInChannel).toBe(
      false,
    );
    await h.run('mod', '/reminder-setup dm_failure_notice on', { moderator: true });
    expect((await h.app.deps.userSettings.getCommunity('shell:local')).notifyUndeliverableInChannel).toBe(
      true,
    );

    const added = await h.run('ana', '/track add program:"Mercy IM" hands_on yes');
    expect(added.error, added.text).toBe(false);
    const [entry] = await h.app.deps.tracker.list('shell:ana');
    expect(entry?.handsOn).toBe(true);
    await h.run('ana', `/track update id:${entry!.id} hands_on no`);
    expect((await h.app.deps.tracker.get('shell:ana', entry!.id))?.handsOn).toBe(false);
  });

  it('GIVEN an on/off word where the command has no switch THEN it stays part of the text', async () => {
    const r = await h.run('ana', '/remind when:tomorrow 18:00 what:turn the study lamp off');
    expect(r.error, r.text).toBe(false);
    const [rem] = await h.app.deps.reminders.store.listForUser('shell:ana');
    expect(rem?.text).toBe('turn the study lamp off');
    const bad = await h.run('ana', '/quiet-hours off maybe');
    expect(bad).toMatchObject({ error: true, code: 'OPTION.UNEXPECTED_TEXT' });
  });
});
