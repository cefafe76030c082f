import { createHmac, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../../core/result.ts';
import { LIMITS } from './render/clip.ts';

/**
 * Custom ids of buttons, selects and modals carry what to run and its payload:
 * `<kind>|<id>|<payload>|<mac>`, at most 100 characters (Discord's limit).
 * `kind` is `a` (an action: button or select) or `m` (a modal submission);
 * `id` is a core action id, a command name, or an adapter action (`discord.*`).
 * The MAC (HMAC-SHA256, first 10 base64url characters) is checked on use, so a
 * forged or mangled id gets a friendly error instead of reaching a handler.
 */
export type CustomIdKind = 'a' | 'm';

export interface CustomIdParts {
  readonly kind: CustomIdKind;
  readonly id: string;
  readonly payload: string;
}

export interface CustomIdCodec {
  encode(parts: CustomIdParts): Result<string>;
  decode(customId: string): Result<CustomIdParts>;
  /** Room left for the payload once kind, `id`, separators and MAC are counted. */
  payloadBudget(id: string): number;
}

const MAC_LENGTH = 10; // why: 60 bits; forging needs Discord to deliver ~2^59 interactions
const SEPARATOR = '|';

/** The message members see when a custom id fails its check. */
export const STALE_COMPONENT_TEXT =
  'This button or form is no longer valid (it may come from an older message). Run the command again to get a fresh one.';

/** Codec keyed by a secret; the adapter derives it from the bot token so ids survive restarts. */
export function createCustomIdCodec(secret: string): CustomIdCodec {
  const mac = (body: string) =>
    createHmac('sha256', secret).update(body).digest('base64url').slice(0, MAC_LENGTH);
  return {
    payloadBudget: (id) => LIMITS.customId - (1 + id.length + MAC_LENGTH + 3 * SEPARATOR.length),
    encode({ kind, id, payload }) {
      if (id === '' || id.includes(SEPARATOR)) {
        return fail('DISCORD.CUSTOM_ID', `Custom id part "${id}" must be non-empty and contain no "|".`);
      }
      const body = `${kind}${SEPARATOR}${id}${SEPARATOR}${payload}`;
      const full = `${body}${SEPARATOR}${mac(body)}`;
      if (full.length > LIMITS.customId) {
        return fail(
          'DISCORD.CUSTOM_ID_TOO_LONG',
          `Custom id for ${id} is ${full.length} characters; Discord allows ${LIMITS.customId}. Shorten the payload "${payload}".`,
        );
      }
      return ok(full);
    },
    decode(customId) {
      const first = customId.indexOf(SEPARATOR);
      const second = customId.indexOf(SEPARATOR, first + 1);
      const last = customId.lastIndexOf(SEPARATOR);
      const kind = customId.slice(0, first);
      if (first < 0 || second < 0 || last <= second || (kind !== 'a' && kind !== 'm')) {
        return fail('DISCORD.CUSTOM_ID_FORMAT', STALE_COMPONENT_TEXT);
      }
      const body = customId.slice(0, last);
      const given = Buffer.from(customId.slice(last + 1));
      const expected = Buffer.from(mac(body));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return fail('DISCORD.CUSTOM_ID_FORGED', STALE_COMPONENT_TEXT);
      }
      return ok({ kind, id: customId.slice(first + 1, second), payload: customId.slice(second + 1, last) });
    },
  };
}

/** The codec secret: derived from the bot token, so no extra configuration is needed. */
export function customIdSecret(token: string): string {
  return createHmac('sha256', token).update('imgbot custom ids v1').digest('base64url');
}

const OPTION_KEY = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/**
 * Packs command options given inline (kept while a form is open) as
 * `key=value&key=value`, URI-encoded. Values become text: the core's schemas
 * read numbers and yes/no from text as the text adapters send them.
 */
export function encodeOptions(raw: Readonly<Record<string, unknown>>): string {
  return Object.entries(raw)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/** Reverses `encodeOptions`; a malformed pair is an error, never a half-read form. */
export function decodeOptions(text: string): Result<Record<string, string>> {
  const out: Record<string, string> = {};
  if (text === '') return ok(out);
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(pair.slice(0, eq));
      value = decodeURIComponent(pair.slice(eq + 1));
    } catch {
      return fail('DISCORD.FORM_PAYLOAD', STALE_COMPONENT_TEXT);
    }
    if (eq < 0 || !OPTION_KEY.test(key) || key in out)
      return fail('DISCORD.FORM_PAYLOAD', STALE_COMPONENT_TEXT);
    out[key] = value;
  }
  return ok(out);
}
