/**
 * Masked links in user-written text: Markdown `[text](url)` (Discord renders
 * it as a link showing only `text`) and Slack's `<url|text>`. The bot never
 * lets such text hide where a link leads (architecture rule 8): adapters show
 * `text (url)` instead, and a listing whose link text names another site is
 * flagged for a moderator (see link-claims.ts).
 */

/** One masked link found in a text. */
export interface MaskedLink {
  /** The whole link as written. */
  readonly raw: string;
  /** What a reader would see. */
  readonly text: string;
  /** Where it really leads. */
  readonly url: string;
}

// why: a scheme, then no spaces, no `)` and no `>`; `[text](<url>)` and a "title" are Markdown forms too
const MARKDOWN =
  /\[([^\]\n]{0,500})\]\(\s*<?([a-z][a-z0-9+.-]*:[^\s)>]+)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/gi;
// why: each pass removes one level of nesting; nobody nests links 8 deep except to get past a filter
const MAX_PASSES = 8;
const SLACK = /<([a-z][a-z0-9+.-]*:[^|<>\s]+)\|([^<>\n]*)>/gi;

/** Every masked link of a text, Markdown and Slack forms, in reading order. */
export function findMaskedLinks(text: string): MaskedLink[] {
  const found: (MaskedLink & { at: number })[] = [];
  for (const m of text.matchAll(MARKDOWN)) {
    found.push({ raw: m[0], text: m[1] ?? '', url: m[2] ?? '', at: m.index });
  }
  for (const m of text.matchAll(SLACK)) {
    found.push({ raw: m[0], text: m[2] ?? '', url: m[1] ?? '', at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...link }) => link);
}

function shownAs(text: string, url: string): string {
  const t = text.trim();
  const bare = url.replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/i, '').replace(/\/$/, '');
  if (t === '' || t === url || t === bare || t.replace(/\/$/, '') === bare) return url;
  return `${t} (${url})`;
}

/**
 * The text with every masked link written out as `text (url)` (just `url`
 * when the text is the address itself), so the real address is always visible.
 */
export function unmaskLinks(text: string): string {
  let out = text;
  // Nested links (`[[a](x)](y)`) reveal an outer link once the inner one is written out, so repeat.
  for (let pass = 0; pass < MAX_PASSES && (out.includes('](') || out.includes('|')); pass++) {
    const next = out
      .replace(MARKDOWN, (_m, label: string, url: string) => shownAs(label, url))
      .replace(SLACK, (_m, url: string, label: string) => shownAs(label, url));
    if (next === out) break;
    out = next;
  }
  return out;
}
