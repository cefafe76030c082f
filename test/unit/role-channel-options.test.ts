import { describe, expect, it } from 'vitest';
import { channelOption, roleOption } from '../../src/core/commands/options.ts';

const role = roleOption({ description: 'role', example: '123' });
const channel = channelOption({ description: 'channel', example: '123' });

describe('roleOption', () => {
  it.each([
    ['123456789012345678', '123456789012345678'],
    ['<@&123456789012345678>', '123456789012345678'],
    ['<!subteam^S0123ABC|@mods>', 'S0123ABC'],
    ['<!subteam^S0123ABC>', 'S0123ABC'],
    [' mods ', 'mods'],
    ['@Moderators', '@Moderators'],
    [' @img-mods ', '@img-mods'],
  ])('GIVEN %j THEN the bare id (or the name, for the community to resolve) %j', (given, id) => {
    expect(role.schema.parse(given)).toBe(id);
  });

  it.each([['<@123>'], ['@everyone'], ['@here'], ['#Moderators'], ['two words'], ['']])(
    'GIVEN %j THEN it is refused',
    (given) => {
      const parsed = role.schema.safeParse(given);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/must be a role: .*@Moderators \(shell/);
    },
  );
});

describe('channelOption', () => {
  it.each([
    ['123456789012345678', '123456789012345678'],
    ['<#123456789012345678>', '123456789012345678'],
    ['<#C0123ABC|general>', 'C0123ABC'],
    ['<#C0123ABC>', 'C0123ABC'],
    ['<#C0123ABC|>', 'C0123ABC'],
    ['#opportunities', '#opportunities'],
  ])('GIVEN %j THEN the bare id (or the name) %j', (given, id) => {
    expect(channel.schema.parse(given)).toBe(id);
  });

  it.each([['#general channel'], ['<@&123456789012345678>'], ['@opportunities'], ['#channel']])(
    'GIVEN %j THEN it is refused',
    (given) => {
      expect(channel.schema.safeParse(given).success).toBe(false);
    },
  );

  it('GIVEN the kinds THEN adapters can map them to role/channel types', () => {
    expect([role.kind, channel.kind]).toEqual(['role', 'channel']);
  });
});
