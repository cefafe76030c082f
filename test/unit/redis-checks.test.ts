import { describe, expect, it } from 'vitest';
import { judgeRedis } from '../../src/ops/redis-checks.ts';

const WHERE = 'redis://127.0.0.1:6379';

describe('judgeRedis', () => {
  it('GIVEN noeviction and AOF on THEN no problem and no warning', () => {
    expect(judgeRedis({ maxmemoryPolicy: 'noeviction', appendonly: 'yes', save: '' }, WHERE)).toEqual({
      warnings: [],
    });
  });

  it('GIVEN noeviction and snapshots only THEN no warning (data survives a restart)', () => {
    expect(
      judgeRedis({ maxmemoryPolicy: 'noeviction', appendonly: 'no', save: '3600 1' }, WHERE).warnings,
    ).toEqual([]);
  });

  it('GIVEN no persistence at all (as CI runs Redis) THEN a warning with the fix, but start-up goes on', () => {
    const verdict = judgeRedis({ maxmemoryPolicy: 'noeviction', appendonly: 'no', save: '' }, WHERE);
    expect(verdict.problem).toBeUndefined();
    expect(verdict.warnings).toHaveLength(1);
    expect(verdict.warnings[0]).toContain('redis-cli CONFIG SET appendonly yes');
  });

  it.each(['allkeys-lru', 'volatile-lru', 'allkeys-random', 'volatile-ttl'])(
    'GIVEN maxmemory-policy %s THEN start-up stops with the one command and the config line that fix it',
    (policy) => {
      const verdict = judgeRedis({ maxmemoryPolicy: policy, appendonly: 'yes', save: '' }, WHERE);
      expect(verdict.problem).toContain(`maxmemory-policy ${policy}`);
      expect(verdict.problem).toContain('redis-cli CONFIG SET maxmemory-policy noeviction');
      expect(verdict.problem).toContain('"maxmemory-policy noeviction" in redis.conf');
    },
  );
});
