import type { Reply } from '../../core/reply.ts';
import { plainText } from './plain-text.ts';

function indent(text: string, by = '   '): string {
  return text
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}

/**
 * Renders a reply as plain text for a terminal: no Markdown markers (see
 * plain-text.ts). Buttons become numbered `/press N` choices.
 */
export function renderText(reply: Reply): string {
  const out: string[] = [];
  if (reply.addressee) out.push(`@${reply.addressee.replace(/^shell:/, '')}`);
  if (reply.title) out.push(`== ${plainText(reply.title)} ==`);
  if (reply.text) out.push(reply.error ? `Error: ${plainText(reply.text)}` : plainText(reply.text));
  for (const field of reply.fields) out.push(`${plainText(field.name)}:\n${indent(plainText(field.value))}`);
  reply.records.forEach((record, i) => {
    const lines = [`${i + 1}. ${plainText(record.title)}  [${record.id}]`];
    if (record.subtitle) lines.push(indent(plainText(record.subtitle)));
    if (record.text) lines.push(indent(plainText(record.text)));
    for (const field of record.fields ?? []) {
      lines.push(indent(`${plainText(field.name)}: ${plainText(field.value)}`));
    }
    out.push(lines.join('\n'));
  });
  if (reply.footer) out.push(plainText(reply.footer));
  if (reply.actions.length > 0) {
    const choices = reply.actions.map((a, i) => `[${i + 1}] ${a.label}`).join('  ');
    out.push(`${choices}   (type /press <number>)`);
  }
  if (reply.attachment) out.push(`--- ${reply.attachment.name} ---\n${reply.attachment.content}`);
  return out.join('\n');
}

/** The JSON-lines form: one object per reply, with the fields scripts rely on (`ids`, `text`, `error`). */
export function renderJson(reply: Reply, dm?: { to: string; channel?: boolean }): string {
  const body = {
    ...(dm ? { dm: true, to: dm.to, ...(dm.channel ? { channel: true } : {}) } : {}),
    ...(reply.addressee ? { addressee: reply.addressee } : {}),
    title: reply.title ?? null,
    text: reply.text,
    ids: reply.ids,
    error: reply.error,
    code: reply.code ?? null,
    ephemeral: reply.ephemeral,
    fields: reply.fields,
    records: reply.records,
    actions: reply.actions.map((a, i) => ({
      n: i + 1,
      label: a.label,
      action: a.action,
      payload: a.payload,
    })),
    footer: reply.footer ?? null,
    ...(reply.attachment ? { attachment: reply.attachment } : {}),
  };
  return JSON.stringify(body);
}
