import type { types } from '@slack/bolt';
import type { Reply, ReplyAction, ReplyField, ReplyRecord } from '../../../core/reply.ts';
import { parseSlackAddress } from '../slack-actor.ts';
import { clipMrkdwn, clipPlain, escapeMrkdwn, linkify, mrkdwnText } from './escape.ts';
import { SLACK_LIMITS as L } from './limits.ts';

export type Block = types.KnownBlock;

/** A Slack message: blocks plus the `text` Slack uses for notifications and screen readers. */
export interface RenderedMessage {
  readonly text: string;
  readonly blocks: Block[];
}

/**
 * `verbatim: true` turns off Slack's "preprocessing" of mrkdwn (auto-parsing
 * bare `@here`/`#channel` words into mentions and links); the renderer escapes
 * and links URLs itself (escape.ts), so nothing a member wrote can ping.
 */
export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: clipPlain(text, max), emoji: true };
}

/** Splits escaped mrkdwn into chunks of at most `max`, at a line or word break when one is near. */
export function splitMrkdwn(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    // why: links and entities never contain whitespace, so a whitespace break is always safe
    const at = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    if (at > max / 2) {
      chunks.push(rest.slice(0, at));
      rest = rest.slice(at + 1);
    } else {
      const clipped = clipMrkdwn(rest, max);
      chunks.push(clipped);
      rest = rest.slice(clipped.length - 1);
    }
  }
  if (rest.trim() !== '') chunks.push(rest);
  return chunks;
}

function section(text: string): Block {
  return { type: 'section', text: mrkdwn(text) };
}

function fieldText(field: ReplyField, max: number): string {
  return clipMrkdwn(`*${escapeMrkdwn(field.name)}*\n${linkify(escapeMrkdwn(field.value))}`, max);
}

/** Inline fields share 2-column sections (10 per section); others get their own section. */
export function fieldBlocks(fields: readonly ReplyField[]): Block[] {
  const blocks: Block[] = [];
  let grid: types.MrkdwnElement[] = [];
  const flush = () => {
    if (grid.length > 0) blocks.push({ type: 'section', fields: grid });
    grid = [];
  };
  for (const field of fields) {
    if (!field.inline) {
      flush();
      blocks.push(section(fieldText(field, L.sectionText)));
      continue;
    }
    grid.push(mrkdwn(fieldText(field, L.fieldText)));
    if (grid.length === L.fieldsPerSection) flush();
  }
  flush();
  return blocks;
}

function recordBlock(record: ReplyRecord): Block {
  const lines = [`*${escapeMrkdwn(record.title)}*  \`${escapeMrkdwn(record.id)}\``];
  if (record.subtitle) lines.push(`_${escapeMrkdwn(record.subtitle)}_`);
  if (record.text) lines.push(linkify(escapeMrkdwn(record.text)));
  const block: types.SectionBlock = {
    type: 'section',
    text: mrkdwn(clipMrkdwn(lines.join('\n'), L.sectionText)),
  };
  const fields = (record.fields ?? []).slice(0, L.fieldsPerSection);
  if (fields.length > 0) block.fields = fields.map((f) => mrkdwn(fieldText(f, L.fieldText)));
  return block;
}

/**
 * Buttons: `action_id` is the core action id, `value` its payload. Slack wants
 * action ids unique within a block (and we keep them unique in the message),
 * so a repeated action (`listing.page` for Previous and Next) gets `|<n>`; the
 * core forbids `|` in action ids, so the listener can strip it back off.
 */
