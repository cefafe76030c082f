import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enabledPlatforms, parseEnv, SECRET_VARS } from '../../src/config/env.ts';
import { loadSettingsFile } from '../../src/config/settings-file.ts';
import { defaultCoreSettings } from '../../src/core/settings.ts';

function envError(source: Record<string, string>): string {
  const parsed = parseEnv(source);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(source)} to be refused`);
  expect(parsed.code).toBe('CONFIG.ENV');
  return parsed.message;
}

describe('parseEnv', () => {
  it('GIVEN nothing set THEN the documented defaults and no platform', () => {
    const parsed = parseEnv({});
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({
      REDIS_URL: 'redis://127.0.0.1:6379',
      IMGBOT_PREFIX: 'imgbot:',
      IMGBOT_CONFIG_DIR: 'config',
      IMGBOT_DATA_DIR: 'data',
      PORT: 3000,
    });
    expect(parsed.value.DEFAULT_TIMEZONE).toBeUndefined();
    expect(parsed.value.LOG_LEVEL).toBeUndefined(); // info, or warn at an interactive shell prompt
    expect(enabledPlatforms(parsed.value)).toEqual({ discord: false, slack: false });
  });

  it('GIVEN empty strings THEN they count as unset', () => {
    const parsed = parseEnv({ REDIS_URL: '', LOG_LEVEL: '', DISCORD_TOKEN: '', PORT: '' });
    expect(parsed).toMatchObject({
      ok: true,
      value: { REDIS_URL: 'redis://127.0.0.1:6379', LOG_LEVEL: undefined },
    });
  });

  it('GIVEN good values THEN they are used (the prefix gets its colon)', () => {
    const parsed = parseEnv({
      REDIS_URL: 'rediss://user:pw@redis.example.org:6380/2',
      IMGBOT_PREFIX: '{imgbot-prod}',
      DEFAULT_TIMEZONE: 'Asia/Karachi',
      LOG_LEVEL: 'debug',
      PORT: '8080',
    });
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        IMGBOT_PREFIX: '{imgbot-prod}:',
        DEFAULT_TIMEZONE: 'Asia/Karachi',
        LOG_LEVEL: 'debug',
        PORT: 8080,
      },
    });
  });

  it.each<[Record<string, string>, string]>([
    [
      { REDIS_URL: 'localhost:6379' },
      'REDIS_URL must be a redis:// or rediss:// URL (got "localhost:6379"). Example: REDIS_URL=redis://127.0.0.1:6379',
    ],
    [
      { REDIS_URL: 'http://127.0.0.1:6379' },
      'REDIS_URL must be a redis:// or rediss:// URL (got "http://127.0.0.1:6379"). Example: REDIS_URL=redis://127.0.0.1:6379',
    ],
    [
      { HEALTH_PORT: '70000' },
      'HEALTH_PORT must be a port number from 0 to 65535 (got "70000"). Example: HEALTH_PORT=9464',
    ],
    [
      { HEALTH_PORT: 'metrics' },
      'HEALTH_PORT must be a port number from 0 to 65535 (got "metrics"). Example: HEALTH_PORT=9464',
    ],
    [
      { HEALTH_HOST: 'http://0.0.0.0/' },
      'HEALTH_HOST must be a host name or IP address (got "http://0.0.0.0/"). Example: HEALTH_HOST=127.0.0.1',
    ],
    [
      { SHUTDOWN_TIMEOUT_MS: '10s' },
      'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000 (got "10s"). Example: SHUTDOWN_TIMEOUT_MS=10000',
    ],
    [
      { REDIS_WAIT_MS: '-1' },
      'REDIS_WAIT_MS must be a whole number of milliseconds from 0 to 3600000 (got "-1"). Example: REDIS_WAIT_MS=30000',
    ],
    [
      { DEFAULT_TIMEZONE: 'Nowhere/City' },
      'DEFAULT_TIMEZONE must be an IANA time zone name (got "Nowhere/City"). Example: DEFAULT_TIMEZONE=America/New_York',
    ],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud"). Example: LOG_LEVEL=info',
    ],
    [
      { IMGBOT_PREFIX: 'my bot' },
      'IMGBOT_PREFIX must be 1-40 letters, digits, _ . - { } (optionally ending in :) (got "my bot"). Example: IMGBOT_PREFIX=imgbot:',
    ],
    [{ PORT: 'http' }, 'PORT must be a port number from 0 to 65535 (got "http"). Example: PORT=3000'],
    [{ PORT: '70000' }, 'PORT must be a port number from 0 to 65535 (got "70000"). Example: PORT=3000'],
  ])(
    'GIVEN %j THEN one line naming the variable, the problem, the value and an example',
    (source, message) => {
      const text = envError(source);
      expect(text).toBe(message);
      expect(text).not.toContain('\n');
    },
  );

  it.each<[Record<string, string>, string]>([
    [{ DISCORD_TOKEN: 'tiny-secret-value' }, 'DISCORD_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token-secret-value' }, 'SLACK_BOT_TOKEN'],
    [
      { SLACK_APP_TOKEN: 'xoxb-not-an-app-token-secret', SLACK_BOT_TOKEN: 'xoxb-ok-secret' },
      'SLACK_APP_TOKEN',
    ],
    [{ SLACK_SIGNING_SECRET: 'short' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'short' }, 'SLACK_CLIENT_SECRET'],
  ])('GIVEN a malformed secret %j THEN the message names %s but never shows the value', (source, name) => {
    const text = envError(source);
    expect(text.startsWith(`${name} `)).toBe(true);
    expect(text).toContain(`Example: ${name}=`);
    for (const value of Object.values(source)) expect(text).not.toContain(value);
    expect(text).not.toContain('(got');
  });

  it('GIVEN the secret variables THEN the tokens and secrets are all marked secret', () => {
    expect([...SECRET_VARS].sort()).toEqual(
      [
        'DISCORD_CLIENT_SECRET',
        'DISCORD_TOKEN',
        'SLACK_APP_TOKEN',
        'SLACK_BOT_TOKEN',
        'SLACK_CLIENT_SECRET',
        'SLACK_SIGNING_SECRET',
        'SLACK_STATE_SECRET',
        'WEB_SESSION_SECRET',
      ].sort(),
    );
  });

  const DISCORD_TOKEN = 'MTE0NjY.secret-bot-token.abcdefghijklmnop';
  it('GIVEN DISCORD_TOKEN without DISCORD_APPLICATION_ID THEN asks for the id, token not shown', () => {
    const text = envError({ DISCORD_TOKEN });
    expect(text).toBe(
      'DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set. Example: DISCORD_APPLICATION_ID=1234567890123456789',
    );
  });

  it('GIVEN DISCORD_TOKEN and DISCORD_APPLICATION_ID THEN Discord is on', () => {
    const parsed = parseEnv({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: '1234567890123456789' });
    expect(parsed.ok && enabledPlatforms(parsed.value)).toEqual({ discord: true, slack: false });
  });

  it('GIVEN a Slack bot token without signing secret or app token THEN asks for one of them, token not shown', () => {
    const SLACK_BOT_TOKEN = 'xoxb-1111-2222-secretsecret';
    const text = envError({ SLACK_BOT_TOKEN });
    expect(text).toContain('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required');
    expect(text).toContain('Example: SLACK_APP_TOKEN=xapp-');
    expect(text).not.toContain(SLACK_BOT_TOKEN);
  });

  it('GIVEN Slack OAuth client id and secret without signing secret or app token THEN the same message', () => {
    const text = envError({ SLACK_CLIENT_ID: '1234.5678', SLACK_CLIENT_SECRET: 'client-secret-value' });
    expect(text).toContain('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required');
    expect(text).not.toContain('client-secret-value');
  });

  it('GIVEN only one of SLACK_CLIENT_ID / SLACK_CLIENT_SECRET THEN says they go together', () => {
    expect(envError({ SLACK_CLIENT_ID: '1234.5678', SLACK_SIGNING_SECRET: 'signing-secret' })).toBe(
      'SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together; set both or neither.',
    );
  });

  it.each<[Record<string, string>]>([
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'signing-secret' }],
    [{ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-abc' }],
  ])('GIVEN a complete Slack set %j THEN Slack is on', (source) => {
    const parsed = parseEnv(source);
    expect(parsed.ok && enabledPlatforms(parsed.value)).toEqual({ discord: false, slack: true });
  });
});

describe('.env.example', () => {
  const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
  const assignments = text
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
  const source = Object.fromEntries(assignments.map((m) => [m[1], m[2]]));

  it('GIVEN the example file THEN it names every variable imgbot reads, once', () => {
    const all = parseEnv({});
    const known = all.ok ? Object.keys(all.value).sort() : [];
    expect(assignments.map((m) => m[1]).sort()).toEqual(known);
  });

  it('GIVEN the example file copied to .env as it is THEN it is valid and turns on no platform', () => {
    const parsed = parseEnv(source);
    expect(parsed.ok, parsed.ok ? '' : parsed.message).toBe(true);
    expect(parsed.ok && enabledPlatforms(parsed.value)).toEqual({ discord: false, slack: false });
  });

  it('GIVEN the secret variables THEN the example leaves them empty', () => {
    for (const name of SECRET_VARS) expect(source[name], name).toBe('');
  });

  it('GIVEN each variable THEN a comment explains it', () => {
    const lines = text.split('\n');
    for (const m of assignments) {
      const above = lines[lines.indexOf(m[0]) - 1] ?? '';
      expect(above.startsWith('#'), `${m[1]} has no comment above it`).toBe(true);
    }
  });
});

describe('loadSettingsFile', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function dirWith(content?: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'imgbot-config-'));
    dirs.push(dir);
    if (content !== undefined) writeFileSync(join(dir, 'settings.json'), content);
    return dir;
  }

  it('GIVEN no settings.json THEN the defaults', async () => {
    const loaded = await loadSettingsFile(dirWith());
    expect(loaded).toEqual({
      ok: true,
      value: { ...defaultCoreSettings, delivery: { concurrency: 20, maxPerSecond: 40, attempts: 15 } },
    });
  });

  it('GIVEN some values THEN they override the defaults, the rest stays', async () => {
    const loaded = await loadSettingsFile(dirWith('{"pageSize": 8, "delivery": {"attempts": 3}}'));
    expect(loaded).toMatchObject({
      ok: true,
      value: { pageSize: 8, defaultTimezone: 'America/New_York', delivery: { attempts: 3, concurrency: 20 } },
    });
  });

  it('GIVEN the shipped config/settings.json THEN it is valid', async () => {
    const loaded = await loadSettingsFile(new URL('../../config', import.meta.url).pathname);
    expect(loaded.ok, loaded.ok ? '' : loaded.message).toBe(true);
  });

  it.each<[string, string, RegExp]>([
    ['{"pageSize": 5,}', 'bad JSON', /settings\.json: is not valid JSON \(/],
    [
      '{"pageSze": 5}',
      'an unknown key',
      /settings\.json: \(top level\) Unrecognized key: "pageSze"\. Example: \{/,
    ],
    [
      '{"delivery": {"concurency": 5}}',
      'an unknown nested key',
      /settings\.json: delivery Unrecognized key: "concurency"/,
    ],
    [
      '{"pageSize": 50}',
      'a value out of range',
      /settings\.json: pageSize Too big: expected number to be <=10\. Example/,
    ],
    [
      '{"delivery": {"concurrency": 0}}',
      'a nested value out of range',
      /settings\.json: delivery\.concurrency Too small/,
    ],
    [
      '{"deadlineOffsetsDays": [14, -1]}',
      'a bad list item',
      /settings\.json: deadlineOffsetsDays\.1 Too small/,
    ],
    [
      '{"defaultTimezone": "Mars/Base"}',
      'a bad time zone',
      /settings\.json: defaultTimezone must be an IANA time zone such as America\/New_York\. Example/,
    ],
  ])('GIVEN %j (%s) THEN CONFIG.FILE with the file name and path', async (content, _what, message) => {
    const dir = dirWith(content);
    const loaded = await loadSettingsFile(dir);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.code).toBe('CONFIG.FILE');
    expect(loaded.message.startsWith(join(dir, 'settings.json'))).toBe(true);
    expect(loaded.message).toMatch(message);
    expect(loaded.message).not.toContain('\n');
  });
});
