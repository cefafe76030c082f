import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseRedFlagRules, type RedFlagRule } from './red-flag-rules.ts';

/** Where moderators edit the rules: `red-flag-rules.yaml`, beside this file. */
export const RED_FLAG_RULES_FILE = fileURLToPath(new URL('./red-flag-rules.yaml', import.meta.url));

/**
 * Reads and checks the rule file once, when the module is first loaded (the
 * rules are part of the code's behaviour, like a table beside it). A
 * malformed edit stops start-up with every problem named by rule and field.
 */
function load(): readonly RedFlagRule[] {
  const parsed = parseRedFlagRules(readFileSync(RED_FLAG_RULES_FILE, 'utf8'), RED_FLAG_RULES_FILE);
  if (!parsed.ok) throw new Error(`The red-flag rules cannot be used:\n${parsed.message}`);
  return parsed.value;
}

/** The shipped rules, compiled. */
export const RED_FLAG_RULES: readonly RedFlagRule[] = load();
