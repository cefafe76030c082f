import type { Redis } from 'ioredis';
import { customAlphabet } from 'nanoid';
import type { AlertStore, AnnouncementLedger, PostState } from '../core/alerts/alert.port.ts';
import { type Alert, alertSchema } from '../core/alerts/alert.ts';
import type { ListingType } from '../core/opportunities/listing.ts';
import type { Keys } from './keys.ts';

// why: 36^9 ids; the leading `a` keeps them from being all digits and tells them from reminder ids
const randomId = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 9);
/** why: notice claims only guard a job's retries (minutes to an hour); a month is ample and then they go */
const NOTICE_CLAIM_TTL_MS = 30 * 86_400_000;
/** why: records are fetched in pages, so a big community's alerts never make one huge reply */
const FETCH_PAGE = 500;
/** Index key part of alerts that name no listing type. */
const ANY_TYPE = '*';

/** KEYS: member zset, record, community-type set. ARGV: max, id, json, createdAt. 1 added, 0 at the limit. */
const ADD_SCRIPT = `
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[2])
return 1
`;

/** KEYS: record, member zset, community-type set. ARGV: the record as read, id. 1 removed, 0 changed/gone. */
const REMOVE_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('SREM', KEYS[3], ARGV[2])
return 1
`;

/** KEYS: listing's notice hash, member's notice set. ARGV: member, listing, ttl ms. 1 first claim, else 0. */
const CLAIM_SCRIPT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], '1') == 0 then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 1
`;

/** KEYS: the listing's ledger hash. Claims the post (`claimed`) or returns the state already there. */
const CLAIM_POST_SCRIPT = `
if redis.call('HSETNX', KEYS[1], 'post', 'posting') == 1 then return 'claimed' end
return redis.call('HGET', KEYS[1], 'post')
`;

interface AlertScripts {
  announceClaim(key: string): Promise<string>;
  alertAdd(k1: string, k2: string, k3: string, ...args: (string | number)[]): Promise<number>;
  alertRemove(k1: string, k2: string, k3: string, ...args: string[]): Promise<number>;
  alertClaim(k1: string, k2: string, ...args: (string | number)[]): Promise<number>;
}

function withScripts(redis: Redis): Redis & AlertScripts {
  const r = redis as Redis & Partial<AlertScripts>;
  if (!r.alertAdd) {
    redis.defineCommand('alertAdd', { numberOfKeys: 3, lua: ADD_SCRIPT });
    redis.defineCommand('alertRemove', { numberOfKeys: 3, lua: REMOVE_SCRIPT });
    redis.defineCommand('alertClaim', { numberOfKeys: 2, lua: CLAIM_SCRIPT });
    redis.defineCommand('announceClaim', { numberOfKeys: 1, lua: CLAIM_POST_SCRIPT });
  }
  return redis as Redis & AlertScripts;
}

