import type { Redis } from 'ioredis';
import type {
  FaqFeedbackStore,
  FaqGap,
  FaqVote,
  GapLimits,
  VoteCounts,
} from '../core/faq/faq-feedback.port.ts';
import type { Keys } from './keys.ts';

/**
 * Adds a gap and trims the log in one step. KEYS: zset (id by time), hash
 * (id -> JSON), counter. ARGV: JSON without id, time, oldest time kept, max.
 * Returns the new id.
 */
const ADD_GAP = `
local n = redis.call('INCR', KEYS[3])
local id = 'g' .. string.format('%x', n)
-- why not cjson: it would turn an empty list into {}; the id is spliced into the caller's JSON object instead
redis.call('ZADD', KEYS[1], ARGV[2], id)
redis.call('HSET', KEYS[2], id, '{"id":"' .. id .. '",' .. string.sub(ARGV[1], 2))
local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
local over = redis.call('ZCARD', KEYS[1]) - #old - tonumber(ARGV[4])
if over > 0 then
  local extra = redis.call('ZRANGE', KEYS[1], #old, #old + over - 1)
  for i = 1, #extra do old[#old + 1] = extra[i] end
end
for i = 1, #old do
  redis.call('ZREM', KEYS[1], old[i])
  redis.call('HDEL', KEYS[2], old[i])
end
return id
`;

/**
 * Records a vote, replacing the voter's earlier one. KEYS: voters hash
 * (voter -> up|down), counts hash (up, down). ARGV: voter, vote. Returns
 * up, down, changed (0/1).
 */
const VOTE = `
local before = redis.call('HGET', KEYS[1], ARGV[1])
local changed = 0
if before ~= ARGV[2] then
  changed = 1
  if before then redis.call('HINCRBY', KEYS[2], before, -1) end
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
end
return {tonumber(redis.call('HGET', KEYS[2], 'up') or '0'), tonumber(redis.call('HGET', KEYS[2], 'down') or '0'), changed}
`;

interface FeedbackScripts {
  faqGapAdd(
    zset: string,
    hash: string,
    counter: string,
    json: string,
    at: number,
    since: number,
    max: number,
  ): Promise<string>;
  faqVote(voters: string, counts: string, voter: string, vote: string): Promise<[number, number, number]>;
}

/**
 * The FAQ's gap log and answer votes on Redis, per community, each under one
 * hash tag so its multi-key scripts stay in one cluster slot:
 * `{faqfb:<community>}:gaps` (ZSET id by time), `:gap` (HASH id -> JSON),
 * `:gapn` (counter), `:votes` (SET of entry ids with votes),
 * `:v:<entry>` (HASH voter -> up|down) and `:n:<entry>` (HASH up, down).
 */
export class RedisFaqFeedbackStore implements FaqFeedbackStore {
  private readonly redis: Redis & FeedbackScripts;

  constructor(
    redis: Redis,
    private readonly keys: Keys,
  ) {
    const r = redis as Redis & Partial<FeedbackScripts>;
    if (!r.faqGapAdd) {
      redis.defineCommand('faqGapAdd', { numberOfKeys: 3, lua: ADD_GAP });
      redis.defineCommand('faqVote', { numberOfKeys: 2, lua: VOTE });
    }
    this.redis = redis as Redis & FeedbackScripts;
  }

  private key(communityId: string, ...parts: string[]): string {
    return this.keys.k(`{faqfb:${communityId}}`, ...parts);
  }

  async addGap(gap: Omit<FaqGap, 'id'>, limits: GapLimits): Promise<string> {
    const c = gap.communityId;
    return this.redis.faqGapAdd(
      this.key(c, 'gaps'),
      this.key(c, 'gap'),
      this.key(c, 'gapn'),
      JSON.stringify(gap),
      gap.at,
      gap.at - limits.retentionMs,
      limits.max,
    );
  }

  async gaps(communityId: string, since: number): Promise<unknown[]> {
    const ids = await this.redis.zrevrangebyscore(this.key(communityId, 'gaps'), '+inf', since);
    if (ids.length === 0) return [];
    const raw = await this.redis.hmget(this.key(communityId, 'gap'), ...ids);
    return raw.flatMap((json) => {
      if (json === null) return [];
      try {
        return [JSON.parse(json) as unknown];
      } catch {
        return [];
      }
    });
  }

  async removeGaps(communityId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const results = await this.redis
      .multi()
      .zrem(this.key(communityId, 'gaps'), ...ids)
      .hdel(this.key(communityId, 'gap'), ...ids)
      .exec();
    return Number(results?.[0]?.[1] ?? 0);
  }

  async vote(
    communityId: string,
    entryId: string,
    voter: string,
    vote: FaqVote,
  ): Promise<VoteCounts & { changed: boolean }> {
    await this.redis.sadd(this.key(communityId, 'votes'), entryId);
    const [up, down, changed] = await this.redis.faqVote(
      this.key(communityId, 'v', entryId),
      this.key(communityId, 'n', entryId),
      voter,
      vote,
    );
    return { up: Number(up), down: Number(down), changed: Number(changed) === 1 };
  }

  async votes(communityId: string): Promise<Map<string, VoteCounts>> {
    const ids = await this.redis.smembers(this.key(communityId, 'votes'));
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hmget(this.key(communityId, 'n', id), 'up', 'down');
    const results = (await pipe.exec()) ?? [];
    const out = new Map<string, VoteCounts>();
    ids.forEach((id, i) => {
      const [err, pair] = results[i] ?? [null, null];
      if (err || !Array.isArray(pair)) return;
      out.set(id, { up: Number(pair[0] ?? 0), down: Number(pair[1] ?? 0) });
    });
    return out;
  }
}
