import { fail, ok, type Result } from '../result.ts';

/**
 * Tokenises the text form of a command used by the shell and Slack:
 * `/name key:value key:"value with spaces" bare words`.
 * Pure; the dispatcher decides what bare words mean for each command.
 */
export type Token =
  | { readonly type: 'option'; readonly key: string; readonly value: string; readonly quoted: boolean }
  | { readonly type: 'word'; readonly text: string; readonly quoted: boolean };

export interface ParsedLine {
  /** Command name without the slash, lowercased (`help`, `track`). */
  readonly name: string;
  readonly tokens: readonly Token[];
}

// why: typographic quotes arrive from phones, macOS and Slack's editor.
const QUOTES: Record<string, string> = { '"': '"', '\u201c': '\u201d', '\u201d': '\u201d', "'": "'" };
const KEY = /^([A-Za-z][A-Za-z0-9_-]{0,31}):/;

interface Chunk {
  readonly text: string;
  readonly quoted: boolean;
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/** Where the quote opened at `open` closes (a typographic quote may also close with `"`), or -1. */
function closingQuote(text: string, open: number, close: string): number {
  const end = text.indexOf(close, open + 1);
  const altEnd = close === '\u201d' ? text.indexOf('"', open + 1) : -1;
  if (end === -1) return altEnd;
  return altEnd === -1 ? end : Math.min(end, altEnd);
}

/**
 * A quote opens a run only at the start of a chunk or right after `key:`,
 * so apostrophes inside words ("don't") stay literal.
 */
function opensRun(current: string, ch: string): string | undefined {
  const close = QUOTES[ch];
  if (close === undefined) return undefined;
  return current === '' || (KEY.test(current) && current.endsWith(':')) ? close : undefined;
}

/** Reads one chunk starting at `start` (not a space); returns it and where reading stopped. */
function readChunk(text: string, start: number, offset: number): Result<{ chunk: Chunk; next: number }> {
  let current = '';
  let quoted = false;
  let i = start;
  while (i < text.length && !isSpace(text[i])) {
    const ch = text[i] ?? '';
    const close = opensRun(current, ch);
    if (close === undefined) {
      current += ch;
      i++;
      continue;
    }
    const stop = closingQuote(text, i, close);
    if (stop === -1) {
      const position = offset + i + 1;
      return fail(
        'PARSE.UNCLOSED_QUOTE',
        `A quote opened at character ${position} is never closed. Example: what:"email Dr. Rivera"`,
        { position },
      );
    }
    current += text.slice(i + 1, stop);
    quoted = true;
    i = stop + 1;
  }
  return ok({ chunk: { text: current, quoted }, next: i });
}

/**
 * Splits on whitespace, keeping quoted runs (which may start mid-word: `what:"a b"`).
 * `offset` is where `text` starts in what the member typed, so error positions match their line.
 */
function splitChunks(text: string, offset: number): Result<Chunk[]> {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < text.length) {
    while (isSpace(text[i])) i++;
    if (i >= text.length) break;
    const read = readChunk(text, i, offset);
    if (!read.ok) return read;
    chunks.push(read.value.chunk);
    i = read.value.next;
  }
  return ok(chunks);
}

/** The `key:` at the start of a chunk, unless the chunk is a value such as a URL. */
function optionKey(chunk: Chunk): RegExpExecArray | null {
  const key = KEY.exec(chunk.text);
  // why: `https://...` is a value, not a `key:value` pair (`18:30` never matches KEY).
  if (key && !chunk.quoted && chunk.text.slice(key[0].length).startsWith('//')) return null;
  return key;
}

/** Parses a full command line. Returns a failure for a missing slash or name, or an unclosed quote. */
export function parseCommandLine(line: string): Result<ParsedLine> {
  const trimmed = line.trim();
  if (!trimmed.startsWith('/')) {
    return fail('PARSE.NOT_A_COMMAND', 'Commands start with "/". Example: /help');
  }
  const nameMatch = /^\/([A-Za-z][A-Za-z0-9_-]*)/.exec(trimmed);
  if (!nameMatch?.[1]) {
    return fail('PARSE.NO_NAME', 'Type a command name after "/". Example: /help');
  }
  const tokens = tokenizeArguments(trimmed.slice(nameMatch[0].length), nameMatch[0].length);
  if (!tokens.ok) return tokens;
  return ok({ name: nameMatch[1].toLowerCase(), tokens: tokens.value });
}

/**
 * Tokenises the argument text alone (Slack sends the command name separately).
 * `offset`: length of what precedes `text` on the member's line (`/remind `), for error positions.
 */
export function tokenizeArguments(text: string, offset = 0): Result<Token[]> {
  const chunks = splitChunks(text, offset);
  if (!chunks.ok) return chunks;
  const tokens: Token[] = [];
  const list = chunks.value;
  for (let i = 0; i < list.length; i++) {
    const chunk = list[i] as Chunk;
    const key = optionKey(chunk);
    if (!key) {
      tokens.push({ type: 'word', text: chunk.text, quoted: chunk.quoted });
      continue;
    }
    const value = chunk.text.slice(key[0].length);
    const next = list[i + 1];
    // `when: tomorrow` (a space after the colon) is read as `when:tomorrow`; so is `url: https://...`.
    if (value === '' && !chunk.quoted && next && !optionKey(next)) {
      tokens.push({
        type: 'option',
        key: (key[1] ?? '').toLowerCase(),
        value: next.text,
        quoted: next.quoted,
      });
      i++;
      continue;
    }
    tokens.push({ type: 'option', key: (key[1] ?? '').toLowerCase(), value, quoted: chunk.quoted });
  }
  return ok(tokens);
}
