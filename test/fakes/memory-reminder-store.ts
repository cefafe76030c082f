import { DELIVERED_KEEP_MS } from '../../src/core/reminders/deliver-reminder.ts';
import type { DeliveryLedger, ReminderStore } from '../../src/core/reminders/reminder.port.ts';
import type { Reminder } from '../../src/core/reminders/reminder.ts';
import { idMaker, stored } from './clone.ts';

/**
 * The reminder store in memory, with the Redis store's rules: a delivered
 * reminder is kept for {@link DELIVERED_KEEP_MS} (read on `now`), members'
 * lists are soonest first, deadline subscriptions remember cancelled steps.
 * Held to the Redis store by test/contracts/reminder-store.contract.ts.
 */
export class MemoryReminderStore implements ReminderStore {
  private readonly records = new Map<string, { r: Reminder; until?: number }>();
  private readonly subs = new Map<string, Set<string>>();
  private readonly userSubs = new Map<string, Map<string, string>>();
  private readonly skips = new Map<string, Map<string, number[]>>();
  readonly newId = idMaker('r');

  constructor(private readonly now: () => number = Date.now) {}

  private live(id: string): Reminder | undefined {
    const rec = this.records.get(id);
    if (!rec) return undefined;
    if (rec.until !== undefined && rec.until <= this.now()) {
      this.records.delete(id);
      return undefined;
    }
    return stored(rec.r);
  }

  async save(r: Reminder): Promise<void> {
    this.records.set(r.id, {
      r: stored(r),
      ...(r.status === 'delivered' ? { until: this.now() + DELIVERED_KEEP_MS } : {}),
    });
  }

  async get(id: string): Promise<Reminder | undefined> {
    return this.live(id);
  }

  async getMany(ids: readonly string[]): Promise<(Reminder | undefined)[]> {
    return ids.map((id) => this.live(id));
  }

  async listForUser(userId: string): Promise<Reminder[]> {
    return [...this.records.keys()]
      .map((id) => this.live(id))
      .filter((r): r is Reminder => r?.userId === userId)
      .sort((a, b) => a.fireAt - b.fireAt);
  }

  async countPending(userId: string): Promise<number> {
    return (await this.listForUser(userId)).filter((r) => r.status === 'pending').length;
  }

  async remove(id: string): Promise<Reminder | undefined> {
    const r = this.live(id);
    this.records.delete(id);
    this.ledger?.forget(id);
    return r;
  }

  /** The ledger whose records go with a removed reminder (as the Redis store unlinks the ledger key). */
  ledger?: MemoryDeliveryLedger;

  async scanPending(
    cursor: string,
    count: number,
  ): Promise<{ cursor: string; items: { id: string; fireAt: number }[] }> {
    const pending = [...this.records.values()]
      .filter((x) => x.r.status !== 'delivered')
      .map((x) => ({ id: x.r.id, fireAt: x.r.fireAt }));
    const start = Number(cursor);
    const items = pending.slice(start, start + count);
    const next = start + count >= pending.length ? '0' : String(start + count);
    return { cursor: next, items };
  }

  async subscribeDeadline(listingId: string, userId: string, communityId: string): Promise<boolean> {
    const set = this.subs.get(listingId) ?? new Set<string>();
    this.subs.set(listingId, set);
    const added = !set.has(userId);
    set.add(userId);
    const mine = this.userSubs.get(userId) ?? new Map<string, string>();
    this.userSubs.set(userId, mine);
    mine.set(listingId, communityId);
    this.skips.get(userId)?.delete(listingId);
    return added;
  }

  async unsubscribeDeadline(listingId: string, userId: string): Promise<boolean> {
    const removed = this.subs.get(listingId)?.delete(userId) ?? false;
    this.userSubs.get(userId)?.delete(listingId);
    this.skips.get(userId)?.delete(listingId);
    return removed;
  }

  async skipDeadlineStep(listingId: string, userId: string, offsetDays: number): Promise<void> {
    const mine = this.skips.get(userId) ?? new Map<string, number[]>();
    this.skips.set(userId, mine);
    const steps = new Set(mine.get(listingId) ?? []);
    steps.add(offsetDays);
    mine.set(
      listingId,
      [...steps].sort((a, b) => b - a),
    );
  }

  async skippedDeadlineSteps(listingId: string, userId: string): Promise<number[]> {
    return [...(this.skips.get(userId)?.get(listingId) ?? [])];
  }

  async deadlineSubscribers(listingId: string): Promise<string[]> {
    return [...(this.subs.get(listingId) ?? [])];
  }

  async subscriptionsOf(userId: string): Promise<Record<string, string>> {
    return Object.fromEntries(this.userSubs.get(userId) ?? []);
  }

  async forgetUser(userId: string): Promise<string[]> {
    const ids = [...this.records.values()].filter((x) => x.r.userId === userId).map((x) => x.r.id);
    for (const id of ids) {
      this.records.delete(id);
      this.ledger?.forget(id);
    }
    for (const listingId of this.userSubs.get(userId)?.keys() ?? []) this.subs.get(listingId)?.delete(userId);
    this.userSubs.delete(userId);
    this.skips.delete(userId);
    return ids;
  }
}

type LedgerState = 'claimed' | 'sending' | 'sent' | 'failed' | 'uncertain';

/**
 * The at-most-once delivery ledger in memory: the same compare-and-set
 * transitions as the Redis ledger's scripts (claimed -> sending -> sent;
 * release; settle never overwrites `sent`).
 */
export class MemoryDeliveryLedger implements DeliveryLedger {
  private readonly states = new Map<string, { state: LedgerState; token?: string }>();

  private key(reminderId: string, at: number): string {
    return `${reminderId}|${at}`;
  }

  /** Drops every occurrence of a reminder (its record was removed). */
  forget(reminderId: string): void {
    for (const k of [...this.states.keys()]) if (k.startsWith(`${reminderId}|`)) this.states.delete(k);
  }

  async claim(
    reminderId: string,
    at: number,
    token: string,
    opts: { readonly takeOverSending?: boolean } = {},
  ): Promise<'claimed' | 'sending' | 'sent' | 'failed' | 'uncertain'> {
    const k = this.key(reminderId, at);
    const v = this.states.get(k);
    const takeOver = opts.takeOverSending === true && v?.state === 'sending';
    if (v && v.state !== 'claimed' && !takeOver) return v.state;
    this.states.set(k, { state: 'claimed', token });
    return 'claimed';
  }

  async markSending(reminderId: string, at: number, token: string): Promise<boolean> {
    const k = this.key(reminderId, at);
    const v = this.states.get(k);
    if (v?.state !== 'claimed' || v.token !== token) return false;
    this.states.set(k, { state: 'sending', token });
    return true;
  }

  async markSent(reminderId: string, at: number, token: string): Promise<void> {
    const k = this.key(reminderId, at);
    const v = this.states.get(k);
    if ((v?.state === 'sending' && v.token === token) || v?.state === 'uncertain')
      this.states.set(k, { state: 'sent' });
  }

  async release(reminderId: string, at: number, token: string): Promise<void> {
    const k = this.key(reminderId, at);
    const v = this.states.get(k);
    if ((v?.state === 'claimed' || v?.state === 'sending') && v.token === token) this.states.delete(k);
  }

  async settle(reminderId: string, at: number, state: 'failed' | 'uncertain'): Promise<void> {
    const k = this.key(reminderId, at);
    if (this.states.get(k)?.state === 'sent') return;
    this.states.set(k, { state });
  }

  async state(reminderId: string, at: number): Promise<string | undefined> {
    return this.states.get(this.key(reminderId, at))?.state;
  }
}
