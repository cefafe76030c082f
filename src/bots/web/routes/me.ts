import type { Hono } from 'hono';
import { runCommand } from '../../../core/commands/dispatch.ts';
import { REMINDER_ACTIONS } from '../../../core/reminders/reminder-message.ts';
import { actorIn, currentMembership, envFor, here, respond, type WebEnv } from '../context.ts';
import { buttonForm, commandForm } from '../forms.ts';
import { html } from '../html.ts';
import { renderReply } from '../render-reply.ts';
import { toSignIn } from '../sign-in.ts';

/**
 * My page: the member's reminders (cancel, snooze), tracker, alerts, time
 * zone, quiet hours and their data (export, delete), all through the same
 * commands as in chat, so web and chat always agree.
 */
export function registerMeRoutes(app: Hono<WebEnv>): void {
  app.get('/me', async (c) => {
    const membership = currentMembership(c);
    const actor = membership ? actorIn(c.var.session, membership.communityId) : undefined;
    if (!membership || !actor) return toSignIn(c);
    const env = envFor(c, actor);
    const community = membership.communityId;
    const [reminders, tracker, alerts, zone] = await Promise.all([
      runCommand('reminders', {}, env),
      runCommand('track list', {}, env),
      runCommand('alerts', {}, env),
      runCommand('timezone', {}, env),
    ]);
    const base = { csrf: c.var.csrf, back: here(c), signedIn: true, community, level: 2 as const };
    const body = html`
${renderReply(reminders, {
  ...base,
  recordControls: (r) => html`<div class="actions">
${commandForm(c, { command: 'reminder-cancel', community, button: 'Cancel reminder', fixed: { id: r.id }, style: 'danger', inline: true })}
${buttonForm(c, { action: REMINDER_ACTIONS.snooze60, payload: r.id, community, button: 'Snooze 1 hour', style: 'secondary' })}
</div>`,
})}
${renderReply(tracker, base)}
${renderReply(alerts, {
  ...base,
  recordControls: (r) =>
    html`<div class="actions">${commandForm(c, { command: 'alert remove', community, button: 'Remove alert', fixed: { id: r.id }, style: 'secondary', inline: true })}</div>`,
})}
<section class="reply"><h2>New alert</h2>
${commandForm(c, {
  command: 'alert add',
  community,
  button: 'Add alert',
  inputs: [
    { option: 'specialty', label: 'Specialty', example: 'cardiology' },
    { option: 'state', label: 'State', example: 'NY' },
  ],
})}</section>
${renderReply(zone, base)}
<section class="reply"><h2>Time zone and quiet hours</h2>
${commandForm(c, { command: 'timezone', community, button: 'Set time zone', inputs: [{ option: 'zone', label: 'Time zone (IANA name or city)', example: 'Asia/Karachi', required: true }] })}
${commandForm(c, {
  command: 'quiet-hours',
  community,
  button: 'Set quiet hours',
  inputs: [
    { option: 'from', label: 'Quiet from (HH:mm)', example: '22:00', required: true },
    { option: 'to', label: 'Quiet until (HH:mm)', example: '07:00', required: true },
  ],
})}
${commandForm(c, { command: 'quiet-hours', community, button: 'Turn quiet hours off', fixed: { off: 'yes' }, style: 'secondary' })}
</section>
<section class="reply"><h2>My data</h2>
<p>Download everything imgbot keeps about you, or delete it (you are asked to confirm).</p>
<div class="actions">
${commandForm(c, { command: 'mydata export', community, button: 'Download my data', style: 'secondary', inline: true })}
${commandForm(c, { command: 'mydata delete', community, button: 'Delete my data', style: 'danger', inline: true })}
</div></section>`;
    return respond(c, 'My page', body, { community });
  });
}
