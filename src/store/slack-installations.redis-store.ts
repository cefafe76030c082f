import type { Redis } from 'ioredis';
import type {
  InstallationQuery,
  InstallationRecord,
  InstallationStore,
} from '../core/ports/installation.port.ts';
import type { Keys } from './keys.ts';

/**
 * Slack installations on Redis, for multi-workspace installs through OAuth:
 * one JSON value per workspace (`slack:install:T<id>`) or per Enterprise Grid
 * org install (`slack:install:E<id>`), stored as Slack handed it over. The
 * value holds the bot token, so the Redis it lives in must be private
 * (ACL/TLS in production). The Slack adapter wraps it in Bolt's interface.
 */
export class RedisInstallationStore<T extends InstallationRecord> implements InstallationStore<T> {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  private key(query: InstallationQuery): string {
    if (query.isEnterpriseInstall && query.enterpriseId)
      return this.keys.k('slack', 'install', `E${query.enterpriseId}`);
    if (query.teamId) return this.keys.k('slack', 'install', `T${query.teamId}`);
    throw new Error('A Slack installation needs a team id (or an enterprise id for org-wide installs)');
  }

  async save(installation: T): Promise<void> {
    const key = this.key({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    await this.redis.set(key, JSON.stringify(installation));
  }

  async find(query: InstallationQuery): Promise<T | undefined> {
    const raw = await this.redis.get(this.key(query));
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async remove(query: InstallationQuery): Promise<void> {
    await this.redis.unlink(this.key(query));
  }

  async botToken(teamId: string): Promise<string | undefined> {
    return (await this.find({ teamId }))?.bot?.token;
  }
}
