import type { ActionDef } from '../commands/command.ts';
import { defineCommand } from '../commands/command.ts';
import { errorReply, type Reply, reply } from '../reply.ts';
import { deleteMemberData, exportMemberData } from './member-data.ts';

/** why: a confirmation button older than 10 minutes is stale; the member should ask again. */
const CONFIRM_TTL_MS = 10 * 60_000;

/** FNV-1a: binds a confirmation to the member who asked (not a secret; the button is private anyway). */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The confirmation payload for a delete requested at `at` by `userId`. */
export function deleteConfirmation(userId: string, at: number): string {
  return `${at.toString(36)}.${fnv(`${userId}|${at}`)}`;
}

/** `/mydata export`: everything stored about the member, as a JSON attachment. */
export const mydataExportCommand = defineCommand({
  name: 'mydata export',
  description: 'Download everything imgbot stores about you, as a JSON file',
  group: 'account',
  permission: 'member',
  personal: true,
  options: {},
  examples: ['/mydata export'],
  async handler(_input, ctx): Promise<Reply> {
    const data = await exportMemberData(ctx.deps, ctx.actor.userId);
    return reply({
      title: 'Your data',
      text:
        `Everything I store about you: ${data.reminders.length} reminders, ${data.tracker.length} tracker entries, ` +
        `${Object.keys(data.deadlineSubscriptions).length} deadline subscriptions, ${data.alerts.length} alerts, ` +
        `${data.listings.length} listings you suggested, posted or decided on, ${data.reports.length} reports, ` +
        `${data.audit.length} audit-log entries about your actions, and your settings (time zone, quiet hours).`,
      attachment: {
        name: 'imgbot-my-data.json',
        mime: 'application/json',
        content: JSON.stringify(data, null, 2),
      },
      ephemeral: true,
    });
  },
});

/** `/mydata delete`: asks for confirmation with a button; nothing is deleted yet. */
export const mydataDeleteCommand = defineCommand({
  name: 'mydata delete',
  description: 'Delete everything imgbot stores about you (asks to confirm first)',
  group: 'account',
  permission: 'member',
  personal: true,
  options: {},
  examples: ['/mydata delete'],
  async handler(_input, ctx): Promise<Reply> {
    return reply({
      title: 'Delete your data?',
      text:
        'This removes your reminders (and their scheduled messages), deadline subscriptions, application tracker, ' +
        'alerts and settings (time zone, quiet hours). Listings you suggested or posted, your reports and the audit log ' +
        'keep their content for moderators but no longer name you. Daily limits (reports, suggestions) still count ' +
        'what you used today. It cannot be undone. Export first with /mydata export if you want a copy. The button works for 10 minutes.',
      actions: [
        {
          action: 'mydata.delete-confirm',
          label: 'Delete everything',
          payload: deleteConfirmation(ctx.actor.userId, ctx.now),
          style: 'danger',
        },
      ],
      ephemeral: true,
    });
  },
});

/** The confirmation button of `/mydata delete`. */
export const mydataDeleteConfirmAction: ActionDef = {
  id: 'mydata.delete-confirm',
  permission: 'member',
  personal: true,
  async handler(payload, ctx): Promise<Reply> {
    const at = Number.parseInt(payload.split('.')[0] ?? '', 36);
    if (!Number.isFinite(at) || payload !== deleteConfirmation(ctx.actor.userId, at)) {
      return errorReply(
        'MYDATA.CONFIRM_INVALID',
        'This button is not yours or is out of date. Run /mydata delete again.',
      );
    }
    if (ctx.now - at > CONFIRM_TTL_MS) {
      return errorReply(
        'MYDATA.CONFIRM_EXPIRED',
        'This confirmation expired after 10 minutes. Run /mydata delete again.',
      );
    }
    const removed = await deleteMemberData(ctx.deps, ctx.actor.userId);
    return reply({
      title: 'Your data is deleted',
      text:
        `Removed ${removed.reminders} reminders, ${removed.trackerEntries} tracker entries, ${removed.alerts} alerts, ` +
        `your deadline subscriptions and settings; ${removed.anonymised} moderation records (listings, reports, audit entries, FAQ changes) ` +
        'no longer name you. If you use imgbot again, it starts fresh.',
      ephemeral: true,
    });
  },
};
