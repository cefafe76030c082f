import { expect, it } from 'vitest';
import type { DeliveryLedger, ReminderStore } from '../../src/core/reminders/reminder.port.ts';
import { reminder } from './fixtures.ts';
import { eachTest, type Factory } from './harness.ts';

/** What every {@link ReminderStore} does; registers its tests in the caller's describe block. */
export function reminderStoreContract(make: Factory<ReminderStore>): void {
  const store = eachTest(make);

  it('gives fresh ids that are never all digits', () => {
    const ids = new Set(Array.from({ length: 50 }, () => store().newId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]*[a-z][a-z0-9]*$/);
  });

  it('reads back what it saved, one or many in the order asked; unknown ids are undefined', async () => {
    const a = reminder('ra', 'shell:amina', 2, {
      repeat: 'daily',
      wall: { year: 2027, month: 3, day: 1, hour: 14, minute: 0 },
      occurrence: 0,
    });
    const b = reminder('rb', 'shell:amina', 1);
    await store().save(a);
    await store().save(b);
    expect(await store().get('ra')).toEqual(a);
    expect(await store().get('nope')).toBeUndefined();
    expect(await store().getMany(['rb', 'nope', 'ra'])).toEqual([b, undefined, a]);
    expect(await store().getMany([])).toEqual([]);
  });

  it("lists a member's reminders soonest first, nobody else's, and counts the pending ones", async () => {
    await store().save(reminder('r3', 'shell:amina', 3));
    await store().save(reminder('r1', 'shell:amina', 1, { status: 'delivered', deliveredAt: 1 }));
    await store().save(reminder('r2', 'shell:amina', 2));
    await store().save(reminder('rx', 'shell:omar', 0));
    expect((await store().listForUser('shell:amina')).map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(await store().countPending('shell:amina')).toBe(2);
    expect(await store().countPending('shell:nobody')).toBe(0);
  });

  it('replaces a record saved again under its id (a moved reminder is listed once, at its new time)', async () => {
    await store().save(reminder('r1', 'shell:amina', 1));
    await store().save(reminder('r2', 'shell:amina', 2));
    await store().save(reminder('r1', 'shell:amina', 3, { text: 'moved' }));
    const listed = await store().listForUser('shell:amina');
    expect(listed.map((r) => [r.id, r.text])).toEqual([
      ['r2', 'reminder r2'],
      ['r1', 'moved'],
    ]);
  });

  it('removes a record and returns it; removing it again returns undefined', async () => {
    const r = reminder('r1', 'shell:amina', 1);
    await store().save(r);
    expect(await store().remove('r1')).toEqual(r);
    expect(await store().get('r1')).toBeUndefined();
    expect(await store().listForUser('shell:amina')).toEqual([]);
    expect(await store().remove('r1')).toBeUndefined();
  });

  it('pages through every pending reminder with its delivery instant, and no delivered one', async () => {
    for (let i = 0; i < 25; i++) await store().save(reminder(`p${i}`, `shell:m${i % 3}`, i));
    await store().save(reminder('done', 'shell:m0', 1, { status: 'delivered', deliveredAt: 1 }));
    const seen = new Map<string, number>();
    let cursor = '0';
    do {
      const page = await store().scanPending(cursor, 10);
      for (const item of page.items) seen.set(item.id, item.fireAt);
      cursor = page.cursor;
    } while (cursor !== '0');
    expect(seen.size).toBe(25);
    expect(seen.has('done')).toBe(false);
    expect(seen.get('p7')).toBe(reminder('p7', 'x', 7).fireAt);
  });

  it('keeps deadline subscriptions: once per member, with the community, listed both ways', async () => {
    expect(await store().subscribeDeadline('L1', 'shell:amina', 'shell:local')).toBe(true);
    expect(await store().subscribeDeadline('L1', 'shell:amina', 'shell:local')).toBe(false);
    await store().subscribeDeadline('L1', 'discord:9', 'discord:guild1');
    await store().subscribeDeadline('L2', 'shell:amina', 'shell:local');
    expect((await store().deadlineSubscribers('L1')).sort()).toEqual(['discord:9', 'shell:amina']);
    expect(await store().subscriptionsOf('shell:amina')).toEqual({ L1: 'shell:local', L2: 'shell:local' });
    expect(await store().unsubscribeDeadline('L1', 'shell:amina')).toBe(true);
    expect(await store().unsubscribeDeadline('L1', 'shell:amina')).toBe(false);
    expect(await store().deadlineSubscribers('L1')).toEqual(['discord:9']);
    expect(await store().subscriptionsOf('shell:amina')).toEqual({ L2: 'shell:local' });
  });

  it('remembers cancelled deadline steps, largest first, until the member subscribes again', async () => {
    await store().subscribeDeadline('L1', 'shell:amina', 'shell:local');
    await store().skipDeadlineStep('L1', 'shell:amina', 1);
    await store().skipDeadlineStep('L1', 'shell:amina', 14);
    await store().skipDeadlineStep('L1', 'shell:amina', 1);
    expect(await store().skippedDeadlineSteps('L1', 'shell:amina')).toEqual([14, 1]);
    expect(await store().skippedDeadlineSteps('L1', 'shell:omar')).toEqual([]);
    await store().subscribeDeadline('L1', 'shell:amina', 'shell:local');
    expect(await store().skippedDeadlineSteps('L1', 'shell:amina')).toEqual([]);
  });

  it("forgets a member's reminders and subscriptions (returning the ids), and nobody else's", async () => {
    await store().save(reminder('r1', 'shell:amina', 1));
    await store().save(reminder('r2', 'shell:amina', 2));
    await store().save(reminder('r3', 'shell:omar', 3));
    await store().subscribeDeadline('L1', 'shell:amina', 'shell:local');
    await store().subscribeDeadline('L1', 'shell:omar', 'shell:local');
    expect((await store().forgetUser('shell:amina')).sort()).toEqual(['r1', 'r2']);
    expect(await store().get('r1')).toBeUndefined();
    expect(await store().listForUser('shell:amina')).toEqual([]);
    expect(await store().subscriptionsOf('shell:amina')).toEqual({});
    expect(await store().deadlineSubscribers('L1')).toEqual(['shell:omar']);
    expect((await store().get('r3'))?.userId).toBe('shell:omar');
  });
}

/** What every {@link DeliveryLedger} does: the at-most-once guard of one occurrence. */
export function deliveryLedgerContract(make: Factory<DeliveryLedger>): void {
  const ledger = eachTest(make);
  const AT = 1_800_000_000_000;

  it('walks claimed -> sending -> sent, and then refuses every claim', async () => {
    expect(await ledger().state('r1', AT)).toBeUndefined();
    expect(await ledger().claim('r1', AT, 'w1')).toBe('claimed');
    expect(await ledger().state('r1', AT)).toBe('claimed');
    expect(await ledger().markSending('r1', AT, 'w1')).toBe(true);
    expect(await ledger().claim('r1', AT, 'w2')).toBe('sending');
    await ledger().markSent('r1', AT, 'w1');
    expect(await ledger().state('r1', AT)).toBe('sent');
    expect(await ledger().claim('r1', AT, 'w3')).toBe('sent');
    expect(await ledger().claim('r1', AT, 'w3', { takeOverSending: true })).toBe('sent');
  });

  it('lets a later claim take over a claim that never sent, and the first worker then cannot send', async () => {
    expect(await ledger().claim('r1', AT, 'w1')).toBe('claimed');
    expect(await ledger().claim('r1', AT, 'w2')).toBe('claimed');
    expect(await ledger().markSending('r1', AT, 'w1')).toBe(false);
    expect(await ledger().markSending('r1', AT, 'w2')).toBe(true);
  });

  it('takes over an occurrence left sending only when asked to', async () => {
    await ledger().claim('r1', AT, 'w1');
    await ledger().markSending('r1', AT, 'w1');
    expect(await ledger().claim('r1', AT, 'w2')).toBe('sending');
    expect(await ledger().claim('r1', AT, 'w2', { takeOverSending: true })).toBe('claimed');
  });

  it("releases only the releasing worker's claim, so a retry may send", async () => {
    await ledger().claim('r1', AT, 'w1');
    await ledger().release('r1', AT, 'other');
    expect(await ledger().state('r1', AT)).toBe('claimed');
    await ledger().markSending('r1', AT, 'w1');
    await ledger().release('r1', AT, 'w1');
    expect(await ledger().state('r1', AT)).toBeUndefined();
    expect(await ledger().claim('r1', AT, 'w2')).toBe('claimed');
  });

  it('settles failed or uncertain, never over sent; an uncertain one may still be marked sent', async () => {
    await ledger().settle('r1', AT, 'failed');
    expect(await ledger().claim('r1', AT, 'w1')).toBe('failed');
    await ledger().settle('r2', AT, 'uncertain');
    await ledger().markSent('r2', AT, 'any');
    expect(await ledger().state('r2', AT)).toBe('sent');
    await ledger().settle('r2', AT, 'failed');
    expect(await ledger().state('r2', AT)).toBe('sent');
  });

  it('keeps occurrences of one reminder apart', async () => {
    await ledger().claim('r1', AT, 'w1');
    await ledger().markSending('r1', AT, 'w1');
    await ledger().markSent('r1', AT, 'w1');
    expect(await ledger().claim('r1', AT + 86_400_000, 'w1')).toBe('claimed');
  });
}
