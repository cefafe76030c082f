/**
 * Text safety for Slack (architecture rule 8). Slack's `mrkdwn` gives `<...>`
 * special meaning: `<!channel>`, `<@U123>`, `<!subteam^S1>` ping people and
 * `<https://a|b>` disguises links. Slack's own rule is to escape exactly three
 * characters, `&` `<` `>`, as HTML entities (escaping more shows `&#39;` etc.).
 * Everything the core hands us is plain text, so every string goes through
 * `mrkdwnText` before it lands in a `mrkdwn` text object or a message's `text`.
 *
 * `plain_text` objects (headers, button labels, modal titles) are never parsed
 * for mentions or links, so they only need clipping (`clipPlain`).
 */

import { unmaskLinks } from '../../../core/moderation/masked-links.ts';

/**
 * Escapes Slack's three control characters, after writing out masked links
 * (`<url|text>`, `[text](url)`) as `text (url)`: the real address is always
 * shown, and linked by {@link linkify}.
 */
export function escapeMrkdwn(text: string): string {
  return unmaskLinks(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// why: after escaping, a URL can contain `&amp;` but never a raw `<`, `>` or whitespace.
const URL_IN_ESCAPED = /\bhttps?:\/\/[^\s<>|]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/;

/**
 * Turns bare URLs of already-escaped text into explicit `<url>` links. We send
 * mrkdwn with `verbatim: true` (so Slack does no mention/channel "preprocessing"
 * of words like `@here`), which also stops its automatic linking: we link URLs
 * ourselves instead. Trailing punctuation stays outside the link.
 */
export function linkify(escaped: string): string {
  return escaped.replace(URL_IN_ESCAPED, (match) => {
    const tail = TRAILING_PUNCTUATION.exec(match)?.[0] ?? '';
    const url = match.slice(0, match.length - tail.length);
    return url.length > 0 ? `<${url}>${tail}` : match;
  });
}

const ELLIPSIS = '…';

/** Moves a cut point back so it does not split a surrogate pair (Slack rejects lone surrogates). */
function safeCut(text: string, cut: number): number {
  const code = text.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
}

/** Clips plain text to `max` characters, ending in `…` when cut. */
export function clipPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, safeCut(text, Math.max(0, max - ELLIPSIS.length))) + ELLIPSIS;
}

/**
 * Clips escaped mrkdwn to `max` characters without cutting an entity (`&amp;`)
 * or a `<link>` in half, either of which would show garbage or break the link.
 */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - ELLIPSIS.length);
  const open = text.lastIndexOf('<', cut - 1);
  if (open !== -1 && text.lastIndexOf('>', cut - 1) < open) cut = open;
  const amp = text.lastIndexOf('&', cut - 1);
  // why: the longest entity we produce is `&amp;` (5 characters)
  if (amp !== -1 && cut - amp < 5 && !text.slice(amp, cut).includes(';')) cut = amp;
  return text.slice(0, safeCut(text, cut)) + ELLIPSIS;
}

/** User/core text made safe for a mrkdwn object: escaped, links made explicit, clipped. */
export function mrkdwnText(text: string, max: number): string {
  return clipMrkdwn(linkify(escapeMrkdwn(text)), max);
}
