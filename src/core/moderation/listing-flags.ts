import type { ListingDraft } from '../opportunities/listing.ts';
import { isPhoneContact } from '../opportunities/listing-fields.ts';
import { disguisedLinks } from './link-claims.ts';
import { runRules } from './red-flag-engine.ts';
import { RED_FLAG_RULES } from './red-flag-rules.file.ts';

/**
 * Scam and quality rules (docs/domain.md, "Red flags"). A rule that fires
 * holds the listing for a moderator: it is never published until one
 * approves it, whoever posted it. The bot flags; it does not decide alone.
 *
 * Phrasing rules live in `red-flag-rules.yaml` beside this file, where
 * moderators add phrasings; the rules here need numbers or address parsing.
 */

/** A rule id: one of the file's, or of the coded rules below. */
export type FlagRule = string;

/** Rules coded here rather than in the rule file. */
export const CODED_RULES = {
  'fee-too-high': 'fee far above the usual',
  'no-verifiable-contact': 'no verifiable contact',
  'disguised-link': 'a link that leads somewhere other than its text says',
  'possible-duplicate': 'possibly a duplicate of another listing',
} as const;

export interface FlagHit {
  readonly rule: FlagRule;
  /** Short words for lists. */
  readonly label: string;
  /** The listing's words that fired (empty for rules about numbers or facts). */
  readonly words: readonly string[];
  /** What a moderator reads: which rule and the evidence. */
  readonly message: string;
}

/**
 * Fee per week above which a listing is held for review.
 *
 * why 1,500: the paid rotations members report (and the sample listings) cost
 * about $250-$1,000 per week, i.e. $1,000-$4,000 for the usual 4-week block,
 * covering administration, malpractice cover and EMR access. 1.5 times the top
 * of that range is "far above the usual" without catching ordinary academic
 * visiting-student fees. The fee is divided by the shortest stated duration
 * (a member may pay it all for the shortest stay); without a duration, by 4
 * weeks, the standard block.
 */
export const FEE_FLAG_USD_PER_WEEK = 1500;
const DEFAULT_WEEKS = 4; // why: the standard externship block (docs/domain.md, "Numbers")

const FREE_MAIL =
  /@(gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|mail|gmx|proton|protonmail|yandex|zoho)\.[a-z.]+$/i;
const UNVERIFIABLE_HOSTS =
  /^(wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|t\.me|telegram\.me|bit\.ly|tinyurl\.com|goo\.gl|t\.co|forms\.gle|linktr\.ee|cutt\.ly|rb\.gy|is\.gd)$/i;

function contactProblem(contact: string): string | undefined {
  if (contact === '') return 'no contact email or URL is given';
  if (contact.includes('@') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(contact)) {
    return FREE_MAIL.test(contact)
      ? `the contact ${contact} is a free webmail address, not an institution's`
      : undefined;
  }
  try {
    const url = new URL(contact);
    if (UNVERIFIABLE_HOSTS.test(url.hostname))
      return `the contact ${url.hostname} is a chat or link-shortener address`;
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname)) return 'the contact URL is a bare IP address';
  } catch {
    // A phone number is a way to reach a real office (listing-fields.ts accepts it as a contact).
    if (isPhoneContact(contact)) return undefined;
    return 'the contact is neither an email address, a web address nor a phone number';
  }
  return undefined;
}

function coded(rule: keyof typeof CODED_RULES, message: string, words: readonly string[] = []): FlagHit {
  return { rule, label: CODED_RULES[rule], words, message };
}

function feeHit(d: ListingDraft): FlagHit | undefined {
  const fee = typeof d.feeUsd === 'number' ? d.feeUsd : 0;
  const weeks = d.durationWeeks?.min ?? DEFAULT_WEEKS;
  const perWeek = fee / weeks;
  if (perWeek <= FEE_FLAG_USD_PER_WEEK) return undefined;
  return coded(
    'fee-too-high',
    `Fee of $${fee} for ${weeks} week${weeks === 1 ? '' : 's'} is $${Math.round(perWeek)}/week, above the $${FEE_FLAG_USD_PER_WEEK}/week usual ceiling`,
  );
}

/** Runs every rule on a listing's content; empty when nothing is suspicious. */
export function checkListing(d: ListingDraft): FlagHit[] {
  const hits: FlagHit[] = [...runRules(RED_FLAG_RULES, d)];
  const fee = feeHit(d);
  if (fee) hits.push(fee);
  const contact = contactProblem(d.contact);
  if (contact) hits.push(coded('no-verifiable-contact', `No verifiable contact: ${contact}`));
  const disguised = disguisedLinks([d.title, d.description, d.feeCovers, d.requirements.other, d.contact]);
  if (disguised.length > 0) {
    const first = disguised[0];
    hits.push(
      coded(
        'disguised-link',
        `A link's text names ${first?.claims} but it leads to ${first?.leadsTo}: "${first?.words}"${disguised.length > 1 ? ` (and ${disguised.length - 1} more)` : ''}`,
        disguised.map((l) => l.words),
      ),
    );
  }
  return hits;
}

/** Rules that fired and were not already accepted by a moderator. */
export function unapprovedFlags(flags: readonly string[], approved: readonly string[]): string[] {
  return flags.filter((f) => !approved.includes(f));
}

const FILE_LABELS = new Map(RED_FLAG_RULES.map((r) => [r.id, r.label]));

/** Human words for a rule id (for listings whose stored flags are only ids). */
export function flagLabel(rule: string): string {
  if (rule === 'fee-too-high') return `fee above $${FEE_FLAG_USD_PER_WEEK}/week`;
  return FILE_LABELS.get(rule) ?? CODED_RULES[rule as keyof typeof CODED_RULES] ?? rule;
}
