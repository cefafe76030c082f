import pino from 'pino';
import { type App, createApp } from '../../src/app.ts';
import { loadFaqFiles } from '../../src/config/faq-files.ts';
import { settingsFileSchema } from '../../src/config/settings-file.ts';
import type { InvocationEnv } from '../../src/core/commands/dispatch.ts';
import type { Actor } from '../../src/core/identity.ts';
import type { Clock } from '../../src/core/ports/clock.port.ts';
import { cleanupPrefix, TEST_REDIS_URL, testPrefix } from './redis.ts';

const shippedFaq = await loadFaqFiles(new URL('../../config/faq', import.meta.url).pathname);
if (!shippedFaq.ok) throw new Error(shippedFaq.message);
/** The FAQ entries shipped in config/faq, as the app boots with them. */
export const SHIPPED_FAQ = shippedFaq.value;

/** A clock tests move by hand (one class for the Redis-backed and the in-memory tests). */
export { FakeClock } from '../fakes/fake-clock.ts';

export interface TestApp extends App {
  /** Removes every key this app wrote and closes its connections. */
  dispose(): Promise<void>;
  /** An invocation env for a member (or moderator) of the test community. */
  as(name: string, opts?: { moderator?: boolean; platform?: 'shell' | 'discord' | 'slack' }): InvocationEnv;
}

/** The core wired to real Redis under a unique prefix. */
export function createTestApp(opts: { clock?: Clock; settings?: Record<string, unknown> } = {}): TestApp {
  const prefix = testPrefix();
  const app = createApp({
    redisUrl: TEST_REDIS_URL,
    prefix,
    settings: settingsFileSchema.parse(opts.settings ?? {}),
    logger: pino({ level: 'silent' }),
    clock: opts.clock,
    faqEntries: SHIPPED_FAQ,
  });
  return {
    ...app,
    async dispose() {
      await cleanupPrefix(app.redis, prefix);
      await app.close();
    },
    as(name, o = {}) {
      const actor: Actor = {
        userId: `${o.platform ?? 'shell'}:${name}`,
        communityId:
          o.platform === 'discord' ? 'discord:guild1' : o.platform === 'slack' ? 'slack:T1' : 'shell:local',
        displayName: name,
        platformAdmin: o.moderator ?? false,
        roleIds: [],
      };
      return { actor, deps: app.deps, registry: app.registry };
    },
  };
}
