import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { Keys } from './keys.ts';

/**
 * Bolt's installation store on Redis, for multi-workspace installs through
 * OAuth: one JSON value per workspace (`slack:install:T<id>`) or per
 * Enterprise Grid org install (`slack:install:E<id>`). The value holds the
 * bot token, so the Redis it lives in must be private (ACL/TLS in production).
 */
export class RedisInstallationStore implements InstallationStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  private key(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): string {
    if (query.isEnterpriseInstall && query.enterpriseId)
      return this.keys.k('slack', 'install', `E${query.enterpriseId}`);
    if (query.teamId) return this.keys.k('slack', 'install', `T${query.teamId}`);
    throw new Error('A Slack installation needs a team id (or an enterprise id for org-wide installs)');
  }

  async storeInstallation<V extends 'v1' | 'v2'>(installation: Installation<V, boolean>): Promise<void> {
    const key = this.key({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    await this.redis.set(key, JSON.stringify(installation));
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const raw = await this.redis.get(this.key(query));
    if (raw === null)
      throw new Error(`No Slack installation for ${query.enterpriseId ?? ''}${query.teamId ?? ''}`);
    return JSON.parse(raw) as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.redis.unlink(this.key(query));
  }

  /** The bot token of a workspace, or undefined when the app is not installed there. */
  async botToken(teamId: string): Promise<string | undefined> {
    const raw = await this.redis.get(this.key({ teamId }));
    if (raw === null) return undefined;
    return (JSON.parse(raw) as Installation).bot?.token;
  }
}
