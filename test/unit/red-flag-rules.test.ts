import { describe, expect, it } from 'vitest';
import { checkListing } from '../../src/core/moderation/listing-flags.ts';
import { RED_FLAG_RULES } from '../../src/core/moderation/red-flag-rules.file.ts';
import { parseRedFlagRules } from '../../src/core/moderation/red-flag-rules.ts';
import { draftFrom, sampleDrafts } from '../helpers/listing-drafts.ts';

/** The rules that fire on a listing, by id. */
function fired(over: Record<string, string>): string[] {
  return checkListing(draftFrom(over)).map((h) => h.rule);
}

/** An ordinary paid, supervised, hands-on externship: nothing about it is a red flag. */
const EXTERN = {
  type: 'externship',
  hands_on: 'yes',
  fee_usd: '1800',
  description:
    'Take histories and examine patients under the supervision of the attending. The fee covers administrative processing, malpractice coverage and EMR access.',
};

const ORDINARY: [string, Record<string, string>][] = [
  ['a free observership', {}],
  ['a paid supervised externship', EXTERN],
  [
    'an observership open to visitor-visa holders',
    {
      description:
        'Observers on a B1/B2 visitor visa are welcome; this is observation only, no patient contact.',
    },
  ],
  [
    'a scribe role with no visa sponsorship',
    { description: 'Requires U.S. work authorization; no visa sponsorship.' },
  ],
  ['rolling admission, one at a time', { description: 'Rolling admission, one observer at a time.' }],
  [
    'an institution site and email',
    {
      description: 'Apply at https://www.riverbend.example.org/observers or by email.',
      contact: 'observers@riverbend.example.org',
    },
  ],
  [
    'a masked link to its own site',
    { description: 'Details: [riverbend.example.org](https://riverbend.example.org/obs)' },
  ],
  [
    'a visitor-visa observership that denies hands-on work',
    { description: 'B1/B2 visa holders welcome. There is no direct patient contact and no hands-on work.' },
  ],
  ['a denied hands-on', { description: 'There is no hands-on patient contact in this observership.' }],
  [
    'an ECG signal',
    { description: 'Review ECG signal quality and telemetry alarms with the cardiology fellow.' },
  ],
];

describe('red-flag rules: ordinary listings are never flagged', () => {
  it.each(ORDINARY)('GIVEN %s THEN no rule fires', (_name, over) => {
    expect(checkListing(draftFrom(over))).toEqual([]);
  });

  it('GIVEN every shipped sample listing THEN no rule fires on any', () => {
    const flagged = sampleDrafts()
      .map((d) => ({ id: d.id, rules: checkListing(d).map((h) => `${h.rule}: ${h.message}`) }))
      .filter((x) => x.rules.length > 0);
    expect(flagged).toEqual([]);
  });
});

/** [rule, phrasing in the description, extra cells]: each must fire with the words shown. */
const CATCH: [string, string, Record<string, string>][] = [
  // Hands-on work on a visitor visa, or "the visa is no problem".
  ['visitor-visa-hands-on', 'You can do this hands-on rotation on a B1/B2 visa.', {}],
  ['visitor-visa-hands-on', 'Tourist visa holders see patients and write notes from day one.', {}],
  ['visitor-visa-hands-on', 'Come on a B-2 visa; supervised work.', EXTERN],
  ['visitor-visa-hands-on', 'Visa is no problem for hands-on training.', {}],
  ['visitor-visa-hands-on', 'Any visa is fine. Supervised by our attendings.', EXTERN],
  ['visitor-visa-hands-on', 'ESTA travellers welcome to examine patients.', {}],
  ['visitor-visa-hands-on', 'Visa rules do not matter for this hands-on externship.', {}],
  // Payment pressure.
  ['payment-pressure', 'Only 3 seats left for January!', {}],
  ['payment-pressure', 'Pay today to confirm your rotation.', {}],
  ['payment-pressure', 'A $500 deposit will hold your place.', {}],
  ['payment-pressure', 'Send a non-refundable deposit to reserve a spot.', {}],
  ['payment-pressure', 'Spots are filling fast, act now.', {}],
  ['payment-pressure', 'Payment is due within 24 hours of acceptance.', {}],
  // Untraceable payment.
  ['untraceable-payment', 'Fees are paid by wire transfer before arrival.', {}],
  ['untraceable-payment', 'We accept Western Union and MoneyGram.', {}],
  ['untraceable-payment', 'Pay with Amazon gift cards.', {}],
  ['untraceable-payment', 'Payment in crypto (USDT) only.', {}],
  ['untraceable-payment', 'Send the fee by Zelle to Dr. Khan.', {}],
  ['untraceable-payment', 'Cash App or Venmo accepted.', {}],
  // Contact only through a personal messaging handle.
  ['personal-messaging-contact', 'WhatsApp +1 555 010 2030 to apply.', {}],
  ['personal-messaging-contact', 'Message us on Telegram @usce_fast for details.', {}],
  ['personal-messaging-contact', 'Contact via WhatsApp only.', {}],
  ['personal-messaging-contact', 'Details: t.me/usce_deals', {}],
  // A fee with no account of what it covers.
  ['fee-unexplained', 'Clinic rotation with the hospitalist team.', { fee_usd: '900' }],
  // Rules that were already there, now in the file.
  ['guaranteed-match', 'Guaranteed residency position after the rotation.', {}],
  ['placement-claim', 'Our alumni have a 100% match rate.', {}],
  ['unsupervised-hands-on', 'Examine patients and write notes.', { type: 'externship', hands_on: 'yes' }],
  // Links whose text names another site.
  ['disguised-link', 'Apply at [mayo.edu](http://mayo-clinic-observe.xyz/apply).', {}],
  ['disguised-link', 'Official site: [www.mayoclinic.org](https://mayoclinic-usce.top).', {}],
  ['disguised-link', 'Apply: <http://mayo-clinic-observe.xyz|www.mayoclinic.org>', {}],
  ['disguised-link', 'Apply at http://www.mayoclinic.org@mayo-clinic-observe.xyz/form', {}],
];

