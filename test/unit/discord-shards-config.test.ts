/**
 * DISCORD_SHARDS / DISCORD_SHARD_IDS as an operator writes them: what each
 * accepted value makes the discord.js client run, and the one-line message
 * (variable, what is wrong, an example) for every value that would otherwise
 * start a bot that misses servers or fails at Discord.
 */
import { describe, expect, it } from 'vitest';
import { shardOptions } from '../../src/bots/discord/discord-client.ts';
import { shardPlanOf } from '../../src/bots/discord/start-discord.ts';
import { parseEnv } from '../../src/config/env.ts';

function shardsOf(source: Record<string, string>) {
  const parsed = parseEnv(source);
  if (!parsed.ok) throw new Error(parsed.message);
  return shardOptions(shardPlanOf(parsed.value));
}

function refusal(source: Record<string, string>): string {
  const parsed = parseEnv(source);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(source)} to be refused`);
  expect(parsed.code).toBe('CONFIG.ENV');
  return parsed.message;
}

describe('DISCORD_SHARDS and DISCORD_SHARD_IDS', () => {
  it.each([
    [{}, {}],
    [{ DISCORD_SHARDS: '' }, {}],
    [{ DISCORD_SHARDS: 'auto' }, { shards: 'auto' }],
    [{ DISCORD_SHARDS: '1' }, { shards: [0], shardCount: 1 }],
    [{ DISCORD_SHARDS: '4' }, { shards: [0, 1, 2, 3], shardCount: 4 }],
    [
      { DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '1' },
      { shards: [1], shardCount: 2 },
    ],
    [
      { DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '0,1' },
      { shards: [0, 1], shardCount: 2 },
    ],
    [
      { DISCORD_SHARDS: '8', DISCORD_SHARD_IDS: '0-3' },
      { shards: [0, 1, 2, 3], shardCount: 8 },
    ],
    [
      { DISCORD_SHARDS: '10', DISCORD_SHARD_IDS: ' 6 , 2-3, 3 ' },
      { shards: [2, 3, 6], shardCount: 10 },
    ],
  ])('GIVEN %j THEN the client runs %j', (source, expected) => {
    expect(shardsOf(source)).toEqual(expected);
  });

  it.each([
    [
      { DISCORD_SHARDS: 'two' },
      'DISCORD_SHARDS must be auto or a whole number of shards from 1 to 99999 (got "two"). Example: DISCORD_SHARDS=auto',
    ],
    [
      { DISCORD_SHARDS: '0' },
      'DISCORD_SHARDS must be auto or a whole number of shards from 1 to 99999 (got "0"). Example: DISCORD_SHARDS=auto',
    ],
    [
      { DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: '0;1' },
      'DISCORD_SHARD_IDS must be shard ids and ranges separated by commas (got "0;1"). Example: DISCORD_SHARD_IDS=0-3,8',
    ],
    [
      { DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: '3-1' },
      'DISCORD_SHARD_IDS must name at least one shard (a range goes from low to high) (got "3-1"). Example: DISCORD_SHARD_IDS=0-3,8',
    ],
    [
      { DISCORD_SHARD_IDS: '0' },
      'DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the total number of shards (got ""): every machine must use the same total. Example: DISCORD_SHARDS=4 DISCORD_SHARD_IDS=0-1',
    ],
    [
      { DISCORD_SHARDS: 'auto', DISCORD_SHARD_IDS: '0' },
      'DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the total number of shards (got "auto"): every machine must use the same total. Example: DISCORD_SHARDS=4 DISCORD_SHARD_IDS=0-1',
    ],
    [
      { DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '1-3' },
      'DISCORD_SHARD_IDS names shards 2, 3, but with DISCORD_SHARDS=2 the ids go from 0 to 1. Example: DISCORD_SHARDS=2 DISCORD_SHARD_IDS=0-1',
    ],
  ])('GIVEN %j THEN refused with %s', (source, message) => {
    expect(refusal(source)).toBe(message);
  });
});
