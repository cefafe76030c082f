import type { WebContext } from './context.ts';
import { html, type SafeHtml } from './html.ts';

/** One input of a command form: the option name, its label, an example. */
export interface FormInput {
  readonly option: string;
  readonly label: string;
  readonly example?: string;
  readonly value?: string;
  readonly required?: boolean;
}

/**
 * A form that runs a core command through `POST /run` with the page's CSRF
 * token; option fields are named `o.<option>`. The core validates them and
 * answers with a specific message, as it does in chat.
 */
export function commandForm(
  c: WebContext,
  opts: {
    command: string;
    community: string;
    button: string;
    inputs?: readonly FormInput[];
    fixed?: Readonly<Record<string, string>>;
    style?: 'primary' | 'secondary' | 'danger';
    inline?: boolean;
  },
): SafeHtml {
  const u = new URL(c.req.url);
  const back = `${u.pathname}${u.search}`;
  const inputs = (opts.inputs ?? []).map(
    (i) =>
      html`<label>${i.label}<input name="o.${i.option}" value="${i.value ?? ''}"${i.example ? html` placeholder="${i.example}"` : ''}${i.required ? html` required` : ''}></label>`,
  );
  const fixed = Object.entries(opts.fixed ?? {}).map(
    ([k, v]) => html`<input type="hidden" name="o.${k}" value="${v}">`,
  );
  return html`<form method="post" action="/run"${opts.inline ? '' : html` class="stack"`}>
<input type="hidden" name="_csrf" value="${c.var.csrf}">
<input type="hidden" name="command" value="${opts.command}">
<input type="hidden" name="c" value="${opts.community}">
<input type="hidden" name="back" value="${back}">
${fixed}${inputs}
<button type="submit" class="${opts.style ?? 'primary'}">${opts.button}</button>
</form>`;
}

/** A one-button form that presses a core action (the same as a chat button). */
export function buttonForm(
  c: WebContext,
  opts: {
    action: string;
    payload: string;
    community: string;
    button: string;
    style?: 'primary' | 'secondary' | 'danger';
  },
): SafeHtml {
  const u = new URL(c.req.url);
  return html`<form method="post" action="/act">
<input type="hidden" name="_csrf" value="${c.var.csrf}">
<input type="hidden" name="action" value="${opts.action}">
<input type="hidden" name="payload" value="${opts.payload}">
<input type="hidden" name="c" value="${opts.community}">
<input type="hidden" name="back" value="${u.pathname}${u.search}">
<button type="submit" class="${opts.style ?? 'primary'}">${opts.button}</button>
</form>`;
}
