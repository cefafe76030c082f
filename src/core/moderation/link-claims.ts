import { findMaskedLinks } from './masked-links.ts';

/**
 * Links whose visible text claims one site while the address leads to
 * another: `[mayo.edu](http://mayo-clinic-observe.xyz)`, Slack's
 * `<http://x.xyz|www.mayoclinic.org>`, or `http://www.mayoclinic.org@x.xyz/`
 * (everything before `@` is only a user name; the browser goes to x.xyz).
 */

// why: a host name is dot-separated labels ending in a 2+ letter top-level domain
const HOST_IN_TEXT =
  /(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^\s@/]+@)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})\b/i;
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>()"'|\]]+/gi;

function strip(host: string): string {
  return host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

/** The same site: equal, or one a subdomain of the other (`mayo.edu`, `apply.mayo.edu`). */
export function sameSite(a: string, b: string): boolean {
  const x = strip(a);
  const y = strip(b);
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

/** The host a URL (or `mailto:` address) really leads to. */
export function hostOf(url: string): string | undefined {
  if (/^mailto:/i.test(url)) return /@([^?>\s]+)/.exec(url)?.[1]?.toLowerCase();
  try {
    const host = new URL(url).hostname;
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}

/** The site a piece of text names, if any (`www.mayoclinic.org/observe`, `observers@mayo.edu`). */
export function hostClaimed(text: string): string | undefined {
  return HOST_IN_TEXT.exec(text)?.[1]?.toLowerCase();
}

/** One link that leads somewhere other than its text claims. */
export interface DisguisedLink {
  /** The link as written. */
  readonly words: string;
  readonly claims: string;
  readonly leadsTo: string;
}

function userInfoClaims(url: string): DisguisedLink | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username === '') return undefined;
  const claims = hostClaimed(decodeURIComponent(parsed.username));
  if (!claims || sameSite(claims, parsed.hostname)) return undefined;
  return { words: url, claims, leadsTo: parsed.hostname };
}

/** Every disguised link in the texts (listing fields, the contact included), in reading order. */
export function disguisedLinks(texts: readonly string[]): DisguisedLink[] {
  const out: DisguisedLink[] = [];
  for (const text of texts) {
    for (const link of findMaskedLinks(text)) {
      const claims = hostClaimed(link.text);
      const leadsTo = hostOf(link.url);
      if (claims && leadsTo && !sameSite(claims, leadsTo)) out.push({ words: link.raw, claims, leadsTo });
    }
    for (const m of text.matchAll(URL_IN_TEXT)) {
      const hit = userInfoClaims(m[0]);
      if (hit) out.push(hit);
    }
  }
  return out;
}
