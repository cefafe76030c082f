import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { ReplyAction } from '../../../core/reply.ts';
import type { CustomIdCodec } from '../custom-id.ts';
import { LIMITS, safeText } from './clip.ts';

/** Adapter-level action: re-post an ephemeral answer publicly in the channel. */
export const SHARE_ACTION = 'discord.share';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

const STYLES: Record<
  NonNullable<ReplyAction['style']>,
  ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger
> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  danger: ButtonStyle.Danger,
};

export interface RenderedButtons {
  readonly rows: ButtonRow[];
  /** Actions left out (custom id too long, duplicate, or over 25 buttons), for the log. */
  readonly dropped: readonly string[];
}

/**
 * The reply's actions as button rows: at most 5 per row and 5 rows, labels
 * clipped to 80, custom ids signed (see custom-id.ts). With `share`, a
 * "Share in channel" button comes last.
 */
export function renderButtons(
  actions: readonly ReplyAction[],
  codec: CustomIdCodec,
  share: boolean,
): RenderedButtons {
  const all: ReplyAction[] = [...actions];
  if (share) all.push({ action: SHARE_ACTION, label: 'Share in channel', payload: '', style: 'secondary' });
  const buttons: APIButtonComponentWithCustomId[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  for (const action of all) {
    const id = codec.encode({ kind: 'a', id: action.action, payload: action.payload });
    const full = buttons.length >= LIMITS.buttonsPerRow * LIMITS.rows;
    if (!id.ok || seen.has(id.value) || full) {
      dropped.push(`${action.action}|${action.payload}`);
      continue;
    }
    seen.add(id.value);
    buttons.push({
      type: ComponentType.Button,
      style: STYLES[action.style ?? (action.action === SHARE_ACTION ? 'secondary' : 'primary')],
      label: safeText(action.label, LIMITS.buttonLabel) || 'Open',
      custom_id: id.value,
    });
  }
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return { rows, dropped };
}
