import type { ListingDraft } from '../opportunities/listing.ts';
import type { RedFlagRule, RuleConditions, RuleField } from './red-flag-rules.ts';

/**
 * Runs the data-file red-flag rules (red-flag-rules.yaml) on a listing's
 * content. A hit carries the words that fired, so the moderator sees the
 * evidence, not only a verdict.
 */

/** A rule that fired on a listing. */
export interface RuleHit {
  readonly rule: string;
  /** Short words for lists ("pressure to pay at once"). */
  readonly label: string;
  /** The words of the listing that fired, in reading order; empty for a rule about facts alone. */
  readonly words: readonly string[];
  /** What a moderator reads: the rule's explanation and the evidence. */
  readonly message: string;
}

// why: "no hands-on contact" and "non-hands-on" deny hands-on work rather than claim it
const SAYS_HANDS_ON = /(?<!\b(?:no|not|non)[-\s])\bhands[-\s]?on\b/i;
const WORDS_SHOWN = 80; // why: keep each piece of evidence to one line in a Discord field

function fee(d: ListingDraft): number {
  return typeof d.feeUsd === 'number' ? d.feeUsd : 0;
}

/** Marked hands-on, or says "hands-on" in its title or description. */
export function claimsHandsOn(d: ListingDraft): boolean {
  return d.handsOn === true || SAYS_HANDS_ON.test(`${d.title}\n${d.description}`);
}

function fieldText(d: ListingDraft, f: RuleField): string {
  switch (f) {
    case 'title':
      return d.title;
    case 'description':
      return d.description;
    case 'fee_covers':
      return d.feeCovers;
    case 'other_requirements':
      return d.requirements.other;
    case 'contact':
      return d.contact;
    case 'institution':
      return d.institution;
  }
}

function holds(w: RuleConditions, d: ListingDraft): boolean {
  if (w.handsOn && !claimsHandsOn(d)) return false;
  if (w.types && !w.types.includes(d.type)) return false;
  if (w.exceptTypes?.includes(d.type)) return false;
  if (w.feeAbove !== undefined && !(fee(d) > w.feeAbove)) return false;
  if (w.feeCoversEmpty && d.feeCovers.trim() !== '') return false;
  return true;
}

/** Sentences (and lines) of a text: a phrase and its `near` words must share one. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== '');
}

function firstMatch(rule: RedFlagRule, text: string, handsOn: boolean): string[] | undefined {
  for (const sentence of sentences(text)) {
    for (const re of rule.match) {
      const m = re.exec(sentence);
      if (!m) continue;
      if (rule.near.length === 0 || (rule.nearOrHandsOn && handsOn)) return [m[0]];
      for (const near of rule.near) {
        const n = near.exec(sentence);
        if (n) return n.index < m.index ? [n[0], m[0]] : [m[0], n[0]];
      }
    }
  }
  return undefined;
}

function shown(words: string): string {
  const t = words.trim().replace(/\s+/g, ' ');
  return `"${t.length > WORDS_SHOWN ? `${t.slice(0, WORDS_SHOWN - 1)}…` : t}"`;
}

function explain(rule: RedFlagRule, d: ListingDraft): string {
  return rule.explain.replace(/\{fee\}/g, `$${fee(d).toLocaleString('en-US')}`);
}

/** Runs one rule; undefined when it does not fire. */
export function runRule(rule: RedFlagRule, d: ListingDraft): RuleHit | undefined {
  if (!holds(rule.when, d)) return undefined;
  const text = rule.lookIn
    .map((f) => fieldText(d, f))
    .filter((t) => t !== '')
    .join('\n');
  if (rule.unless.some((re) => re.test(text))) return undefined;
  let words: string[] = [];
  if (rule.match.length > 0) {
    const found = firstMatch(rule, text, claimsHandsOn(d));
    if (!found) return undefined;
    words = found;
  }
  const because = explain(rule, d);
  return {
    rule: rule.id,
    label: rule.label,
    words,
    message: words.length > 0 ? `${because}: ${words.map(shown).join(' + ')}` : because,
  };
}

/** Every rule that fires on a listing, in the file's order. */
export function runRules(rules: readonly RedFlagRule[], d: ListingDraft): RuleHit[] {
  return rules.map((r) => runRule(r, d)).filter((h): h is RuleHit => h !== undefined);
}
