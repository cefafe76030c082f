import { describe, expect, it } from 'vitest';
import { normalizeApiUrl } from '../../src/bots/discord/discord-client.ts';

describe('normalizeApiUrl', () => {
  it.each([
    ['https://discord.com/api', 'https://discord.com/api'],
    ['https://discord.com/api/', 'https://discord.com/api'],
    ['https://discord.com/api/v10', 'https://discord.com/api'],
    ['https://discord.com/api/v10/', 'https://discord.com/api'],
    ['http://127.0.0.1:4000/api', 'http://127.0.0.1:4000/api'],
    ['https://proxy.example.org/discord/api/v9', 'https://proxy.example.org/discord/api'],
  ])('GIVEN %s THEN %s (discord.js appends /v10 itself)', (given, expected) => {
    expect(normalizeApiUrl(given)).toBe(expected);
  });
});
