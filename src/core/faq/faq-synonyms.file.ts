import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSynonyms, type SynonymRow } from './faq-synonyms.ts';

/**
 * Where moderators tune the FAQ's vocabulary: `config/faq/synonyms.yaml`
 * beside the shipped entries (the same three levels up from this module in
 * `src/` and in the compiled `dist/`).
 */
export const SYNONYMS_FILE = fileURLToPath(new URL('../../../config/faq/synonyms.yaml', import.meta.url));

/**
 * Reads and checks the file once, when the module is first loaded (the
 * table shapes how every entry and question is read, like code beside it).
 * A malformed edit stops start-up with every problem named by row and field.
 */
function load(): readonly SynonymRow[] {
  const parsed = parseSynonyms(readFileSync(SYNONYMS_FILE, 'utf8'), SYNONYMS_FILE);
  if (!parsed.ok) throw new Error(`The FAQ synonyms cannot be used:\n${parsed.message}`);
  return parsed.value;
}

/** The shipped synonym table. */
export const SYNONYMS: readonly SynonymRow[] = load();
