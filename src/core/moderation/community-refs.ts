import { REF_FORMS, REF_NAME } from '../commands/options.ts';
import { platformOf } from '../identity.ts';
import { fail, ok, type Result } from '../result.ts';

const HOW_ON: Readonly<Record<'discord' | 'slack', Record<'role' | 'channel', string>>> = {
  discord: {
    role: 'In Discord, pick the role from the list that opens as you type mod_role: (Discord then sends its id).',
    channel:
      'In Discord, pick the channel from the list that opens as you type announce_channel: (Discord then sends its id).',
  },
  slack: {
    role: 'Slack sent it as plain text, so it is not a user group Slack knows: choose the group from the @ list so it becomes a link, or give its id (S0123ABC).',
    channel:
      'Slack sent it as plain text, so it is not a channel Slack knows (or the bot cannot see it): choose it from the # list so it becomes a link, or give its id (C0123ABC).',
  },
};

const EXAMPLES: Readonly<Record<'discord' | 'slack', Record<'role' | 'channel', string>>> = {
  discord: { role: '<@&123456789012345678>', channel: '<#123456789012345678>' },
  slack: { role: '<!subteam^S0123ABC>', channel: '<#C0123ABC|opportunities>' },
};

/**
 * What a role or channel option names in this community. Ids pass as they
 * are. A name (`@Moderators`, `#opportunities`) is the name itself in the
 * shell, whose local community has no ids; on Discord and Slack a name the
 * platform did not turn into an id cannot be trusted, so the error says how
 * to pick it and lists the accepted forms.
 */
export function resolveCommunityRef(
  option: string,
  kind: 'role' | 'channel',
  value: string,
  communityId: string,
): Result<string> {
  const named = REF_NAME.exec(value);
  if (!named) return ok(value);
  const platform = platformOf(communityId);
  if (platform === 'shell' || platform === undefined) return ok(named[2] ?? value);
  return fail(
    'SETUP.UNRESOLVED_NAME',
    `${option}: ${value} is only a name here. ${HOW_ON[platform][kind]} Accepted: ${REF_FORMS[kind]}. ` +
      `Example: /setup ${option}:${EXAMPLES[platform][kind]}`,
    { option },
  );
}
