import type { Reply, ReplyAction, ReplyRecord } from '../../core/reply.ts';
import { html, join, type SafeHtml, textWithLinks } from './html.ts';

/**
 * Renders the core's platform-neutral reply as HTML: title, text (http(s)
 * links only), fields, records, buttons as POST forms to `/act` (with the
 * CSRF token and the page to come back to), footer. Everything user-written
 * goes through the escaping `html` tag.
 */
export interface RenderOptions {
  readonly csrf: string;
  /** The page to come back to after a button is pressed. */
  readonly back: string;
  /** Signed in? Without it, buttons become "sign in" links. */
  readonly signedIn: boolean;
  /** Heading level of the reply title (the page has its own h1). */
  readonly level?: 2 | 3;
  /** A link for a record's title (e.g. the listing page). */
  readonly recordLink?: (record: ReplyRecord) => string | undefined;
  /** Extra controls under a record (e.g. Cancel / Snooze on My page). */
  readonly recordControls?: (record: ReplyRecord) => SafeHtml;
  /** A checkbox (named `name`) for the records `when` accepts, for bulk actions in an enclosing form. */
  readonly select?: { readonly name: string; readonly when: (record: ReplyRecord) => boolean };
  /** Which of the reply's buttons to show as forms (default: all). */
  readonly showAction?: (action: ReplyAction) => boolean;
  /** The community buttons act in (sent with the form). */
  readonly community?: string;
  /** Hide the reply title (the page heading already says it). */
  readonly hideTitle?: boolean;
}

/** One button: a small POST form that runs a core action. */
export function actionForm(
  a: ReplyAction,
  opts: Pick<RenderOptions, 'csrf' | 'back' | 'signedIn' | 'community'>,
): SafeHtml {
  if (!opts.signedIn) {
    return html`<a class="button secondary" href="/login?next=${encodeURIComponent(opts.back)}">Sign in to ${a.label.toLowerCase()}</a>`;
  }
  return html`<form method="post" action="/act">
<input type="hidden" name="_csrf" value="${opts.csrf}">
<input type="hidden" name="action" value="${a.action}">
<input type="hidden" name="payload" value="${a.payload}">
<input type="hidden" name="back" value="${opts.back}">
${opts.community ? html`<input type="hidden" name="c" value="${opts.community}">` : ''}
<button type="submit" class="${a.style ?? 'primary'}">${a.label}</button>
</form>`;
}

function fieldList(fields: Reply['fields']): SafeHtml {
  if (fields.length === 0) return html``;
  return html`<dl class="fields">${fields.map((f) => html`<dt>${f.name}</dt><dd>${textWithLinks(f.value)}</dd>`)}</dl>`;
}

function recordItem(r: ReplyRecord, opts: RenderOptions): SafeHtml {
  const link = opts.recordLink?.(r);
  const h = opts.level === 3 ? 4 : 3;
  const title = link ? html`<a href="${link}">${r.title}</a>` : html`${r.title}`;
  const check =
    opts.select?.when(r) === true
      ? html`<label class="check"><input type="checkbox" name="${opts.select.name}" value="${r.id}"> Select “${r.title}”</label>`
      : '';
  return html`<li id="r-${r.id}">
${check}
<h${h} style="font-size:1.05rem;margin:0">${title}</h${h}>
${r.subtitle ? html`<p class="sub">${r.subtitle}</p>` : ''}
${r.text ? html`<p>${textWithLinks(r.text)}</p>` : ''}
${fieldList(r.fields ?? [])}
${opts.recordControls?.(r) ?? ''}
</li>`;
}

/** The whole reply as a section. */
export function renderReply(reply: Reply, opts: RenderOptions): SafeHtml {
  const level = opts.level ?? 2;
  const title = reply.title && !opts.hideTitle ? html`<h${level}>${reply.title}</h${level}>` : '';
  const actions = reply.actions.filter((a) => opts.showAction?.(a) ?? true);
  return html`<section class="reply${reply.error ? ' error' : ''}"${reply.error ? html` role="alert"` : ''}>
${title}
<p>${textWithLinks(reply.text)}</p>
${fieldList(reply.fields)}
${reply.records.length > 0 ? html`<ul class="records">${join(reply.records.map((r) => recordItem(r, opts)))}</ul>` : ''}
${actions.length > 0 ? html`<div class="actions">${actions.map((a) => actionForm(a, opts))}</div>` : ''}
${reply.footer ? html`<p class="footer">${reply.footer}</p>` : ''}
</section>`;
}
