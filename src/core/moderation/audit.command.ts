import { defineCommand } from '../commands/command.ts';
import { idOption, integerOption } from '../commands/options.ts';
import { DELETED_MEMBER } from '../identity.ts';
import { clip } from '../opportunities/listing-text.ts';
import { formatInstant } from '../opportunities/listing-time.ts';
import type { AuditEntry } from '../ports/audit.port.ts';
import { type ReplyRecord, reply } from '../reply.ts';

/** Fields that hold an instant (UTC ms): `at`, `verifiedAt`, `deadlineAt`, `since`... */
const INSTANT_KEY = /^(at|since)$|At$/;

/** A value as a moderator reads it: instants as dates in their zone, objects as `key: value` pairs. */
function plain(value: unknown, zone: string, key?: string): string {
  if (value === null) return 'none';
  if (typeof value === 'number' && key !== undefined && INSTANT_KEY.test(key) && Number.isFinite(value)) {
    return formatInstant(value, zone);
  }
  if (Array.isArray(value)) return value.map((v) => plain(v, zone)).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${plain(v, zone, k)}`)
      .join(', ');
  }
  return String(value);
}

function show(value: unknown, zone: string, key?: string): string {
  if (value === undefined) return '—';
  return clip(plain(value, zone, key), 80); // why: one line per change
}

function changes(e: AuditEntry, zone: string): string[] {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  if (typeof before !== 'object' || typeof after !== 'object')
    return [`${show(e.before, zone)} → ${show(e.after, zone)}`];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  // why: a new listing's snapshot has ~20 fields; the first 8 say enough, /opportunity shows the rest
  return keys.slice(0, 8).map((k) => `${k}: ${show(before[k], zone, k)} → ${show(after[k], zone, k)}`);
}

function record(e: AuditEntry, zone: string): ReplyRecord {
  const lines = [...(e.reason ? [`reason: ${e.reason}`] : []), ...changes(e, zone)];
  return {
    id: e.target,
    title: `${e.action} ${e.target}`,
    subtitle: `${formatInstant(e.at, zone)} · by ${e.actorId === DELETED_MEMBER ? 'a member who deleted their data' : e.actorId}`,
    text: lines.join('\n'),
  };
}

/** `/audit`: the community's moderator actions, newest first (who, what, when, before/after). */
export const auditCommand = defineCommand({
  name: 'audit',
  description: 'Moderator actions in this community, newest first, dated in your zone (moderators)',
  group: 'moderation',
  permission: 'moderator',
  options: {
    id: idOption({
      description: 'Only actions on this listing (or other target)',
      example: 'obs-cardio-ny-01',
      autocomplete: 'listing-id',
    }),
    limit: integerOption({
      description: 'How many entries (1-25, default 10)',
      example: '10',
      min: 1,
      max: 25,
    }),
  },
  examples: ['/audit', '/audit id:obs-cardio-ny-01'],
  async handler(input, ctx) {
    const limit = input.limit ?? 10; // why: ten entries fit one message on every platform
    const entries = await ctx.deps.audit.list(ctx.actor.communityId, {
      limit,
      ...(input.id ? { target: input.id } : {}),
    });
    if (entries.length === 0) {
      return reply({
        title: 'Audit log',
        text: input.id ? `No moderator actions on ${input.id} yet.` : 'No moderator actions recorded yet.',
        ephemeral: true,
      });
    }
    return reply({
      title: input.id ? `Audit log: ${input.id}` : 'Audit log',
      text: `The last ${entries.length} moderator action${entries.length === 1 ? '' : 's'}, newest first.`,
      records: entries.map((e) => record(e, ctx.zone)),
      ids: entries.map((e) => e.target),
      ephemeral: true,
    });
  },
});
