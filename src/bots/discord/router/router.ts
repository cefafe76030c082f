import type { Interaction } from 'discord.js';
import { handleAutocomplete } from './autocomplete.ts';
import { handleCommand } from './command.ts';
import { handleComponent } from './component.ts';
import type { RouterContext } from './context.ts';
import { handleContextMenu } from './context-menu.ts';
import { handleModal } from './modal.ts';
import { replyError } from './respond.ts';

function route(interaction: Interaction, ctx: RouterContext): Promise<void> {
  if (interaction.isChatInputCommand()) return handleCommand(interaction, ctx);
  if (interaction.isAutocomplete()) return handleAutocomplete(interaction, ctx);
  if (interaction.isButton() || interaction.isStringSelectMenu()) return handleComponent(interaction, ctx);
  if (interaction.isModalSubmit()) return handleModal(interaction, ctx);
  if (interaction.isMessageContextMenuCommand()) return handleContextMenu(interaction, ctx);
  return replyError(interaction, 'I do not handle this kind of interaction.');
}

/**
 * The one interaction router: every interaction goes through here, and
 * nothing escapes it. A handler that throws is logged with a reference and
 * the member gets a private apology (a follow-up when already answered);
 * if even that fails (e.g. the interaction expired) it is logged.
 */
export function createInteractionRouter(ctx: RouterContext): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      await route(interaction, ctx);
    } catch (err) {
      const ref = Math.random().toString(36).slice(2, 8);
      ctx.logger.error(
        { err, ref, interaction: interaction.id, type: interaction.type },
        'discord interaction failed',
      );
      try {
        await replyError(
          interaction,
          `Something went wrong on our side. Please try again; if it keeps happening, tell a moderator (reference ${ref}).`,
        );
      } catch (replyErr) {
        ctx.logger.warn({ err: replyErr, ref }, 'could not tell the member about the failure');
      }
    }
  };
}
