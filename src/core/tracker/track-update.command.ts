import { callerOf } from '../caller.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { booleanOption, choiceOption, dateOption, idOption } from '../commands/options.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import { chainFields, entryWarnings } from './describe-entry.ts';
import { localToday } from './sync-chain.ts';
import { TRACKER_STATUSES } from './tracker.ts';
import { updateEntry } from './tracker-entries.ts';

/** `/track update id:<id> status:<status> [contacted] [rotation_start] [rotation_end] [hands_on]`. */
export const trackUpdateCommand = defineCommand({
  name: 'track update',
  description: 'Change an application’s status or dates; its reminders follow',
  group: 'tracker',
  permission: 'member',
  personal: true,
  options: {
    id: idOption({
      description: 'The entry id from /track list',
      example: 't4k2m9qx',
      required: true as const,
    }),
    status: choiceOption({ description: 'The new status', example: 'accepted', choices: TRACKER_STATUSES }),
    contacted: dateOption({
      description: 'When you applied or last wrote to them, YYYY-MM-DD',
      example: '2027-01-10',
    }),
    rotation_start: dateOption({
      description: 'First day of the rotation, YYYY-MM-DD',
      example: '2027-03-01',
    }),
    rotation_end: dateOption({ description: 'Last day of the rotation, YYYY-MM-DD', example: '2027-03-28' }),
    hands_on: booleanOption({ description: 'Hands-on (yes) or observational (no)', example: 'yes' }),
  },
  examples: [
    '/track update id:t4k2m9qx status:accepted rotation_start:2027-03-01 rotation_end:2027-03-28',
    '/track update id:t4k2m9qx status:rejected',
  ],
  async handler(input, ctx): Promise<Reply> {
    const fields = {
      status: input.status,
      contacted: input.contacted,
      rotationStart: input.rotation_start,
      rotationEnd: input.rotation_end,
      handsOn: input.hands_on,
    };
    if (Object.values(fields).every((v) => v === undefined)) {
      return errorReply(
        'TRACKER.NOTHING_TO_UPDATE',
        `Say what changed, e.g. /track update id:${input.id} status:applied.`,
      );
    }
    const res = await updateEntry(ctx.deps, { ...callerOf(ctx), id: input.id, fields });
    if (!res.ok) return failureReply(res);
    const { entry, before, chain } = res.value;
    const moved = before.status !== entry.status ? ` Status: ${before.status} -> ${entry.status}.` : '';
    const tail = chain.length > 0 ? ' Scheduled reminders:' : ' No reminders are scheduled for it now.';
    return reply({
      title: 'Tracker updated',
      text: [
        `${entry.program} (id ${entry.id}) updated.${moved}`,
        ...entryWarnings(entry, localToday(ctx.now, ctx.zone)),
      ]
        .join(' ')
        .concat(tail),
      fields: chainFields(chain, ctx.zone, entry),
      ids: [entry.id],
      ephemeral: true,
    });
  },
});