describe('red-flag rules: the phrasings each rule must catch', () => {
  it.each(CATCH)('GIVEN %s on %j THEN it fires and shows the words', (rule, description, extra) => {
    const hits = checkListing(draftFrom({ ...extra, description }));
    const hit = hits.find((h) => h.rule === rule);
    expect(hit, JSON.stringify(hits)).toBeDefined();
    expect(hit?.label.length).toBeGreaterThan(3);
    if (hit && hit.words.length > 0) {
      for (const w of hit.words) {
        expect(`${description}`.toLowerCase()).toContain(w.toLowerCase());
        expect(hit.message).toContain(`"${w}"`);
      }
    }
  });

  it('GIVEN each rule in the file THEN the table above catches at least one phrasing for it', () => {
    const tested = new Set(CATCH.map(([rule]) => rule));
    expect(RED_FLAG_RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it('GIVEN the words that fired THEN the moderator reads them, e.g. for payment pressure', () => {
    const [hit] = checkListing(
      draftFrom({ description: 'Great rotation. Only 2 spots left, so pay today!' }),
    );
    expect(hit).toMatchObject({ rule: 'payment-pressure', words: ['Only 2 spots left'] });
    expect(hit?.message).toBe('Pushes the member to pay or commit at once: "Only 2 spots left"');
  });

  it('GIVEN a paid listing with nothing on the fee THEN the message names the fee', () => {
    const hit = checkListing(draftFrom({ fee_usd: '2500', description: 'Clinic.' })).find(
      (h) => h.rule === 'fee-unexplained',
    );
    expect(hit?.message).toBe('Charges $2,500 but says nothing about what the fee covers');
    expect(fired({ fee_usd: '2500', description: 'Clinic.', fee_covers: 'badge and EMR access' })).toEqual(
      [],
    );
  });
});

describe('supervised rotations are not flagged as unsupervised hands-on', () => {
  const UNSAID = 'Students admit patients and present them on rounds.';
  it.each(['clerkship', 'sub-internship'])(
    'GIVEN a hands-on %s that does not mention supervision THEN no flag',
    (type) => {
      expect(fired({ type, hands_on: 'yes', description: UNSAID })).toEqual([]);
    },
  );
  it('GIVEN the same text as an externship THEN unsupervised-hands-on still fires', () => {
    expect(fired({ type: 'externship', hands_on: 'yes', description: UNSAID })).toEqual([
      'unsupervised-hands-on',
    ]);
  });
});

describe('the rule file: a moderator’s malformed edit is named by rule and field', () => {
  const good =
    "rules:\n  - id: cash-only\n    label: cash only\n    explain: Asks for cash\n    match: ['\\bcash only\\b']\n";

  it('GIVEN a well-formed rule THEN it parses', () => {
    const parsed = parseRedFlagRules(good);
    expect(parsed.ok).toBe(true);
  });

  it.each([
    [
      'a broken regular expression',
      "rules:\n  - id: cash-only\n    label: cash only\n    explain: Asks for cash\n    match: ['(cash only']\n",
      /^red-flag-rules\.yaml: rule "cash-only", field match\[0\]: is not a valid regular expression \(.*\)$/,
    ],
    [
      'a misspelt field',
      "rules:\n  - id: cash-only\n    label: cash only\n    explain: Asks for cash\n    mach: ['cash']\n",
      /rule "cash-only", field mach: is not a field a rule can have/,
    ],
    [
      'an unknown listing type',
      'rules:\n  - id: x-rule\n    label: an x rule\n    explain: Explains x\n    when: { types: [fellowship] }\n',
      /rule "x-rule", field when\.types\[0\]: /,
    ],
    [
      'a missing id',
      "rules:\n  - label: cash only\n    explain: Asks for cash\n    match: ['cash']\n",
      /rule 1, field id: /,
    ],
    [
      'a repeated id',
      `${good}  - id: cash-only\n    label: again\n    explain: Again here\n    match: ['cash']\n`,
      /rule "cash-only", field id: another rule already has this id/,
    ],
    ['no rules at all', 'rules: []\n', /needs a "rules:" list/],
    ['not YAML', 'rules: [\n', /not valid YAML/],
  ])('GIVEN %s THEN the error says where', (_name, text, message) => {
    const parsed = parseRedFlagRules(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
