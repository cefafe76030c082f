import type { ChatInputCommandInteraction } from 'discord.js';
import { runCommand } from '../../../core/commands/dispatch.ts';
import type { Actor } from '../../../core/identity.ts';
import { commandPath, envFor, type RouterContext, rawOptions } from './context.ts';
import { needsForm, openForm } from './forms.ts';
import { answerInTime } from './respond.ts';

/**
 * Keeps the server channel the member last used a command in, so that if
 * their DMs ever fail (and the community turned the notice on), the core can
 * say so there. Written only when it changed; a DM channel never counts.
 */
async function rememberChannel(
  interaction: ChatInputCommandInteraction,
  actor: Actor,
  ctx: RouterContext,
): Promise<void> {
  if (!interaction.inGuild() || !actor.channel) return;
  try {
    const stored = await ctx.deps.userSettings.getUser(actor.userId);
    if (stored.lastChannel !== actor.channel) {
      await ctx.deps.userSettings.updateUser(actor.userId, { lastChannel: actor.channel });
    }
  } catch (err) {
    ctx.logger.warn({ err, user: actor.userId }, 'could not remember the last channel'); // the command still runs
  }
}

/**
 * A slash command: open its form when one is needed, else run it and answer
 * privately, in the initial response when the core is quick enough (deferred
 * and edited in when not: see `answerInTime`). Answers are shown to the member
 * alone; shareable ones carry a "Share in channel" button.
 */
export async function handleCommand(
  interaction: ChatInputCommandInteraction,
  ctx: RouterContext,
): Promise<void> {
  const { name, options } = commandPath(interaction);
  const raw = rawOptions(options);
  const command = ctx.registry.find(name);
  if (command && needsForm(command, raw)) {
    await openForm(interaction, command, raw, ctx);
    return;
  }
  const env = envFor(interaction, ctx);
  const work = rememberChannel(interaction, env.actor, ctx).then(() => runCommand(name, raw, env));
  await answerInTime(interaction, work, 'reply', command?.personal, ctx);
}
