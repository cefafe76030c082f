import type { CommandContext } from '../commands/command.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { idOption } from '../commands/options.ts';
import { commandLine, toStoreSearch } from '../opportunities/search-query.ts';
import { type Reply, type ReplyRecord, reply } from '../reply.ts';
import { formatLocal } from '../time/parse-when.ts';
import { addAlert, removeAlert } from './add-alert.ts';
import { type Alert, describeAlert, MAX_ALERTS_PER_MEMBER } from './alert.ts';
import { ALERT_EXAMPLE, alertOptions, parseAlertWords } from './alert-options.ts';

/** The autocomplete source of alert ids. */
export const ALERT_ID_SOURCE = 'alert-id';

/** "N open listings already match: /opportunities ..." for a new alert. */
async function alreadyOpen(alert: Alert, ctx: CommandContext): Promise<string> {
  const search = { command: 'opportunities', ...alert.filters };
  const [count] = await ctx.deps.listings.counts(
    [toStoreSearch(search, ctx.deps.settings.listingTimezone)],
    ctx.now,
  );
  if (!count || count.total === 0) return 'No open listing matches it yet.';
  const n = count.exact ? String(count.total) : `${count.total}+`;
  const verb = count.total === 1 && count.exact ? 'listing already matches' : 'listings already match';
  return `${n} open ${verb}: ${commandLine(search)} shows them.`;
}

/** `/alert add`: saves a search as an alert for new listings. */
export const alertAddCommand = defineCommand({
  name: 'alert add',
  description: 'Get a DM when a new listing matching these filters is published here',
  group: 'opportunities',
  permission: 'member',
  personal: true,
  options: alertOptions(),
  examples: [ALERT_EXAMPLE, '/alert add type:observership specialty:IM state:NY free:true'],
  bareWords: { kind: 'parse', parse: parseAlertWords },
  async handler(input, ctx): Promise<Reply> {
    const added = await addAlert(ctx.deps, { by: ctx.actor, at: ctx.now, filters: input });
    if (!added.ok) return failureReply(added);
    const a = added.value;
    return reply({
      title: 'Alert saved',
      text:
        `I will send you a direct message when a new listing for ${describeAlert(a.filters)} is published in this community. ` +
        `${await alreadyOpen(a, ctx)} Stop it with /alert remove id:${a.id}.`,
      ids: [a.id],
      ephemeral: true,
    });
  },
});

function alertRecord(a: Alert, ctx: CommandContext): ReplyRecord {
  const where = a.communityId === ctx.actor.communityId ? '' : ' · made in another community';
  return {
    id: a.id,
    title: describeAlert(a.filters),
    subtitle: `id ${a.id} · since ${formatLocal(a.createdAt, ctx.zone)}${where}`,
  };
}

/** `/alerts`: the member's alerts. */
export const alertsCommand = defineCommand({
  name: 'alerts',
  description: 'List your alerts for new listings',
  group: 'opportunities',
  permission: 'member',
  personal: true,
  options: {},
  examples: ['/alerts'],
  async handler(_input, ctx): Promise<Reply> {
    const alerts = await ctx.deps.alerts.store.listForUser(ctx.actor.userId);
    if (alerts.length === 0) {
      return reply({
        title: 'Your alerts',
        text: `You have no alerts. Add one to get a DM when a matching listing is published, e.g. ${ALERT_EXAMPLE}`,
        ephemeral: true,
      });
    }
    return reply({
      title: 'Your alerts',
      text: `${alerts.length} of at most ${MAX_ALERTS_PER_MEMBER}. Remove one with /alert remove id:<id>.`,
      records: alerts.map((a) => alertRecord(a, ctx)),
      ids: alerts.map((a) => a.id),
      ephemeral: true,
    });
  },
});

/** `/alert remove id:<id>`. */
export const alertRemoveCommand = defineCommand({
  name: 'alert remove',
  description: 'Remove one of your alerts',
  group: 'opportunities',
  permission: 'member',
  personal: true,
  options: {
    id: idOption({
      description: 'The alert id shown by /alerts',
      example: 'a7k2m9qxa1',
      required: true as const,
      autocomplete: ALERT_ID_SOURCE,
    }),
  },
  examples: ['/alert remove id:a7k2m9qxa1'],
  bareWords: { kind: 'rest', option: 'id' },
  async handler(input, ctx): Promise<Reply> {
    const removed = await removeAlert(ctx.deps, { userId: ctx.actor.userId, id: input.id });
    if (!removed.ok) return failureReply(removed);
    return reply({
      title: 'Alert removed',
      text: `No more messages for ${describeAlert(removed.value.filters)}.`,
      ids: [removed.value.id],
      ephemeral: true,
    });
  },
});
