/**
 * Markdown as a terminal shows it: the words without the markers. FAQ answers
 * and some replies are written with light Markdown (`**bold**`, `_note_`,
 * `` `code` ``, `[text](url)`, `# heading`); the shell prints none of the
 * markers, and a link keeps its real address visible.
 */

// Emphasis opens after a start, space or punctuation and closes before one, so
// `snake_case`, `mod_role:` and `2*3` are left alone.
const OPEN = '(^|[\\s([{"\'“‘/-])';
const CLOSE = '(?=$|[\\s)\\]}"\'”’.,;:!?/-])';
const STRONG = new RegExp(`${OPEN}(\\*\\*|__)(?=\\S)([\\s\\S]*?\\S)\\2${CLOSE}`, 'g');
const EMPHASIS = new RegExp(`${OPEN}([*_])(?=\\S)([^*_\\n]*?\\S)\\2${CLOSE}`, 'g');
const STRIKE = /~~(?=\S)([^~\n]*?\S)~~/g;
const CODE = /`([^`\n]+)`/g;
const LINK = /\[([^\]\n]+)\]\((\S+?)\)/g;

/** One line of Markdown as plain text. */
function plainLine(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s{0,3}>\s?/, '')
    .replace(CODE, '$1')
    .replace(LINK, (_m, text: string, url: string) => (text === url ? url : `${text} (${url})`))
    .replace(STRONG, '$1$3')
    .replace(EMPHASIS, '$1$3')
    .replace(STRIKE, '$1')
    .replace(/\\([*_`~[\]()#>\\])/g, '$1');
}

/** Removes Markdown markers from a text, line by line, keeping lists and paragraphs. */
export function plainText(text: string): string {
  return text.split('\n').map(plainLine).join('\n');
}
