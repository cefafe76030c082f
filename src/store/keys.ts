/**
 * Every Redis key the bot writes starts with the configured prefix
 * (`IMGBOT_PREFIX`, default `imgbot:`), so several bots or test runs can share
 * one Redis and a test can remove exactly its own keys.
 */
export class Keys {
  constructor(readonly prefix: string) {}

  /** Joins parts under the prefix: `k('user', id)` -> `imgbot:user:<id>`. */
  k(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }
}
