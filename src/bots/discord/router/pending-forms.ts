import { randomBytes } from 'node:crypto';
import type { RawOptions } from '../../../core/commands/resolve-options.ts';
import { fail, ok, type Result } from '../../../core/result.ts';
import { decodeOptions, encodeOptions } from '../custom-id.ts';

const TTL_MS = 30 * 60_000; // why: time to fill a long form (a listing) without losing its inline options
const MAX_ENTRIES = 2_000; // why: bounds memory if members open forms and walk away

export const FORM_EXPIRED_TEXT =
  'This form expired before it was sent (or the bot restarted). Run the command again; what you typed inline is kept in the form.';

/**
 * The options a member gave inline while a form (modal) is open. They travel
 * in the modal's custom id when they fit (`=k=v&...`); otherwise they wait
 * here under a random key (`~<key>`) until the form comes back.
 */
export class PendingForms {
  private readonly entries = new Map<string, { raw: RawOptions; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A payload for the custom id of at most `budget` characters. */
  save(raw: RawOptions, budget: number): string {
    const inline = `=${encodeOptions(raw)}`;
    if (inline.length <= budget) return inline;
    this.sweep();
    const key = randomBytes(9).toString('base64url');
    this.entries.set(key, { raw, expiresAt: this.now() + TTL_MS });
    return `~${key}`;
  }

  load(payload: string): Result<RawOptions> {
    if (payload.startsWith('=')) return decodeOptions(payload.slice(1));
    const entry = payload.startsWith('~') ? this.entries.get(payload.slice(1)) : undefined;
    if (!entry || entry.expiresAt < this.now()) return fail('DISCORD.FORM_EXPIRED', FORM_EXPIRED_TEXT);
    this.entries.delete(payload.slice(1));
    return ok(entry.raw);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt < now) this.entries.delete(key);
    while (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
