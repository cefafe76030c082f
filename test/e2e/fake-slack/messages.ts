/** Reading what the app posted (response_url, chat.postMessage, views) in assertions. */
import type { JsonObject } from './payloads.ts';
import type { FakeCall } from './server.ts';

/** The fake's view of a posted message (response_url, chat.postMessage, chat.postEphemeral). */
export interface PostedMessage {
  readonly text?: string;
  readonly blocks?: JsonObject[];
  readonly replace_original?: boolean;
  readonly response_type?: string;
  readonly channel?: string;
}

export function messageOf(call: FakeCall): PostedMessage {
  return call.body as PostedMessage;
}

/** Every text of a message's blocks, in order (headers, sections, fields, context, buttons). */
export function blockTexts(blocks: readonly JsonObject[] | undefined): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as JsonObject;
    if (typeof o.text === 'string') out.push(o.text);
    for (const key of ['text', 'fields', 'elements', 'blocks']) if (typeof o[key] === 'object') visit(o[key]);
  };
  visit(blocks ?? []);
  return out;
}

/** The buttons of a message: action_id, label and value. */
export function buttonsOf(
  blocks: readonly JsonObject[] | undefined,
): { action_id: string; label: string; value: string }[] {
  return (blocks ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as JsonObject[])
    .map((e) => ({
      action_id: String(e.action_id),
      label: String((e.text as JsonObject).text),
      value: String(e.value),
    }));
}
