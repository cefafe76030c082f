import type { Redis } from 'ioredis';
import type { CommunitySettings, SettingsStore, UserSettings } from '../core/ports/settings.port.ts';
import type { Keys } from './keys.ts';

/**
 * Settings live in one Redis hash per member / community, one JSON value per
 * field. A patch is applied in one MULTI (HSET the set fields, HDEL the
 * cleared ones), so two concurrent updates never lose each other's fields.
 */
export class RedisSettingsStore implements SettingsStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  userKey(userId: string): string {
    return this.keys.k('user', userId, 'settings');
  }

  private communityKey(communityId: string): string {
    return this.keys.k('community', communityId, 'settings');
  }

  private async read<T>(key: string): Promise<T> {
    const raw = await this.redis.hgetall(key);
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(raw)) out[field] = JSON.parse(value);
    return out as T;
  }

  private async patch<T>(key: string, patch: Record<string, unknown>): Promise<T> {
    const set: string[] = [];
    const clear: string[] = [];
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined) clear.push(field);
      else set.push(field, JSON.stringify(value));
    }
    const tx = this.redis.multi();
    if (set.length > 0) tx.hset(key, ...set);
    if (clear.length > 0) tx.hdel(key, ...clear);
    tx.hgetall(key);
    const results = await tx.exec();
    const last = results?.[results.length - 1];
    if (!last || last[0]) throw last?.[0] ?? new Error('settings update was aborted');
    const raw = last[1] as Record<string, string>;
    return Object.fromEntries(Object.entries(raw).map(([f, v]) => [f, JSON.parse(v)])) as T;
  }

  getUser(userId: string): Promise<UserSettings> {
    return this.read<UserSettings>(this.userKey(userId));
  }

  updateUser(userId: string, patch: Record<string, unknown>): Promise<UserSettings> {
    return this.patch<UserSettings>(this.userKey(userId), patch);
  }

  async deleteUser(userId: string): Promise<void> {
    await this.redis.unlink(this.userKey(userId));
  }

  getCommunity(communityId: string): Promise<CommunitySettings> {
    return this.read<CommunitySettings>(this.communityKey(communityId));
  }

  updateCommunity(communityId: string, patch: Record<string, unknown>): Promise<CommunitySettings> {
    return this.patch<CommunitySettings>(this.communityKey(communityId), patch);
  }
}
