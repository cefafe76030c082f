import type { ListingDraft } from '../opportunities/listing.ts';
import { isPhoneContact } from '../opportunities/listing-fields.ts';

/**
 * Scam and quality rules (docs/domain.md, "Red flags"). A rule that fires
 * holds the listing for a moderator: it is never published until one
 * approves it, whoever posted it. The bot flags; it does not decide alone.
 */
export type FlagRule =
  | 'guaranteed-match'
  | 'placement-claim'
  | 'fee-too-high'
  | 'no-verifiable-contact'
  | 'unsupervised-hands-on';

export interface FlagHit {
  readonly rule: FlagRule;
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

const GUARANTEE =
  /\b(guarantee[ds]?|guaranteeing|assured|promised?)\b[^.!?\n]{0,60}\b(match|residency|residencies|position|placement|interview|spot|seat)s?\b|\b(match|residency|placement|interview)s?\b[^.!?\n]{0,20}\bguarantee[ds]?\b/i;
const HUNDRED_PERCENT = /(\b100\s*(%|percent|per\s*cent)|\bhundred\s+percent)/i;
const SUCCESS_WORDS =
  /\b(match|placement|placed|success|residency|residencies|interview|acceptance|pass|hired)/i;
const SUPERVISION =
  /\b(supervis\w*|preceptor\w*|precepted|co-?sign\w*|under the (direct )?(guidance|direction|oversight)|overseen)\b/i;
const FREE_MAIL =
  /@(gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|mail|gmx|proton|protonmail|yandex|zoho)\.[a-z.]+$/i;
const UNVERIFIABLE_HOSTS =
  /^(wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|t\.me|telegram\.me|bit\.ly|tinyurl\.com|goo\.gl|t\.co|forms\.gle|linktr\.ee|cutt\.ly|rb\.gy|is\.gd)$/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/);
}

function claimText(d: ListingDraft): string {
  return [d.title, d.description, d.feeCovers, d.requirements.other].join('\n');
}

function quote(text: string): string {
  const t = text.trim();
  return `"${t.length > 80 ? `${t.slice(0, 79)}…` : t}"`; // why: keep the evidence to one line
}

function contactProblem(contact: string): string | undefined {
  if (contact === '') return 'no contact email or URL is given';
  if (contact.includes('@')) {
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

/** Runs every rule on a listing's content; empty when nothing is suspicious. */
export function checkListing(d: ListingDraft): FlagHit[] {
  const hits: FlagHit[] = [];
  const text = claimText(d);
  const guarantee = GUARANTEE.exec(text);
  if (guarantee) {
    hits.push({
      rule: 'guaranteed-match',
      message: `Promises a residency, Match or position: ${quote(guarantee[0])}`,
    });
  }
  const claim = sentences(text).find((s) => HUNDRED_PERCENT.test(s) && SUCCESS_WORDS.test(s));
  if (claim) hits.push({ rule: 'placement-claim', message: `Claims a 100% success rate: ${quote(claim)}` });
  const weeks = d.durationWeeks?.min ?? DEFAULT_WEEKS;
  const perWeek = (d.feeUsd ?? 0) / weeks;
  if (perWeek > FEE_FLAG_USD_PER_WEEK) {
    hits.push({
      rule: 'fee-too-high',
      message: `Fee of $${d.feeUsd} for ${weeks} week${weeks === 1 ? '' : 's'} is $${Math.round(perWeek)}/week, above the $${FEE_FLAG_USD_PER_WEEK}/week usual ceiling`,
    });
  }
  const contact = contactProblem(d.contact);
  if (contact) hits.push({ rule: 'no-verifiable-contact', message: `No verifiable contact: ${contact}` });
  const claimsHandsOn = d.handsOn || /\bhands[-\s]?on\b/i.test(`${d.title}\n${d.description}`);
  if (claimsHandsOn && !SUPERVISION.test(`${d.title}\n${d.description}\n${d.requirements.other}`)) {
    hits.push({
      rule: 'unsupervised-hands-on',
      message: 'Claims hands-on patient care but says nothing about who supervises it',
    });
  }
  return hits;
}

/** Rules that fired and were not already accepted by a moderator. */
export function unapprovedFlags(flags: readonly string[], approved: readonly string[]): string[] {
  return flags.filter((f) => !approved.includes(f));
}

/** Human words for a rule id (for listings whose stored flags are only ids). */
export const FLAG_LABELS: Record<FlagRule, string> = {
  'guaranteed-match': 'promises a residency or Match',
  'placement-claim': 'claims a 100% placement/success rate',
  'fee-too-high': `fee above $${FEE_FLAG_USD_PER_WEEK}/week`,
  'no-verifiable-contact': 'no verifiable contact',
  'unsupervised-hands-on': 'hands-on with no stated supervision',
};
