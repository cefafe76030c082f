import { describe, expect, it } from 'vitest';
import { parseCommandLine, type Token, tokenizeArguments } from '../../src/core/commands/parse-line.ts';

/** Short forms so the tables read like what the member typed. */
const opt = (key: string, value: string, quoted = false): Token => ({ type: 'option', key, value, quoted });
const word = (text: string, quoted = false): Token => ({ type: 'word', text, quoted });

function tokensOf(line: string): readonly Token[] {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) throw new Error(`expected ${line} to parse, got ${parsed.code}: ${parsed.message}`);
  return parsed.value.tokens;
}

describe('parseCommandLine: options and words', () => {
  it.each<[string, Token[]]>([
    ['/remind when:tomorrow what:email', [opt('when', 'tomorrow'), opt('what', 'email')]],
    ['/remind what:"email Dr. Rivera"', [opt('what', 'email Dr. Rivera', true)]],
    ["/remind what:'email Dr. Rivera'", [opt('what', 'email Dr. Rivera', true)]],
    ['/remind what:\u201cemail Dr. Rivera\u201d', [opt('what', 'email Dr. Rivera', true)]],
    ['/remind what:\u201cemail Dr. Rivera"', [opt('what', 'email Dr. Rivera', true)]],
    ['/remind what:"She said \u201chi\u201d"', [opt('what', 'She said \u201chi\u201d', true)]],
    ['/x key:"a b"', [opt('key', 'a b', true)]],
    ['/x key:"" other:1', [opt('key', '', true), opt('other', '1')]],
    ['/x "a b" c', [word('a b', true), word('c')]],
    ['/remind when: tomorrow what:email', [opt('when', 'tomorrow'), opt('what', 'email')]],
    ['/remind when: "next friday" what:email', [opt('when', 'next friday', true), opt('what', 'email')]],
    ['/remind when: what:email', [opt('when', ''), opt('what', 'email')]],
    ['/remind when:', [opt('when', '')]],
    ['/post url: https://example.org/a?b=c', [opt('url', 'https://example.org/a?b=c')]],
    ['/post url:https://example.org/a?b=c', [opt('url', 'https://example.org/a?b=c')]],
    ['/post https://example.org/apply', [word('https://example.org/apply')]],
    ['/remind at 18:30', [word('at'), word('18:30')]],
    ['/remind time:18:30', [opt('time', '18:30')]],
    ['/remind when: 18:30', [opt('when', '18:30')]],
    ["/faq don't know what's next", [word("don't"), word('know'), word("what's"), word('next')]],
    ["/remind what:O'Brien's letter", [opt('what', "O'Brien's"), word('letter')]],
    ['/remind when:in 2 weeks', [opt('when', 'in'), word('2'), word('weeks')]],
    ['/X WHEN:Tomorrow', [opt('when', 'Tomorrow')]],
    ['  /help   command:externship  ', [opt('command', 'externship')]],
    ['/help', []],
  ])('GIVEN %j THEN tokens %j', (line, expected) => {
    expect(tokensOf(line)).toEqual(expected);
  });
});

describe('parseCommandLine: command and subcommand names', () => {
  it.each<[string, string, Token[]]>([
    ['/help', 'help', []],
    ['/HELP', 'help', []],
    ['/track add listing:abc', 'track', [word('add'), opt('listing', 'abc')]],
    ['/Track ADD', 'track', [word('ADD')]],
    ['/my-data export', 'my-data', [word('export')]],
  ])('GIVEN %j THEN name %j and tokens %j', (line, name, tokens) => {
    const parsed = parseCommandLine(line);
    expect(parsed).toEqual({ ok: true, value: { name, tokens } });
  });
});

describe('parseCommandLine: lines it refuses', () => {
  it.each<[string, string, RegExp]>([
    ['help', 'PARSE.NOT_A_COMMAND', /start with "\/"\. Example: \/help/],
    ['what is ERAS?', 'PARSE.NOT_A_COMMAND', /Example: \/help/],
    ['/', 'PARSE.NO_NAME', /command name after "\/"\. Example: \/help/],
    ['/ help', 'PARSE.NO_NAME', /Example: \/help/],
    ['/123', 'PARSE.NO_NAME', /Example: \/help/],
  ])('GIVEN %j THEN %s', (line, code, message) => {
    const parsed = parseCommandLine(line);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.code).toBe(code);
    expect(parsed.message).toMatch(message);
  });

  it.each<[string, number]>([
    ['/remind what:"email Dr. Rivera', 14],
    ['/remind what:\u201cemail Dr. Rivera', 14],
    ['/remind when:tomorrow what:"email', 28],
    ['/x a:"ok" "never closed', 11],
    ["/faq 'tis the season", 6],
  ])('GIVEN %j THEN PARSE.UNCLOSED_QUOTE at character %i of the line', (line, position) => {
    const parsed = parseCommandLine(line);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.code).toBe('PARSE.UNCLOSED_QUOTE');
    expect(parsed.details).toEqual({ position });
    // The position is counted on the line as typed, so the member can find the quote.
    expect(line[position - 1]).toMatch(/["'\u201c]/);
    expect(parsed.message).toContain(`character ${position}`);
    expect(parsed.message).toMatch(/Example: what:"email Dr\. Rivera"/);
  });
});

describe('tokenizeArguments (Slack sends the name separately)', () => {
  it('GIVEN argument text THEN the same tokens as the full line', () => {
    expect(tokenizeArguments('when: tomorrow what:"email Dr. Rivera"')).toEqual({
      ok: true,
      value: [opt('when', 'tomorrow'), opt('what', 'email Dr. Rivera', true)],
    });
  });

  it('GIVEN an unclosed quote and the length of "/remind " THEN the position on the typed line', () => {
    const parsed = tokenizeArguments('what:"oops', '/remind '.length);
    expect(parsed).toMatchObject({ ok: false, code: 'PARSE.UNCLOSED_QUOTE', details: { position: 14 } });
  });
});