export function actionBlocks(actions: readonly ReplyAction[]): Block[] {
  const seen = new Map<string, number>();
  const buttons: types.Button[] = actions.map((a) => {
    const n = seen.get(a.action) ?? 0;
    seen.set(a.action, n + 1);
    const button: types.Button = {
      type: 'button',
      action_id: (n === 0 ? a.action : `${a.action}|${n}`).slice(0, L.actionId),
      text: plain(a.label, L.buttonText),
      value: a.payload.slice(0, L.buttonValue),
    };
    // Slack has no "secondary" style: the default look is it.
    if (a.style === 'primary' || a.style === 'danger') button.style = a.style;
    return button;
  });
  const blocks: Block[] = [];
  for (let i = 0; i < buttons.length; i += L.buttonsPerActions) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + L.buttonsPerActions) });
  }
  return blocks;
}

/** The action id a pressed button stands for (`listing.page|1` -> `listing.page`). */
export function coreActionId(actionId: string): string {
  const bar = actionId.indexOf('|');
  return bar === -1 ? actionId : actionId.slice(0, bar);
}

function context(text: string): Block {
  return { type: 'context', elements: [mrkdwn(text)] };
}

function bodyBlocks(reply: Reply): Block[] {
  const blocks: Block[] = [];
  if (reply.text) {
    const text = linkify(escapeMrkdwn(reply.text));
    const chunks = splitMrkdwn(reply.error ? `:warning: ${text}` : text, L.sectionText);
    blocks.push(...chunks.map(section));
  }
  blocks.push(...fieldBlocks(reply.fields));
  blocks.push(...reply.records.map(recordBlock));
  if (reply.attachment) {
    const { name, content } = reply.attachment;
    const room = L.sectionText - name.length - 20; // why: the name line and the ``` fences
    const body = clipMrkdwn(escapeMrkdwn(content), room);
    blocks.push(section(`*${escapeMrkdwn(name)}*\n\`\`\`${body}\`\`\``));
    if (body.length < escapeMrkdwn(content).length) {
      blocks.push(context(`Only the start of ${escapeMrkdwn(name)} fits in a Slack message.`));
    }
  }
  return blocks;
}

/** `<@U123>` for a reply addressed to a Slack member (the one mention the bot itself writes). */
function addresseeMention(reply: Reply): string | undefined {
  const member = reply.addressee ? parseSlackAddress(reply.addressee) : undefined;
  return member ? `<@${member.id}>` : undefined;
}

/** The notification text: title and the first lines of the body, escaped. */
function fallbackText(reply: Reply): string {
  const parts = [reply.title, reply.text].filter((p): p is string => Boolean(p?.trim()));
  if (parts.length === 0 && reply.records.length > 0) parts.push(`${reply.records.length} results`);
  return mrkdwnText(parts.join(': ') || 'imgbot', L.fallbackText);
}

/**
 * Renders the neutral reply as Block Kit: header, body sections, field grids,
 * one section per record, footer as a context line, buttons last. Clipped to
 * Slack's limits; when the blocks do not fit, the last content blocks give way
 * (buttons and footer stay, since paging needs them) and a context line says so.
 */
export function renderReply(reply: Reply, opts: { maxBlocks?: number } = {}): RenderedMessage {
  const max = opts.maxBlocks ?? L.blocksPerMessage;
  const head: Block[] = reply.title ? [{ type: 'header', text: plain(reply.title, L.headerText) }] : [];
  const body = bodyBlocks(reply);
  const tail: Block[] = [];
  if (reply.footer) tail.push(context(mrkdwnText(reply.footer, L.contextText)));
  tail.push(...actionBlocks(reply.actions));
  const room = max - head.length - tail.length;
  let shown = body;
  if (body.length > room) {
    shown = body.slice(0, Math.max(0, room - 1));
    const hidden = body.length - shown.length;
    shown.push(
      context(`${hidden} more block${hidden === 1 ? '' : 's'} not shown (Slack's limit is ${max}).`),
    );
  }
  const mention = addresseeMention(reply);
  const blocks = [...(mention ? [section(mention)] : []), ...head, ...shown, ...tail].slice(0, max);
  return { text: mention ? `${mention} ${fallbackText(reply)}` : fallbackText(reply), blocks };
}
