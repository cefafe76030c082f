import { callerOf } from '../caller.ts';
import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { choiceOption, stringOption } from '../commands/options.ts';
import { type Reply, type ReplyField, reply } from '../reply.ts';
import { formatDuration, formatLocal } from '../time/parse-when.ts';
import { describeRepeat } from './describe-reminder.ts';
import { editReminder } from './edit-reminder.ts';
import { REPEATS } from './reminder.ts';
import { reminderIdOption } from './reminder-autocomplete.ts';

const REPEAT_CHOICES = [...REPEATS, 'none'] as const;

/** `/reminder-edit id:<id> [when] [what] [repeat]`: change or move one of your reminders. */
export const reminderEditCommand = defineCommand({
  name: 'reminder-edit',
  description: 'Change or move one of your reminders: a new time (when), text (what) or repeat',
  group: 'reminders',
  permission: 'member',
  personal: true,
  options: {
    id: reminderIdOption(),
    when: stringOption({
      description: 'New time, in your zone: "friday 9am", "in 2 days", "every monday 8am"',
      example: 'friday 9am',
      maxLength: 100,
    }),
    what: stringOption({ description: 'New text', example: 'email Dr. Rivera', maxLength: 300 }),
    repeat: choiceOption({
      description: 'New repeat, or none to stop repeating',
      example: 'weekly',
      choices: REPEAT_CHOICES,
    }),
  },
  examples: [
    '/reminder-edit id:r7k2m9qxa1 when:"friday 9am"',
    '/reminder-edit id:r7k2m9qxa1 what:"send CV and personal statement to Dr. Rivera"',
    '/reminder-edit id:r7k2m9qxa1 when:"every monday 8am"',
    '/reminder-edit id:r7k2m9qxa1 repeat:none',
  ],
  async handler(input, ctx): Promise<Reply> {
    const res = await editReminder(ctx.deps, {
      ...callerOf(ctx),
      id: input.id,
      edit: { when: input.when, what: input.what, repeat: input.repeat },
    });
    if (!res.ok) return failureReply(res);
    const { before, reminder: r, note } = res.value;
    const fields: ReplyField[] = [
      { name: 'When', value: `${formatLocal(r.dueAt, ctx.zone)}, in ${formatDuration(r.dueAt - ctx.now)}` },
    ];
    if (r.fireAt !== r.dueAt) {
      fields.push({
        name: 'Delivered',
        value: `${formatLocal(r.fireAt, ctx.zone)}, when your quiet hours end`,
      });
    }
    if (before.status === 'pending' && before.fireAt !== r.fireAt) {
      fields.push({ name: 'Was', value: formatLocal(before.fireAt, ctx.zone) });
    }
    const repeat = describeRepeat(r, ctx.zone);
    fields.push({ name: 'Repeats', value: repeat ? `${repeat} (your time, ${ctx.zone})` : 'no' });
    return reply({
      title: 'Reminder changed',
      text: `I will remind you by direct message: "${r.text}".${note ? ` ${note}` : ''}`,
      fields,
      ids: [r.id],
      ephemeral: true,
    });
  },
});