function parseAlert(raw: string | null | undefined): Alert | undefined {
  if (!raw) return undefined;
  const parsed = alertSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Member alerts on Redis, every key under one hash tag (`{alerts}`, one slot
 * on a cluster): a JSON string per alert (`a:<id>`), a sorted set per member
 * (`u:<member>`, by creation), a set per community and type (`c:<community>:<type|*>`)
 * that matching reads, and the notice claims (`n:<listing>`, a hash of
 * members; `un:<member>`, the listings a member was told about, for deletion).
 * Record and indexes change together in one script.
 */
export class RedisAlertStore implements AlertStore {
  private readonly redis: Redis & AlertScripts;

  constructor(
    redis: Redis,
    private readonly keys: Keys,
  ) {
    this.redis = withScripts(redis);
  }

  private k(...parts: string[]): string {
    return this.keys.k('{alerts}', ...parts);
  }

  private indexKey(communityId: string, type: ListingType | undefined): string {
    return this.k('c', communityId, type ?? ANY_TYPE);
  }

  newId(): string {
    return `a${randomId()}`;
  }

  async add(alert: Alert, max: number): Promise<'added' | 'limit'> {
    const added = await this.redis.alertAdd(
      this.k('u', alert.userId),
      this.k('a', alert.id),
      this.indexKey(alert.communityId, alert.filters.type),
      max,
      alert.id,
      JSON.stringify(alert),
      alert.createdAt,
    );
    return added === 1 ? 'added' : 'limit';
  }

  private async records(ids: readonly string[]): Promise<Alert[]> {
    const out: Alert[] = [];
    for (let i = 0; i < ids.length; i += FETCH_PAGE) {
      const page = ids.slice(i, i + FETCH_PAGE).map((id) => this.k('a', id));
      for (const raw of await this.redis.mget(...page)) {
        const a = parseAlert(raw);
        if (a) out.push(a);
      }
    }
    return out;
  }

  async listForUser(userId: string): Promise<Alert[]> {
    return this.records(await this.redis.zrange(this.k('u', userId), '0', '-1'));
  }

  async remove(userId: string, id: string): Promise<Alert | undefined> {
    const raw = await this.redis.get(this.k('a', id));
    const a = parseAlert(raw);
    if (!raw || !a || a.userId !== userId) return undefined;
    const keys = [
      this.k('a', id),
      this.k('u', userId),
      this.indexKey(a.communityId, a.filters.type),
    ] as const;
    return (await this.redis.alertRemove(...keys, raw, id)) === 1 ? a : undefined;
  }

  async candidates(communityId: string, type: ListingType): Promise<Alert[]> {
    const ids = await this.redis.sunion(
      this.indexKey(communityId, type),
      this.indexKey(communityId, undefined),
    );
    return this.records(ids);
  }

  async claimNotice(listingId: string, userId: string): Promise<boolean> {
    const claimed = await this.redis.alertClaim(
      this.k('n', listingId),
      this.k('un', userId),
      userId,
      listingId,
      NOTICE_CLAIM_TTL_MS,
    );
    return claimed === 1;
  }

  async forgetUser(userId: string): Promise<number> {
    const alerts = await this.listForUser(userId);
    const told = await this.redis.smembers(this.k('un', userId));
    const tx = this.redis.multi();
    for (const a of alerts) {
      tx.del(this.k('a', a.id));
      tx.srem(this.indexKey(a.communityId, a.filters.type), a.id);
    }
    for (const listingId of told) tx.hdel(this.k('n', listingId), userId);
    tx.del(this.k('u', userId), this.k('un', userId));
    await tx.exec();
    return alerts.length;
  }
}

/**
 * The announcement ledger on Redis: one hash per listing (`{alerts}:ann:<listing>`)
 * with the channel post's state (`post`, claimed with HSETNX) and whether its
 * alerts were sent (`alerts`). No expiry: it is what keeps a listing from being
 * announced twice, however long it lives.
 */
export class RedisAnnouncementLedger implements AnnouncementLedger {
  private readonly redis: Redis & AlertScripts;

  constructor(
    redis: Redis,
    private readonly keys: Keys,
  ) {
    this.redis = withScripts(redis);
  }

  private key(listingId: string): string {
    return this.keys.k('{alerts}', 'ann', listingId);
  }

  async claimPost(listingId: string): Promise<'claimed' | PostState> {
    return (await this.redis.announceClaim(this.key(listingId))) as 'claimed' | PostState;
  }

  async settlePost(listingId: string, state: Exclude<PostState, 'posting'>): Promise<void> {
    await this.redis.hset(this.key(listingId), 'post', state);
  }

  async releasePost(listingId: string): Promise<void> {
    await this.redis.hdel(this.key(listingId), 'post');
  }

  async state(listingId: string): Promise<{ post?: PostState; alertsDone: boolean }> {
    const [post, alerts] = await this.redis.hmget(this.key(listingId), 'post', 'alerts');
    return { ...(post ? { post: post as PostState } : {}), alertsDone: alerts === '1' };
  }

  async markAlertsDone(listingId: string): Promise<void> {
    await this.redis.hset(this.key(listingId), 'alerts', '1');
  }
}
