import { defineCommand } from '../commands/command.ts';
import { type Reply, reply } from '../reply.ts';
import { localToday } from './sync-chain.ts';
import { summariseUsce } from './usce.ts';

const weeks = (n: number): string => `${n} week${n === 1 ? '' : 's'}`;

/** `/usce`: a summary of the member's tracked rotations, as programs ask about U.S. clinical experience. */
export const usceCommand = defineCommand({
  name: 'usce',
  description: 'Summarise your tracked U.S. clinical experience: weeks, hands-on, how recent',
  group: 'tracker',
  permission: 'member',
  personal: true,
  options: {},
  examples: ['/usce'],
  async handler(_input, ctx): Promise<Reply> {
    const s = summariseUsce(await ctx.deps.tracker.list(ctx.actor.userId), localToday(ctx.now, ctx.zone));
    if (s.rotations === 0) {
      const planned =
        s.planned > 0 ? ` ${s.planned} accepted rotation${s.planned === 1 ? '' : 's'} start later.` : '';
      return reply({
        title: 'Your U.S. clinical experience',
        text: `No rotations with dates yet.${planned} Add one with /track add program:"..." status:completed rotation_start:2026-01-05 rotation_end:2026-02-01 hands_on:yes.`,
        ephemeral: true,
      });
    }
    const fields = [
      {
        name: 'Total',
        value: `${weeks(s.totalWeeks)} over ${s.rotations} rotation${s.rotations === 1 ? '' : 's'}`,
      },
      { name: 'Hands-on', value: weeks(s.handsOnWeeks), inline: true },
      { name: 'Observational', value: weeks(s.observationalWeeks), inline: true },
      {
        name: 'Recent',
        value: `${s.within12Months} in the last 12 months, ${s.within24Months} in the last 24 months`,
      },
    ];
    if (s.unspecifiedWeeks > 0) {
      fields.splice(3, 0, {
        name: 'Not stated',
        value: `${weeks(s.unspecifiedWeeks)} (set hands_on on those entries)`,
        inline: true,
      });
    }
    if (s.planned > 0)
      fields.push({ name: 'Planned', value: `${s.planned} accepted rotation(s) starting later` });
    return reply({
      title: 'Your U.S. clinical experience',
      text: 'Programs look for recent (last 1-2 years) experience, ideally hands-on; many IMGs aim for 3-6 months in all.',
      fields,
      ephemeral: true,
    });
  },
});
