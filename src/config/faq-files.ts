import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkEntrySet, describeEntryIssue, type FaqEntry, faqEntrySchema } from '../core/faq/faq-entry.ts';
import { fail, ok, type Result } from '../core/result.ts';

/**
 * Reads the shipped FAQ: `config/faq/<id>.md`, each a YAML front matter
 * block (`id`, `title`, `aliases`, `tags`, `keywords`, `related`,
 * `last_verified`) between `---` lines, then the Markdown answer. Every
 * problem names its file, and all of them are reported at once so a broken
 * edit is fixed in one round; start-up stops on any of them.
 */

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses one file's text into a validated entry (the id is not yet compared with the file name). */
export function parseFaqFile(file: string, text: string): Result<FaqEntry> {
  const name = basename(file);
  const m = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!m) return fail('CONFIG.FAQ', `${name}: must start with a front matter block between --- lines`);
  let meta: unknown;
  try {
    meta = parseYaml(m[1] ?? '');
  } catch (err) {
    return fail(
      'CONFIG.FAQ',
      `${name}: front matter is not valid YAML (${(err as Error).message.split('\n')[0]})`,
    );
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    return fail('CONFIG.FAQ', `${name}: front matter must be key: value pairs`);
  }
  const raw = { ...(meta as Record<string, unknown>), body: m[2] ?? '' };
  const parsed = faqEntrySchema.safeParse(raw);
  if (!parsed.success) return fail('CONFIG.FAQ', `${name}: ${describeEntryIssue(parsed.error, raw)}`);
  return ok(parsed.data);
}

/**
 * Loads and checks every `*.md` in `dir`: each file alone, then the set
 * (duplicate ids, id equal to the file name, `related` links to missing
 * entries). Entries come back sorted by id so every process lists them in
 * the same order.
 */
export async function loadFaqFiles(dir: string): Promise<Result<FaqEntry[]>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch (err) {
    return fail('CONFIG.FAQ', `${dir}: cannot read the FAQ folder (${(err as Error).message})`);
  }
  if (names.length === 0) return fail('CONFIG.FAQ', `${dir}: has no FAQ entries (*.md files)`);
  const problems: string[] = [];
  const entries: FaqEntry[] = [];
  const fileOf = new Map<string, string>();
  for (const name of names) {
    const parsed = parseFaqFile(name, await readFile(join(dir, name), 'utf8'));
    if (!parsed.ok) {
      problems.push(parsed.message);
      continue;
    }
    const entry = parsed.value;
    const first = fileOf.get(entry.id);
    if (first !== undefined) {
      problems.push(`${name}: duplicate id ${entry.id} (already used by ${first})`);
      continue;
    }
    fileOf.set(entry.id, name);
    const expected = name.replace(/\.md$/, '');
    if (entry.id !== expected)
      problems.push(`${name}: id ${entry.id} must match the file name (expected ${expected})`);
    entries.push(entry);
  }
  for (const p of checkEntrySet(entries)) problems.push(`${fileOf.get(p.id) ?? `${p.id}.md`}: ${p.message}`);
  if (problems.length > 0) {
    return fail('CONFIG.FAQ', `FAQ entries in ${dir} have problems:\n- ${problems.join('\n- ')}`, {
      problems,
    });
  }
  return ok(entries.sort((a, b) => a.id.localeCompare(b.id)));
}
