import type { Redis } from 'ioredis';
import type { DeliveryLedger } from '../core/reminders/reminder.port.ts';

/** why: far longer than any retry; the worker's stale-occurrence check covers anything older. */
const LEDGER_TTL_MS = 30 * 86_400_000;

// Each script reads and writes one hash field (the occurrence) atomically.
// Values: `claimed|<token>|<ms>`, `sending|<token>|<ms>`, `sent|<ms>`, `failed|<ms>`, `uncertain|<ms>`.
const CLAIM = `
local v = redis.call('HGET', KEYS[1], ARGV[1])
local takeover = ARGV[5] == '1' and v and string.sub(v, 1, 8) == 'sending|'
if v and string.sub(v, 1, 8) ~= 'claimed|' and not takeover then return string.match(v, '^[a-z]+') end
redis.call('HSET', KEYS[1], ARGV[1], 'claimed|' .. ARGV[2] .. '|' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
-- A repeating reminder gains a field per occurrence: forget those older than the TTL.
if redis.call('HLEN', KEYS[1]) > 64 then
  for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
    local n = tonumber(f)
    if n and n < tonumber(ARGV[1]) - tonumber(ARGV[4]) then redis.call('HDEL', KEYS[1], f) end
  end
end
return 'claimed'`;

const MARK_SENDING = `
local v = redis.call('HGET', KEYS[1], ARGV[1])
local mine = 'claimed|' .. ARGV[2] .. '|'
if not v or string.sub(v, 1, #mine) ~= mine then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], 'sending|' .. ARGV[2] .. '|' .. ARGV[3])
return 1`;

const MARK_SENT = `
local v = redis.call('HGET', KEYS[1], ARGV[1]) or ''
local mine = 'sending|' .. ARGV[2] .. '|'
if string.sub(v, 1, #mine) == mine or string.sub(v, 1, 10) == 'uncertain|' then
  redis.call('HSET', KEYS[1], ARGV[1], 'sent|' .. ARGV[3])
  return 1
end
return 0`;

const RELEASE = `
local v = redis.call('HGET', KEYS[1], ARGV[1]) or ''
if string.sub(v, 1, #ARGV[2] + 9) == 'claimed|' .. ARGV[2] .. '|' or string.sub(v, 1, #ARGV[2] + 9) == 'sending|' .. ARGV[2] .. '|' then
  redis.call('HDEL', KEYS[1], ARGV[1])
  return 1
end
return 0`;

const SETTLE = `
local v = redis.call('HGET', KEYS[1], ARGV[1]) or ''
if string.sub(v, 1, 5) == 'sent|' then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

type Script = (key: string, ...args: (string | number)[]) => Promise<unknown>;

/**
 * The at-most-once guard: one Redis hash per reminder, one field per
 * occurrence, every transition a compare-and-set in Lua (run by SHA after the
 * first call, so it costs one round trip).
 */
export class RedisDeliveryLedger implements DeliveryLedger {
  private readonly scripts: Record<'claim' | 'sending' | 'sent' | 'release' | 'settle', Script>;

  constructor(
    private readonly redis: Redis,
    private readonly keyOf: (reminderId: string) => string,
    private readonly now: () => number,
  ) {
    const define = (name: string, lua: string): Script => {
      const command = `imgbotLedger${name}`;
      redis.defineCommand(command, { numberOfKeys: 1, lua });
      const fn = (redis as unknown as Record<string, Script>)[command]!;
      return (key, ...args) => fn.call(redis, key, ...args);
    };
    this.scripts = {
      claim: define('Claim', CLAIM),
      sending: define('Sending', MARK_SENDING),
      sent: define('Sent', MARK_SENT),
      release: define('Release', RELEASE),
      settle: define('Settle', SETTLE),
    };
  }

  async claim(
    reminderId: string,
    at: number,
    token: string,
    opts: { readonly takeOverSending?: boolean } = {},
  ): Promise<'claimed' | 'sending' | 'sent' | 'failed' | 'uncertain'> {
    const takeOver = opts.takeOverSending ? '1' : '0';
    const res = await this.scripts.claim(
      this.keyOf(reminderId),
      at,
      token,
      this.now(),
      LEDGER_TTL_MS,
      takeOver,
    );
    return res as 'claimed' | 'sending' | 'sent' | 'failed' | 'uncertain';
  }

  async markSending(reminderId: string, at: number, token: string): Promise<boolean> {
    return (await this.scripts.sending(this.keyOf(reminderId), at, token, this.now())) === 1;
  }

  async markSent(reminderId: string, at: number, token: string): Promise<void> {
    await this.scripts.sent(this.keyOf(reminderId), at, token, this.now());
  }

  async release(reminderId: string, at: number, token: string): Promise<void> {
    await this.scripts.release(this.keyOf(reminderId), at, token);
  }

  async settle(reminderId: string, at: number, state: 'failed' | 'uncertain'): Promise<void> {
    await this.scripts.settle(this.keyOf(reminderId), at, state, this.now(), LEDGER_TTL_MS);
  }

  async state(reminderId: string, at: number): Promise<string | undefined> {
    const v = await this.redis.hget(this.keyOf(reminderId), String(at));
    return v?.split('|')[0];
  }
}
