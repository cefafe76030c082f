/**
 * Web sessions: the one store the web adapter needs that the core does not
 * have. The runtime passes a Redis implementation (src/store/web-sessions.redis-store.ts);
 * tests may pass the in-memory one below.
 */

/** A community the signed-in person belongs to, as the platform told us at sign-in. */
export interface WebMembership {
  /** `discord:<guild>`, `slack:<team>` or `shell:local`. */
  readonly communityId: string;
  readonly name: string;
  /** Manage Server (Discord), workspace admin (Slack), the local operator (shell). */
  readonly platformAdmin: boolean;
  /** Platform role / user-group ids, compared with the community's moderator role by the core. */
  readonly roleIds: readonly string[];
}

/** Who is signed in: a platform identity, so the web shows the same data as chat. */
export interface WebSession {
  /** `discord:<id>`, `slack:<team>:<user>` or `shell:<name>`. */
  readonly userId: string;
  readonly displayName: string;
  readonly via: 'local' | 'discord' | 'slack';
  readonly memberships: readonly WebMembership[];
  readonly createdAt: number;
}

/** Sessions by an unguessable id, expiring `ttlMs` after sign-in (signing out removes one at once). */
export interface WebSessionStore {
  save(id: string, session: WebSession, ttlMs: number): Promise<void>;
  get(id: string): Promise<WebSession | undefined>;
  remove(id: string): Promise<void>;
}

/** Sessions in memory (tests and single-process development). */
export class MemorySessionStore implements WebSessionStore {
  private readonly items = new Map<string, { session: WebSession; until: number }>();
  async save(id: string, session: WebSession, ttlMs: number): Promise<void> {
    this.items.set(id, { session, until: Date.now() + ttlMs });
  }
  async get(id: string): Promise<WebSession | undefined> {
    const hit = this.items.get(id);
    return hit && hit.until > Date.now() ? hit.session : undefined;
  }
  async remove(id: string): Promise<void> {
    this.items.delete(id);
  }
}
