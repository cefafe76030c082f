import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { WebSession, WebSessionStore } from '../bots/web/session.port.ts';
import type { Keys } from './keys.ts';

const membershipSchema = z.object({
  communityId: z.string(),
  name: z.string(),
  platformAdmin: z.boolean(),
  roleIds: z.array(z.string()),
});

const sessionSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  via: z.enum(['local', 'discord', 'slack']),
  memberships: z.array(membershipSchema),
  createdAt: z.number(),
});

/**
 * Web sessions in Redis: one JSON value per session id with a TTL set at
 * sign-in. A value that no longer parses counts as signed out rather than an
 * error.
 */
export class RedisWebSessionStore implements WebSessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  private key(id: string): string {
    return this.keys.k('web', 'session', id);
  }

  async save(id: string, session: WebSession, ttlMs: number): Promise<void> {
    await this.redis.set(this.key(id), JSON.stringify(session), 'PX', ttlMs);
  }

  async get(id: string): Promise<WebSession | undefined> {
    const raw = await this.redis.get(this.key(id));
    if (!raw) return undefined;
    try {
      const parsed = sessionSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async remove(id: string): Promise<void> {
    await this.redis.del(this.key(id));
  }
}
