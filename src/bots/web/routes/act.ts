import type { Hono } from 'hono';
import { runAction, runCommand } from '../../../core/commands/dispatch.ts';
import type { Reply } from '../../../core/reply.ts';
import { actorIn, field, respond, type WebContext, type WebEnv } from '../context.ts';
import { html } from '../html.ts';
import { renderReply } from '../render-reply.ts';
import { safeNext } from '../security.ts';
import { toSignIn } from '../sign-in.ts';

/** The community a form acts in: its `c` field when the person belongs to it, else their first one. */
function actingActor(c: WebContext) {
  const session = c.var.session;
  const wanted = field(c, 'c') || session?.memberships[0]?.communityId || '';
  return actorIn(session, wanted);
}

/** Shows the core's answer to a button or form, with a way back; files are downloaded. */
export async function showResult(c: WebContext, reply: Reply, back: string): Promise<Response> {
  if (reply.attachment && !reply.error) {
    const name = reply.attachment.name.replace(/[^A-Za-z0-9._-]/g, '_');
    return c.body(reply.attachment.content, 200, {
      'Content-Type': `${reply.attachment.mime}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  }
  const status = reply.code === 'PERMISSION.MODERATOR_ONLY' ? 403 : reply.error ? 400 : 200;
  const body = html`${renderReply(reply, {
    csrf: c.var.csrf,
    back,
    signedIn: true,
    hideTitle: true,
    community: field(c, 'c') || undefined,
  })}
<p><a href="${back}">Back</a></p>`;
  return respond(c, reply.title ?? (reply.error ? 'That did not work' : 'Done'), body, { status });
}

/** The option values of a `/run` form: fields named `o.<option>`, empty ones left out. */
function optionsOf(c: WebContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(c.var.form ?? {})) {
    if (!key.startsWith('o.')) continue;
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v === 'string' && v.trim() !== '') out[key.slice(2)] = v.trim();
  }
  return out;
}

/**
 * `POST /act` presses a button of a core reply (action id + payload);
 * `POST /run` runs a command with the form's options. The core checks
 * permissions and validates, exactly as for a chat command.
 */
export function registerActRoutes(app: Hono<WebEnv>): void {
  app.post('/act', async (c) => {
    const back = safeNext(field(c, 'back'), '/me');
    if (!c.var.session) return toSignIn(c, back);
    const actor = actingActor(c);
    if (!actor)
      return respond(c, 'Not a member', html`<p>You are not a member of that community.</p>`, {
        status: 403,
      });
    const reply = await runAction(field(c, 'action'), field(c, 'payload'), { ...c.var.deps.core, actor });
    return showResult(c, reply, back);
  });
  app.post('/run', async (c) => {
    const back = safeNext(field(c, 'back'), '/me');
    if (!c.var.session) return toSignIn(c, back);
    const actor = actingActor(c);
    if (!actor)
      return respond(c, 'Not a member', html`<p>You are not a member of that community.</p>`, {
        status: 403,
      });
    const reply = await runCommand(field(c, 'command'), optionsOf(c), { ...c.var.deps.core, actor });
    return showResult(c, reply, back);
  });
}
