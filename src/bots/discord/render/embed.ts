import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Reply, ReplyField, ReplyRecord } from '../../../core/reply.ts';
import { LIMITS, safeText } from './clip.ts';

const COLOR_OK = 0x2b6cb0; // why: one calm brand blue for every answer
const COLOR_ERROR = 0xc0392b; // why: errors read as errors at a glance
const BLANK = '\u200b'; // why: Discord refuses empty field names/values

/** True when the reply is plain text: it then goes in `content`, not in an embed. */
export function isPlainText(reply: Reply): boolean {
  return !reply.title && reply.fields.length === 0 && reply.records.length === 0 && !reply.footer;
}

/** The `content` of a plain-text reply (errors get a warning sign), clipped to 2,000. */
export function plainContent(reply: Reply): string {
  return safeText(reply.error ? `⚠️ ${reply.text}` : reply.text, LIMITS.content);
}

function field(f: ReplyField): APIEmbedField {
  return {
    name: safeText(f.name, LIMITS.fieldName) || BLANK,
    value: safeText(f.value, LIMITS.fieldValue) || BLANK,
    ...(f.inline ? { inline: true } : {}),
  };
}

/** A record (e.g. one listing of a search) as one field: title, then its lines, then its id. */
function recordField(r: ReplyRecord): APIEmbedField {
  const lines = [r.subtitle, r.text, ...(r.fields ?? []).map((f) => `${f.name}: ${f.value}`)].filter(
    (l): l is string => Boolean(l),
  );
  const id = `id: ${r.id}`;
  const body = safeText(lines.join('\n'), LIMITS.fieldValue - id.length - 1);
  return { name: safeText(r.title, LIMITS.fieldName) || BLANK, value: body ? `${body}\n${id}` : id };
}

function embedSize(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + fields;
}

/** Keeps the embed within 6,000 characters: shortens the description, then drops trailing fields. */
function fitTotal(e: APIEmbed): APIEmbed {
  let over = embedSize(e) - LIMITS.embedTotal;
  if (over <= 0) return e;
  const fitted: APIEmbed = { ...e, fields: [...(e.fields ?? [])] };
  if (fitted.description) {
    const keep = Math.max(0, fitted.description.length - over - 1);
    fitted.description = keep > 0 ? `${fitted.description.slice(0, keep)}…` : undefined;
    over = embedSize(fitted) - LIMITS.embedTotal;
  }
  const fields = fitted.fields ?? [];
  let dropped = 0;
  while (over > 0 && fields.length > 0) {
    const gone = fields.pop();
    dropped++;
    over -= (gone?.name.length ?? 0) + (gone?.value.length ?? 0);
  }
  if (dropped > 0) {
    const note = { name: BLANK, value: `…and ${dropped} more not shown (message size limit).` };
    while (fields.length > 0 && embedSize(fitted) + note.value.length + 1 > LIMITS.embedTotal) fields.pop();
    fields.push(note);
  }
  return fitted;
}

/** Renders a structured reply as one embed: title, text, fields and records, footer (e.g. `Page 2/4`). */
export function renderEmbed(reply: Reply): APIEmbed {
  const all = [...reply.fields.map(field), ...reply.records.map(recordField)];
  const fields =
    all.length > LIMITS.embedFields
      ? [
          ...all.slice(0, LIMITS.embedFields - 1),
          { name: BLANK, value: `…and ${all.length - LIMITS.embedFields + 1} more not shown.` },
        ]
      : all;
  const embed: APIEmbed = {
    color: reply.error ? COLOR_ERROR : COLOR_OK,
    ...(reply.title ? { title: safeText(reply.title, LIMITS.embedTitle) } : {}),
    ...(reply.text ? { description: safeText(reply.text, LIMITS.embedDescription) } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(reply.footer ? { footer: { text: safeText(reply.footer, LIMITS.footer) } } : {}),
  };
  return fitTotal(embed);
}
