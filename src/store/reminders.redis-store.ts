import type { Redis } from 'ioredis';
import { customAlphabet } from 'nanoid';
import { DELIVERED_KEEP_MS } from '../core/reminders/deliver-reminder.ts';
import type { ReminderStore } from '../core/reminders/reminder.port.ts';
import type { Reminder } from '../core/reminders/reminder.ts';
import type { Keys } from './keys.ts';

// why: 36^9 ids; a leading letter keeps them from being all digits (BullMQ forbids that in job ids).
const randomId = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 9);

/**
 * Reminders in Redis: one JSON string per reminder (`reminder:<id>`), a sorted
 * set per member (`user:<id>:reminders`, by delivery instant), one global sorted
 * set of pending ones (`reminders:pending`, for restart reconciliation) and the
 * deadline subscriptions (a set of members per listing, a hash of listings per member). Record and
 * indexes change together in one MULTI.
 */
export class RedisReminderStore implements ReminderStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  private recordKey(id: string): string {
    return this.keys.k('reminder', id);
  }

  /** The delivery ledger of a reminder (see delivery-ledger.redis-store.ts). */
  ledgerKey(id: string): string {
    return this.keys.k('reminder', id, 'ledger');
  }

  private userKey(userId: string): string {
    return this.keys.k('user', userId, 'reminders');
  }

  private pendingKey(): string {
    return this.keys.k('reminders', 'pending');
  }

  private listingSubsKey(listingId: string): string {
    return this.keys.k('listing', listingId, 'deadline-subscribers');
  }

  private userSubsKey(userId: string): string {
    return this.keys.k('user', userId, 'deadline-subscriptions');
  }

  /** Per member: listing id -> the deadline steps they cancelled, `14,1`. */
  private userSkipsKey(userId: string): string {
    return this.keys.k('user', userId, 'deadline-skips');
  }

  newId(): string {
    return `r${randomId()}`;
  }

  async save(r: Reminder): Promise<void> {
    const tx = this.redis.multi();
    const json = JSON.stringify(r);
    if (r.status === 'delivered') {
      tx.set(this.recordKey(r.id), json, 'PX', DELIVERED_KEEP_MS);
      tx.zrem(this.pendingKey(), r.id);
    } else {
      tx.set(this.recordKey(r.id), json);
      tx.zadd(this.pendingKey(), r.fireAt, r.id);
    }
    tx.zadd(this.userKey(r.userId), r.fireAt, r.id);
    await tx.exec();
  }

  async get(id: string): Promise<Reminder | undefined> {
    const raw = await this.redis.get(this.recordKey(id));
    return raw ? (JSON.parse(raw) as Reminder) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<(Reminder | undefined)[]> {
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => this.recordKey(id)));
    return raws.map((raw) => (raw ? (JSON.parse(raw) as Reminder) : undefined));
  }

  async listForUser(userId: string): Promise<Reminder[]> {
    const ids = await this.redis.zrange(this.userKey(userId), '0', '-1');
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => this.recordKey(id)));
    const out: Reminder[] = [];
    const gone: string[] = [];
    raws.forEach((raw, i) => {
      if (raw) out.push(JSON.parse(raw) as Reminder);
      else gone.push(ids[i]!);
    });
    // Delivered reminders expire on their own; their index entries are dropped here.
    if (gone.length > 0) await this.redis.zrem(this.userKey(userId), ...gone);
    return out.sort((a, b) => a.fireAt - b.fireAt);
  }

  async countPending(userId: string): Promise<number> {
    return (await this.listForUser(userId)).filter((r) => r.status === 'pending').length;
  }

  async remove(id: string): Promise<Reminder | undefined> {
    const r = await this.get(id);
    const tx = this.redis.multi();
    tx.unlink(this.recordKey(id), this.ledgerKey(id));
    tx.zrem(this.pendingKey(), id);
    if (r) tx.zrem(this.userKey(r.userId), id);
    await tx.exec();
    return r;
  }

  async scanPending(
    cursor: string,
    count: number,
  ): Promise<{ cursor: string; items: { id: string; fireAt: number }[] }> {
    const [next, flat] = await this.redis.zscan(this.pendingKey(), cursor, 'COUNT', count);
    const items: { id: string; fireAt: number }[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) items.push({ id: flat[i]!, fireAt: Number(flat[i + 1]) });
    return { cursor: next, items };
  }

  async subscribeDeadline(listingId: string, userId: string, communityId: string): Promise<boolean> {
    const res = await this.redis
      .multi()
      .sadd(this.listingSubsKey(listingId), userId)
      .hset(this.userSubsKey(userId), listingId, communityId)
      .hdel(this.userSkipsKey(userId), listingId)
      .exec();
    return res?.[0]?.[1] === 1;
  }

  async unsubscribeDeadline(listingId: string, userId: string): Promise<boolean> {
    const res = await this.redis
      .multi()
      .srem(this.listingSubsKey(listingId), userId)
      .hdel(this.userSubsKey(userId), listingId)
      .hdel(this.userSkipsKey(userId), listingId)
      .exec();
    return res?.[0]?.[1] === 1;
  }

  async skipDeadlineStep(listingId: string, userId: string, offsetDays: number): Promise<void> {
    const skipped = new Set(await this.skippedDeadlineSteps(listingId, userId));
    skipped.add(offsetDays);
    await this.redis.hset(this.userSkipsKey(userId), listingId, [...skipped].sort((a, b) => b - a).join(','));
  }

  async skippedDeadlineSteps(listingId: string, userId: string): Promise<number[]> {
    const raw = await this.redis.hget(this.userSkipsKey(userId), listingId);
    return raw ? raw.split(',').map(Number).filter(Number.isInteger) : [];
  }

  deadlineSubscribers(listingId: string): Promise<string[]> {
    return this.redis.smembers(this.listingSubsKey(listingId));
  }

  subscriptionsOf(userId: string): Promise<Record<string, string>> {
    return this.redis.hgetall(this.userSubsKey(userId));
  }

  async forgetUser(userId: string): Promise<string[]> {
    const ids = await this.redis.zrange(this.userKey(userId), '0', '-1');
    const listings = Object.keys(await this.subscriptionsOf(userId));
    const tx = this.redis.multi();
    for (const id of ids) {
      tx.unlink(this.recordKey(id), this.ledgerKey(id));
      tx.zrem(this.pendingKey(), id);
    }
    for (const listingId of listings) tx.srem(this.listingSubsKey(listingId), userId);
    tx.unlink(this.userKey(userId), this.userSubsKey(userId), this.userSkipsKey(userId));
    await tx.exec();
    return ids;
  }
}
