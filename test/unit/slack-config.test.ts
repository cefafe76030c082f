import { describe, expect, it } from 'vitest';
import { slackOptionsFromEnv } from '../../src/bots/slack/start-slack.ts';
import { parseEnv } from '../../src/config/env.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';

function options(vars: Record<string, string>) {
  const env = parseEnv(vars);
  if (!env.ok) throw new Error(env.message);
  return slackOptionsFromEnv(env.value, silentLogger);
}

const BOT = { SLACK_BOT_TOKEN: 'xoxb-1-2-secret' };

describe('Slack adapter options from the environment', () => {
  it('GIVEN a bot token and signing secret THEN HTTP mode on PORT (default 3000)', () => {
    expect(options({ ...BOT, SLACK_SIGNING_SECRET: 'signing-secret' })).toMatchObject({
      mode: { kind: 'http', signingSecret: 'signing-secret', port: 3000 },
      botToken: 'xoxb-1-2-secret',
    });
    expect(options({ ...BOT, SLACK_SIGNING_SECRET: 'signing-secret', PORT: '8080' }).mode).toMatchObject({
      port: 8080,
    });
  });

  it('GIVEN an app token THEN Socket Mode (even with a signing secret)', () => {
    expect(
      options({ ...BOT, SLACK_APP_TOKEN: 'xapp-1-secret', SLACK_SIGNING_SECRET: 'signing-secret' }).mode,
    ).toMatchObject({ kind: 'socket', appToken: 'xapp-1-secret' });
  });

  it('GIVEN SLACK_CLIENT_ID/SECRET and a state secret THEN OAuth with no single token', () => {
    const o = options({
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret',
      SLACK_SIGNING_SECRET: 'signing-secret',
    });
    expect(o.oauth).toEqual({
      clientId: '1111.2222',
      clientSecret: 'client-secret',
      stateSecret: 'state-secret',
    });
    expect(o.botToken).toBeUndefined();
  });

  it('passes SLACK_API_URL and SLACK_MODERATORS through', () => {
    const o = options({
      ...BOT,
      SLACK_SIGNING_SECRET: 'signing-secret',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      SLACK_MODERATORS: 'U012AB3CD,S0MODS123',
    });
    expect(o.slackApiUrl).toBe('http://127.0.0.1:9/api/');
    expect(o.moderators).toEqual({ users: ['U012AB3CD'], groups: ['S0MODS123'] });
  });

  it.each([
    [
      {
        SLACK_CLIENT_ID: '1111.2222',
        SLACK_CLIENT_SECRET: 'client-secret',
        SLACK_SIGNING_SECRET: 'signing-secret',
      },
      'SLACK_STATE_SECRET is required with SLACK_CLIENT_ID',
    ],
    [
      {
        ...BOT,
        SLACK_CLIENT_ID: '1111.2222',
        SLACK_CLIENT_SECRET: 'client-secret',
        SLACK_STATE_SECRET: 'state-secret',
        SLACK_SIGNING_SECRET: 'signing-secret',
      },
      'not both',
    ],
  ])('GIVEN %j THEN a one-line configuration error', (vars, message) => {
    expect(() => options(vars)).toThrow(message);
  });

  it('GIVEN a malformed SLACK_MODERATORS THEN the environment check names it with an example', () => {
    const env = parseEnv({ SLACK_MODERATORS: 'amina, bob' });
    expect(env.ok).toBe(false);
    expect(!env.ok && env.message).toBe(
      'SLACK_MODERATORS must be Slack user ids (U…) and/or user-group ids (S…), separated by commas (got "amina, bob"). Example: SLACK_MODERATORS=U012AB3CD,S0MODS123',
    );
  });
});
