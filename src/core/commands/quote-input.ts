/** why: enough of a value to recognise it, short enough that an error never repeats a whole paste */
export const QUOTE_MAX = 40;

/**
 * A user's input as an error message quotes it: on one line, and at most
 * {@link QUOTE_MAX} characters followed by `…`, so a 5,000-character paste is
 * refused without being echoed back whole.
 */
export function quoteInput(text: string, max = QUOTE_MAX): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? `"${line}"` : `"${line.slice(0, max)}…"`;
}
