import { callerOf } from '../caller.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { choiceOption, stringOption } from '../commands/options.ts';
import { type Reply, type ReplyField, reply } from '../reply.ts';
import { formatDuration, formatLocal } from '../time/parse-when.ts';
import { createReminder } from './create-reminder.ts';
import { describeRepeat } from './describe-reminder.ts';
import { REPEATS } from './reminder.ts';
import { welcomeBack } from './welcome-back.ts';

/** `/remind when:<text> what:<text> [repeat:daily|weekdays|weekly|fortnightly|monthly]`; `when` may say the repeat in words. */
export const remindCommand = defineCommand({
  name: 'remind',
  description: 'Set a reminder, e.g. when:"next Friday 9am" what:"email Dr. Rivera"',
  group: 'reminders',
  permission: 'member',
  personal: true,
  options: {
    when: stringOption({
      description: 'When, in your zone: "next Friday 9am", "in 2 weeks", "every monday 8am", "weekdays at 7"',
      example: 'tomorrow 18:00',
      required: true as const,
      maxLength: 100,
    }),
    what: stringOption({
      description: 'What to remind you of',
      example: 'email Dr. Rivera',
      required: true as const,
      maxLength: 300,
    }),
    repeat: choiceOption({
      description: 'Repeat it (or say so in when: "every day at 21:00", "every 2 weeks on friday")',
      example: 'weekly',
      choices: REPEATS,
    }),
  },
  // Rich adapters ask in a form when /remind comes without its options.
  form: { title: 'Set a reminder', inputs: ['when', 'what', 'repeat'] },
  examples: [
    '/remind when:"in 2 weeks" what:"follow up with Mercy Hospital"',
    '/remind when:"next Friday 9am" what:"send CV to Dr. Rivera"',
    '/remind when:"tomorrow 18:00" what:"study block" repeat:daily',
    '/remind when:"every monday 8am" what:"check new externship listings"',
    '/remind when:"weekdays at 7" what:"UWorld block"',
  ],
  async handler(input, ctx): Promise<Reply> {
    const created = await createReminder(ctx.deps, {
      ...callerOf(ctx),
      when: input.when,
      what: input.what,
      repeat: input.repeat,
    });
    if (!created.ok) return failureReply(created);
    const { reminder: r, note } = created.value;
    const fields: ReplyField[] = [
      { name: 'When', value: `${formatLocal(r.dueAt, ctx.zone)}, in ${formatDuration(r.dueAt - ctx.now)}` },
    ];
    if (r.fireAt !== r.dueAt) {
      fields.push({
        name: 'Delivered',
        value: `${formatLocal(r.fireAt, ctx.zone)}, when your quiet hours end`,
      });
    }
    const repeat = describeRepeat(r, ctx.zone);
    if (repeat) fields.push({ name: 'Repeats', value: `${repeat} (your time, ${ctx.zone})` });
    fields.push({
      name: 'Id',
      value: `${r.id} (change with /reminder-edit id:${r.id} when:"friday 9am", cancel with /reminder-cancel id:${r.id})`,
    });
    const notes = [note, await welcomeBack(ctx.deps, ctx.actor.userId)].filter(Boolean).join(' ');
    return reply({
      title: 'Reminder set',
      text: `I will remind you by direct message: "${r.text}".${notes ? ` ${notes}` : ''}`,
      fields,
      ids: [r.id],
      ephemeral: true,
    });
  },
});
