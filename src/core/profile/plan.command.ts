import { DateTime } from 'luxon';
import { callerOf } from '../caller.ts';
import type { ActionDef, CommandContext } from '../commands/command.ts';
import { defineCommand } from '../commands/command.ts';
import { booleanOption, integerOption } from '../commands/options.ts';
import { errorReply, type Reply, type ReplyField, reply } from '../reply.ts';
import { formatLocal } from '../time/parse-when.ts';
import { localToday } from '../tracker/sync-chain.ts';
import { summariseUsce } from '../tracker/usce.ts';
import { formatPlanDate, type MatchCycle } from './match-cycle.ts';
import {
  buildMatchPlan,
  type Milestone,
  type MilestoneState,
  milestoneReminderAt,
  milestoneState,
} from './match-plan.ts';
import { setPlanReminders } from './plan-reminders.ts';
import { readProfile } from './update-profile.ts';

export const PLAN_REMIND_ACTION = 'plan.remind';

const STATE_MARK: Record<MilestoneState, string> = {
  done: '✓ passed',
  now: '→ now',
  upcoming: 'upcoming',
  late: '⚠ late, if not done yet',
};

function when(m: Milestone): string {
  return m.from ? `${formatPlanDate(m.from)} to ${formatPlanDate(m.by)}` : formatPlanDate(m.by);
}

/** The season for `year`, or an error naming the seasons that are configured. */
function cycleFor(year: number, ctx: CommandContext): MatchCycle | Reply {
  const cycles = ctx.deps.settings.matchCycles;
  const cycle = cycles.find((c) => c.matchYear === year);
  if (cycle) return cycle;
  const known = cycles.map((c) => c.matchYear).join(', ');
  return errorReply(
    'PLAN.NO_CYCLE',
    known
      ? `I have no dates for the Match ${year} season yet; I know ${known}. Example: /plan match_year:${cycles[0]?.matchYear}`
      : `No Match season dates are configured yet; a moderator adds them to config/match-cycles.json.`,
  );
}

/** USCE so far against what the plan asks for: weeks, hands-on share, how recent. */
async function usceField(ctx: CommandContext): Promise<ReplyField> {
  const s = summariseUsce(await ctx.deps.tracker.list(ctx.actor.userId), localToday(ctx.now, ctx.zone));
  if (s.rotations === 0) {
    return {
      name: 'Your U.S. clinical experience',
      value:
        'None tracked yet. Aim for at least 2-3 months (3-6 if you want to be competitive). Track rotations with /track add; /usce sums them up.',
    };
  }
  const share = s.totalWeeks > 0 ? Math.round((100 * s.handsOnWeeks) / s.totalWeeks) : 0;
  const months = (s.totalWeeks / 4.345).toFixed(1); // why: average weeks in a month
  const target =
    s.totalWeeks >= 13 ? 'at or past the usual 3-month mark' : 'below the usual 2-3 months: plan more';
  return {
    name: 'Your U.S. clinical experience',
    value: `${s.totalWeeks} weeks (about ${months} months, ${target}); ${share}% hands-on; ${s.within12Months} weeks in the last 12 months.`,
  };
}

async function showPlan(year: number, ctx: CommandContext): Promise<Reply> {
  const cycle = cycleFor(year, ctx);
  if ('text' in cycle) return cycle;
  const now = DateTime.fromMillis(ctx.now, { zone: ctx.zone });
  const plan = buildMatchPlan(cycle, ctx.zone);
  const fields: ReplyField[] = plan.map((m) => ({
    name: `${m.label} (${STATE_MARK[milestoneState(m, now)]})`,
    value: `${when(m)}. ${m.why}`,
  }));
  fields.push(await usceField(ctx));
  const upcoming = plan.filter((m) => m.actionable && milestoneReminderAt(m, now) !== undefined).length;
  const late = plan.filter((m) => milestoneState(m, now) === 'late').length;
  const lateText =
    late > 0
      ? ` ${late} step${late === 1 ? ' is' : 's are'} past their usual time: do them now if not done yet.`
      : '';
  return reply({
    title: `Your plan for the Match ${year}`,
    text: `Built back from the season's dates.${lateText} Dates: ${cycle.source}`,
    fields,
    actions:
      upcoming > 0
        ? [
            {
              action: PLAN_REMIND_ACTION,
              label: `Remind me of ${upcoming} upcoming step${upcoming === 1 ? '' : 's'}`,
              payload: String(year),
              style: 'primary',
            },
          ]
        : [],
    ephemeral: true,
  });
}

async function remindPlan(year: number, ctx: CommandContext): Promise<Reply> {
  const cycle = cycleFor(year, ctx);
  if ('text' in cycle) return cycle;
  const { created, kept } = await setPlanReminders(ctx.deps, { ...callerOf(ctx), cycle });
  if (created.length === 0) {
    return reply({
      title: 'Plan reminders',
      text:
        kept > 0
          ? `Your ${kept} plan reminder${kept === 1 ? ' is' : 's are'} already set; nothing changed. /reminders lists them.`
          : 'Every step of this plan has passed; there is nothing left to remind you of.',
      ephemeral: true,
    });
  }
  return reply({
    title: 'Plan reminders set',
    text: `I will DM you at each step (${created.length} new${kept > 0 ? `, ${kept} already set` : ''}). /reminders lists them; /reminder-cancel removes one.`,
    fields: created.map((c) => ({ name: c.label, value: formatLocal(c.at, ctx.zone) })),
    ephemeral: true,
  });
}

/** `/plan [match_year:2028] [remind:yes]`: the member's Match timeline, with reminders on one confirmation. */
export const planCommand = defineCommand({
  name: 'plan',
  description: 'Your Match timeline: when to search, finish rotations, ask for letters and apply',
  group: 'account',
  permission: 'member',
  personal: true,
  options: {
    match_year: integerOption({
      description: 'The Match you aim for (default: the one in your /profile)',
      example: '2028',
      min: 2000,
      max: 2100,
    }),
    remind: booleanOption({ description: 'Also set reminders for the upcoming steps', example: 'yes' }),
  },
  examples: ['/plan', '/plan match_year:2028', '/plan remind:yes'],
  async handler(input, ctx): Promise<Reply> {
    const year = input.match_year ?? (await readProfile(ctx.deps, ctx.actor.userId)).matchYear;
    if (year === undefined) {
      return errorReply(
        'PLAN.NO_YEAR',
        'Which Match are you aiming for? Set it once with /profile match_year:2028, or ask for one season: /plan match_year:2028',
      );
    }
    return input.remind ? remindPlan(year, ctx) : showPlan(year, ctx);
  },
});

/** The plan's "Remind me" button: the payload is the Match year. */
export const planRemindAction: ActionDef = {
  id: PLAN_REMIND_ACTION,
  permission: 'member',
  personal: true,
  async handler(payload, ctx) {
    const year = Number(payload);
    if (!/^\d{4}$/.test(payload))
      return errorReply('PLAN.BAD_BUTTON', 'This button is out of date; run /plan again.');
    return remindPlan(year, ctx);
  },
};
