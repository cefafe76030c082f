import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Reply } from '../../../core/reply.ts';
import { LIMITS, safeText } from '../render/clip.ts';
import { interactionPayload, NO_MENTIONS, renderReply } from '../render/message.ts';
import type { RouterContext } from './context.ts';

type Answerable =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction
  | ModalSubmitInteraction;

/**
 * Answers shown to one member are shareable unless they are errors, personal
 * (reminders, tracker, /mydata) or the core marked them private.
 */
export function shareable(reply: Reply, personal: boolean | undefined): boolean {
  return !reply.error && !reply.ephemeral && !personal;
}

/** Fills the deferred answer (`editReply`): the ephemeral reply, or the message a paging button sits on. */
export async function editWith(interaction: Answerable, reply: Reply, share: boolean, ctx: RouterContext) {
  const rendered = renderReply(reply, { codec: ctx.codec, share });
  if (rendered.dropped.length > 0)
    ctx.logger.warn({ dropped: rendered.dropped }, 'buttons left out of a reply');
  await interaction.editReply(interactionPayload(rendered));
}

type Settled = { readonly reply: Reply } | { readonly error: unknown };

/**
 * Answers with one REST call when the core is quick, and defers only when it
 * is not. The initial interaction response is not counted against discord.js's
 * client-wide limit of 50 requests a second, whereas a deferral plus an edit
 * costs two calls and the edit is: under a burst, edits queued behind that cap
 * for most of a second. So the core gets `ctx.answerBudgetMs` (default 2 s of
 * Discord's 3) to reply; past that the interaction is deferred (privately, or
 * as a message update for paging) and the answer edited in when it comes.
 *
 * `mode`: 'reply' answers with a new private message; 'update' replaces the
 * message a button sits on (an error reply still goes privately).
 */
export async function answerInTime(
  interaction: Answerable,
  work: Promise<Reply>,
  mode: 'reply' | 'update',
  personal: boolean | undefined,
  ctx: RouterContext,
): Promise<void> {
  const settled: Promise<Settled> = work.then(
    (reply) => ({ reply }),
    (error: unknown) => ({ error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ctx.answerBudgetMs);
  });
  const first = await Promise.race([settled, late]);
  clearTimeout(timer);
  if (first === null) {
    if (mode === 'update' && interaction.isMessageComponent()) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  }
  const done = first ?? (await settled);
  if ('error' in done) throw done.error;
  const { reply } = done;
  if (mode === 'update' && reply.error) {
    await sendPrivate(interaction, reply, ctx);
    return;
  }
  const share = shareable(reply, personal);
  if (interaction.deferred) {
    await editWith(interaction, reply, share, ctx);
    return;
  }
  const rendered = renderReply(reply, { codec: ctx.codec, share });
  if (rendered.dropped.length > 0)
    ctx.logger.warn({ dropped: rendered.dropped }, 'buttons left out of a reply');
  if (mode === 'update' && interaction.isMessageComponent()) {
    await interaction.update(interactionPayload(rendered));
  } else {
    await interaction.reply({ ...interactionPayload(rendered), flags: MessageFlags.Ephemeral as const });
  }
}

/** A new private message: the first answer, or a follow-up once the interaction is answered. */
export async function sendPrivate(interaction: Answerable, reply: Reply, ctx: RouterContext) {
  const rendered = renderReply(reply, { codec: ctx.codec, share: false });
  const payload = { ...interactionPayload(rendered), flags: MessageFlags.Ephemeral as const };
  if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

/**
 * The router's one way of telling a member something failed: ephemeral, as a
 * follow-up when the interaction was already answered or deferred.
 */
export async function replyError(interaction: Interaction, text: string): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const payload = {
    content: safeText(`⚠️ ${text}`, LIMITS.content),
    flags: MessageFlags.Ephemeral as const,
    allowedMentions: NO_MENTIONS,
  };
  if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
  else await interaction.reply(payload);
}
