import type { Redis } from 'ioredis';
import { afterEach, beforeEach } from 'vitest';
import { Keys } from '../../src/store/keys.ts';
import { cleanupPrefix, testPrefix, testRedis } from '../helpers/redis.ts';

/**
 * One implementation of a port under test: a fresh, empty instance per test,
 * and a way to throw it away. A contract suite gets a factory of these and
 * registers the same tests for the in-memory fake and the Redis store.
 */
export interface Subject<T> {
  readonly store: T;
  dispose(): Promise<void>;
}

/** Makes a fresh {@link Subject} for each test. */
export type Factory<T> = () => Promise<Subject<T>>;

/** A fresh subject before each test, disposed after it; read it with `current()`. */
export function eachTest<T>(make: Factory<T>): () => T {
  let subject: Subject<T> | undefined;
  beforeEach(async () => {
    subject = await make();
  });
  afterEach(async () => {
    await subject?.dispose();
    subject = undefined;
  });
  return () => {
    if (!subject) throw new Error('no subject: call inside a test');
    return subject.store;
  };
}

/** A factory of in-memory subjects (nothing to dispose). */
export function inMemory<T>(build: () => T): Factory<T> {
  return async () => ({ store: build(), async dispose() {} });
}

/** A factory of Redis subjects, each under a key prefix of its own, removed afterwards. */
export function onRedis<T>(build: (redis: Redis, keys: Keys) => T): Factory<T> {
  return async () => {
    const redis = testRedis();
    const prefix = testPrefix();
    return {
      store: build(redis, new Keys(prefix)),
      async dispose() {
        await cleanupPrefix(redis, prefix);
        redis.disconnect();
      },
    };
  };
}
