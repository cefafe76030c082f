/**
 * The one escaping helper of the web adapter. Pages are built with the `html`
 * tag: every interpolated value is escaped unless it is already `SafeHtml`
 * (the output of another `html` call). User-written text can never become
 * markup (architecture rule 8).
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for HTML content and quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function piece(v: Part): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(piece).join('');
  return esc(String(v));
}

/** Tagged template: literal parts are trusted, every `${value}` is escaped. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += piece(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Joins fragments (already safe). */
export function join(parts: readonly SafeHtml[], sep = ''): SafeHtml {
  return new SafeHtml(parts.map((p) => p.value).join(sep));
}

/** True for an absolute http(s) URL: the only kind of link the site makes from user text. */
export function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

// why: URLs in plain text end at whitespace or a closing bracket/quote; trailing punctuation is prose
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?]/gi;

/** Plain text with line breaks kept and http(s) URLs linked (their real address shown); all else escaped. */
export function textWithLinks(text: string): SafeHtml {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const at = m.index ?? 0;
    out += esc(text.slice(last, at));
    const href = m[0];
    out += isHttpUrl(href) ? `<a href="${esc(href)}" rel="nofollow noopener">${esc(href)}</a>` : esc(href);
    last = at + href.length;
  }
  out += esc(text.slice(last));
  return new SafeHtml(out.replace(/\n/g, '<br>'));
}
