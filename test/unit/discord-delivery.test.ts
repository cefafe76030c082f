import { ApplicationCommandType, DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { diffCommands, formatDeployReport } from '../../src/bots/discord/deploy-commands.ts';
import { deliveryOutcome } from '../../src/bots/discord/discord-notifier.ts';

const apiError = (status: number, code: number, message = 'x') =>
  new DiscordAPIError({ code, message }, code, status, 'POST', 'https://discord.test/api/v10/x', {
    body: {},
  });

describe('deliveryOutcome', () => {
  it.each([
    ['403 50007 DMs closed', apiError(403, 50007), true],
    ['404 10013 unknown user', apiError(404, 10013), true],
    ['404 10003 channel deleted', apiError(404, 10003), true],
    ['403 50013 missing permissions', apiError(403, 50013), true],
    ['400 50035 invalid form body', apiError(400, 50035), true],
    ['401 bad token (operator problem, not the member)', apiError(401, 0), false],
    ['500 from Discord', new HTTPError(502, 'Bad Gateway', 'POST', 'u', { body: {} }), false],
    ['a network error', new Error('ECONNRESET'), false],
  ])('GIVEN %s THEN permanent is %s', (_what, err, permanent) => {
    expect(deliveryOutcome(err)).toMatchObject({ ok: false, permanent });
  });

  it('GIVEN a 429 rejected by the REST client THEN transient with Discord’s retry-after', () => {
    const err = new RateLimitError({
      timeToReset: 1_500,
      limit: 5,
      method: 'POST',
      hash: 'h',
      url: 'u',
      route: '/channels/:id/messages',
      majorParameter: '1',
      global: false,
      retryAfter: 1_550,
      sublimitTimeout: 0,
      scope: 'user',
    });
    expect(deliveryOutcome(err)).toEqual({
      ok: false,
      permanent: false,
      reason: 'rate limited on /channels/:id/messages',
      retryAfterMs: 1_550,
    });
  });
});

describe('diffCommands', () => {
  const registered = [
    // What Discord answers: ids, versions and defaults we never send.
    {
      id: '1',
      application_id: '9',
      version: '3',
      type: ApplicationCommandType.ChatInput,
      name: 'faq',
      description: 'Ask',
      default_member_permissions: null,
      nsfw: false,
      contexts: null,
      options: [{ type: 3, name: 'question', description: 'Q', required: false, autocomplete: true }],
    },
    {
      id: '2',
      type: ApplicationCommandType.ChatInput,
      name: 'old',
      description: 'Gone',
      default_member_permissions: null,
    },
    {
      id: '3',
      type: ApplicationCommandType.ChatInput,
      name: 'setup',
      description: 'Setup',
      default_member_permissions: null,
    },
    { id: '4', type: ApplicationCommandType.Message, name: 'Remind me about this', description: '' },
  ];

  it('GIVEN Discord’s echo of the same command THEN unchanged; new, edited and missing ones are reported', () => {
    const diff = diffCommands(registered, [
      {
        name: 'faq',
        description: 'Ask',
        options: [{ type: 3, name: 'question', description: 'Q', autocomplete: true }],
      },
      { name: 'setup', description: 'Setup', default_member_permissions: '32' },
      { name: 'help', description: 'Help' },
      { type: ApplicationCommandType.Message, name: 'Remind me about this' },
    ]);
    expect(diff).toEqual({
      added: ['/help'],
      changed: ['/setup'],
      removed: ['/old'],
      unchanged: ['/faq', 'Remind me about this'],
    });
  });

  it('GIVEN a report THEN the CLI prints each change', () => {
    const text = formatDeployReport({
      scope: 'guild 123',
      added: ['/help'],
      changed: [],
      removed: ['/old'],
      unchanged: ['/faq'],
      sent: true,
    });
    expect(text).toBe(
      'Discord commands (guild 123):\n  added (1): /help\n  removed (1): /old\n  unchanged: 1',
    );
  });
});
