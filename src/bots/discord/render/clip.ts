import { unmaskLinks } from '../../../core/moderation/masked-links.ts';

/**
 * Discord's size limits and the helpers that keep every message inside them.
 * A message over a limit is refused whole (50035 Invalid Form Body), so text
 * is clipped before sending, never after a failure.
 */
export const LIMITS = {
  content: 2_000,
  embedTitle: 256,
  embedDescription: 4_096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  /** Sum of title, description, field names/values and footer over all embeds of a message. */
  embedTotal: 6_000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  modalTitle: 45,
  inputLabel: 45,
  inputDescription: 100,
  inputMaxLength: 4_000,
  optionDescription: 100,
  options: 25,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` UTF-16 units, ending with `…` when cut, and
 * never splitting a surrogate pair (an emoji cut in half is invalid UTF-8).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - ELLIPSIS.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // why: don't keep a lone high surrogate
  return `${text.slice(0, Math.max(0, end)).trimEnd()}${ELLIPSIS}`;
}

/**
 * `@everyone`/`@here` as a word of its own. Not inside an address such as
 * `observers@here.example.org`: a hidden character there would break the
 * email a member copies (and `allowedMentions` keeps content silent anyway).
 */
const EVERYONE = /(?<![\w.+-])@(everyone|here)\b/g;

/**
 * Defuses mention syntax in user-written text so it shows as text, also
 * where `allowedMentions` does not reach (embeds render `<@&id>` as a role
 * pill): `@everyone`/`@here` and `<@…>`/`<@&…>` get a zero-width space.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(EVERYONE, '@\u200b$1').replace(/<@/g, '<@\u200b');
}

/**
 * Clipped, defused and with masked links written out (`[text](url)` shows as
 * `text (url)`, so no link hides where it leads): the one call the renderer
 * makes on every user-visible string.
 */
export function safeText(text: string, max: number): string {
  return clip(neutralizeMentions(unmaskLinks(text)), max);
}
