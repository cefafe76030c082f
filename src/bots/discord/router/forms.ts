import {
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type ChatInputCommandInteraction,
  ComponentType,
  type ModalSubmitInteraction,
  TextInputStyle,
} from 'discord.js';
import type { Command } from '../../../core/commands/command.ts';
import { checkPermission } from '../../../core/commands/dispatch.ts';
import type { AnyOptionDef } from '../../../core/commands/options.ts';
import type { RawOptions } from '../../../core/commands/resolve-options.ts';
import { errorReply } from '../../../core/reply.ts';
import { clip, LIMITS } from '../render/clip.ts';
import { envFor, type RouterContext } from './context.ts';
import { sendPrivate } from './respond.ts';

const LONG_TEXT = 200; // why: options allowing more than a line get a paragraph box

/** A typed input of a submitted modal; empty or absent inputs count as not given. */
export function inputValue(interaction: ModalSubmitInteraction, key: string): string | undefined {
  try {
    const value = interaction.fields.getTextInputValue(key).trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined; // not in this submission: the core reports it if it was required
  }
}

/** True when the command has a form and a required form input was not given inline. */
export function needsForm(command: Command, raw: RawOptions): boolean {
  const inputs = command.form?.inputs ?? [];
  return inputs.some((key) => command.options[key]?.required && raw[key] === undefined);
}

function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One labelled text box of a modal. */
export function textInput(
  key: string,
  def: Pick<AnyOptionDef, 'description' | 'required' | 'maxLength' | 'example'>,
  value?: string,
): APILabelComponent {
  const max = Math.min(def.maxLength ?? LIMITS.inputMaxLength, LIMITS.inputMaxLength);
  return {
    type: ComponentType.Label,
    label: clip(humanize(key), LIMITS.inputLabel),
    description: clip(def.description, LIMITS.inputDescription),
    component: {
      type: ComponentType.TextInput,
      custom_id: key,
      style: max > LONG_TEXT ? TextInputStyle.Paragraph : TextInputStyle.Short,
      required: def.required,
      max_length: max,
      placeholder: clip(`e.g. ${def.example}`, LIMITS.inputDescription),
      ...(value ? { value: clip(value, max) } : {}),
    },
  };
}

/** The modal of a command's form, prefilled with form inputs given inline. */
export function formModal(
  command: Command,
  customId: string,
  raw: RawOptions,
): APIModalInteractionResponseCallbackData {
  const inputs = (command.form?.inputs ?? []).slice(0, 5); // why: Discord allows 5 inputs per modal
  return {
    custom_id: customId,
    title: clip(command.form?.title ?? `/${command.name}`, LIMITS.modalTitle),
    components: inputs.flatMap((key) => {
      const def = command.options[key];
      const given = raw[key];
      return def ? [textInput(key, def, given === undefined ? undefined : String(given))] : [];
    }),
  };
}

/**
 * Opens the command's form. A modal must be the first answer, so the
 * moderator check comes first: a member who may not run the command gets
 * the core's refusal instead of a form they could never send.
 */
export async function openForm(
  interaction: ChatInputCommandInteraction,
  command: Command,
  raw: RawOptions,
  ctx: RouterContext,
): Promise<void> {
  const refusal = await checkPermission(command, envFor(interaction, ctx));
  if (refusal) {
    await sendPrivate(interaction, refusal, ctx);
    return;
  }
  const early = command.form?.precheck?.(raw);
  if (early) {
    await sendPrivate(interaction, errorReply(early.code, early.message), ctx);
    return;
  }
  const formInputs = new Set(command.form?.inputs ?? []);
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !formInputs.has(key)));
  const budget = ctx.codec.payloadBudget(command.name);
  const customId = ctx.codec.encode({
    kind: 'm',
    id: command.name,
    payload: ctx.pendingForms.save(kept, budget),
  });
  if (!customId.ok) throw new Error(customId.message);
  await interaction.showModal(formModal(command, customId.value, raw));
}
