/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`,
 * `-` or `@` as a formula (tab and carriage return can lead into one), so a
 * member's `/suggest` title `=HYPERLINK(...)` would run in a moderator's
 * spreadsheet. Export prefixes such cells with a single quote, which
 * spreadsheets read as "text, not a formula"; import removes it again.
 *
 * To make the round trip exact, a value that already starts with quotes
 * followed by one of those characters (`'=x`) gets one more quote on export,
 * and import always removes exactly one: `=x` -> `'=x` -> `=x`,
 * `'=x` -> `''=x` -> `'=x`, and `'plain` stays `'plain` both ways.
 */

// why: the OWASP list of formula triggers: = + - @, tab (0x09) and carriage return (0x0D)
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_START = /^'+[=+\-@\t\r]/;

/** The cell as an export writes it: a single quote before a formula trigger. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The cell as an import reads it: the quote {@link neutraliseCell} added is removed. */
export function restoreCell(value: string): string {
  return ESCAPED_START.test(value) ? value.slice(1) : value;
}
