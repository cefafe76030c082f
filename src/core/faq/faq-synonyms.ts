/**
 * The field's vocabulary: abbreviations, spellings and chat shorthand that
 * members use for the same thing, applied to the FAQ entries and to every
 * question alike (document normalisation), so "LoR", "rec letter" and
 * "letter of recommendation" all meet on one index term.
 *
 * A row maps variants (lowercase words, as the tokenizer produces them) to
 * the terms that stand for the concept; the variant is replaced. A row with
 * `keepWords` also keeps the words of a multi-word variant ("letter of
 * recommendation" adds `lor` and still indexes "letter" and
 * "recommendation"), for phrases whose words mean something on their own.
 * Specialties (IM, FM, peds, psych...) come from the shared specialty
 * vocabulary instead of this table.
 */
export interface SynonymRow {
  /** Terms emitted for the concept (stemmed like any other word). */
  readonly to: readonly string[];
  readonly variants: readonly string[];
  readonly keepWords?: boolean;
}

export const SYNONYMS: readonly SynonymRow[] = [
  // Clinical experience and its kinds.
  {
    to: ['usce'],
    keepWords: true,
    variants: [
      'usce',
      'us clinical experience',
      'us clinical experiences',
      'us clinical exp',
      'us clinicals',
      'us clinical',
      'clinical experience in us',
      'clinical experience in the us',
      'us based clinical experience',
      'us hospital experience',
      'us experience',
    ],
  },
  {
    to: ['observership'],
    variants: ['obs', 'observerships', 'observership', 'observer role', 'observer program'],
  },
  {
    to: ['externship'],
    variants: ['extern', 'externs', 'externing', 'externed', 'externship', 'externships'],
  },
  {
    to: ['subinternship'],
    variants: [
      'sub i',
      'subi',
      'subis',
      'sub internship',
      'sub internships',
      'subinternship',
      'acting internship',
      'acting intern',
      'ai rotation',
      'ai rotations',
    ],
  },
  { to: ['clerkship'], variants: ['clerkships', 'core rotation', 'core rotations', 'clerk'] },
  { to: ['rotation', 'clinical'], variants: ['clinicals'] },
  { to: ['rotation'], variants: ['rotations', 'rotating', 'rotate', 'rotated'] },
  { to: ['handson'], variants: ['hands on', 'hand on', 'handson', 'hands-on'] },
  { to: ['experience'], variants: ['exp', 'xp'] },
  // People.
  {
    to: ['img'],
    keepWords: true,
    variants: [
      'img',
      'imgs',
      'fmg',
      'fmgs',
      'international medical graduate',
      'international medical graduates',
      'foreign medical graduate',
      'foreign medical graduates',
      'international graduate',
      'international graduates',
      'international grad',
      'international grads',
      'foreign grad',
      'foreign grads',
      'international doctor',
      'international doctors',
      'foreign doctor',
      'foreign doctors',
    ],
  },
  {
    to: ['attending'],
    keepWords: true,
    variants: [
      'attending',
      'attendings',
      'preceptor',
      'preceptors',
      'attending physician',
      'attending physicians',
      'supervising physician',
      'supervising physicians',
      'supervisor',
      'supervisors',
    ],
  },
  {
    to: ['pd'],
    variants: [
      'pd',
      'pds',
      'program director',
      'program directors',
      'residency director',
      'residency directors',
    ],
    keepWords: true,
  },
  { to: ['physician'], variants: ['doc', 'doctor', 'doctors', 'physicians', 'dr', 'drs'] },
  { to: ['mentor'], variants: ['mentors', 'mentorship', 'mentoring'] },
  // Exams, bodies and the Match.
  { to: ['step1', 'usmle'], variants: ['step 1', 'step one', 'step1', 'usmle step 1', 'step i'] },
  {
    to: ['step2ck', 'usmle'],
    variants: [
      'step 2',
      'step 2 ck',
      'step 2ck',
      'step2',
      'step2ck',
      'step two',
      'usmle step 2',
      'ck',
      'step 2 cs',
    ],
  },
  { to: ['step3', 'usmle'], variants: ['step 3', 'step3', 'step three'] },
  {
    to: ['usmle'],
    variants: ['usmle', 'boards', 'board exam', 'board exams', 'board prep', 'licensing exam'],
  },
  {
    to: ['ecfmg'],
    keepWords: true,
    variants: ['ecfmg', 'educational commission for foreign medical graduates', 'ecfmg certification'],
  },
  { to: ['eras'], keepWords: true, variants: ['eras', 'electronic residency application service'] },
  { to: ['soap'], keepWords: true, variants: ['soap', 'supplemental offer and acceptance program'] },
  { to: ['nrmp', 'match'], keepWords: true, variants: ['nrmp', 'national resident matching program'] },
  { to: ['match'], variants: ['the match', 'match day', 'match week', 'matching', 'matched'] },
  {
    to: ['yog', 'graduation'],
    keepWords: true,
    variants: ['yog', 'year of graduation', 'graduation year', 'graduation date'],
  },
  { to: ['graduation'], variants: ['grad', 'grads', 'graduated', 'graduate', 'graduates', 'graduating'] },
  // Letters and documents.
  {
    to: ['lor'],
    keepWords: true,
    variants: [
      'lor',
      'lors',
      'letter of recommendation',
      'letters of recommendation',
      'recommendation letter',
      'recommendation letters',
      'rec letter',
      'rec letters',
      'reco letter',
      'letter of rec',
      'letters of rec',
      'reference letter',
      'reference letters',
      'letter writer',
      'letter writers',
    ],
  },
  { to: ['recommendation'], variants: ['rec', 'recs', 'reco'] },
  { to: ['cv'], variants: ['cv', 'cvs', 'resume', 'resumes'] },
  { to: ['documents'], variants: ['docs', 'paperwork', 'documentation'] },
  {
    to: ['apply'],
    variants: [
      'apply',
      'applying',
      'applied',
      'applies',
      'application',
      'applications',
      'app',
      'apps',
      'applicant',
      'applicants',
    ],
  },
  {
    to: ['find'],
    variants: [
      'finding',
      'found',
      'look for',
      'looking for',
      'search for',
      'searching for',
      'search',
      'searching',
      'locate',
    ],
  },
  {
    to: ['requirement'],
    variants: ['prereq', 'prereqs', 'pre req', 'pre reqs', 'prerequisite', 'prerequisites', 'req', 'reqs'],
  },
  { to: ['certification'], variants: ['cert', 'certs', 'certificate', 'certificates', 'certified'] },
  { to: ['personalstatement'], keepWords: true, variants: ['personal statement', 'ps'] },
  // Visas.
  {
    to: ['b1b2', 'visa'],
    keepWords: true,
    variants: ['b1b2', 'b1', 'b2', 'tourist visa', 'visitor visa', 'visit visa', 'business visa', 'b visa'],
  },
  { to: ['j1', 'visa'], variants: ['j1', 'j 1 visa', 'j1 visa'] },
  { to: ['h1b', 'visa'], variants: ['h1b', 'h1b visa'] },
  // Places and societies.
  {
    to: ['fqhc'],
    keepWords: true,
    variants: ['fqhc', 'fqhcs', 'federally qualified health center', 'federally qualified health centers'],
  },
  { to: ['acp', 'society'], keepWords: true, variants: ['acp', 'american college of physicians'] },
  { to: ['aafp', 'society'], keepWords: true, variants: ['aafp', 'american academy of family physicians'] },
  {
    to: ['society'],
    keepWords: true,
    variants: ['societies', 'professional society', 'professional societies', 'association'],
  },
  { to: ['hospital'], variants: ['hosp', 'hospitals'] },
  { to: ['medical'], variants: ['med'] },
  { to: ['university'], variants: ['uni', 'univ'] },
  // Money and safety.
  { to: ['fee'], variants: ['fees', 'moneyamount'] },
  { to: ['pay'], variants: ['paid', 'paying', 'pays'] },
  {
    to: ['scam'],
    variants: [
      'scams',
      'scammy',
      'scammer',
      'scammers',
      'fraud',
      'fraudulent',
      'fake',
      'shady',
      'rip off',
      'ripoff',
    ],
  },
  { to: ['legit'], variants: ['legitimate', 'legitimacy'] },
  {
    to: ['afford'],
    variants: [
      'afford',
      'affordable',
      'cheap',
      'cheaper',
      'budget',
      'broke',
      'poor',
      'expensive',
      'costly',
      'money',
      'financial',
      'finances',
      'funds',
    ],
  },
  {
    to: ['worth'],
    variants: [
      'worth it',
      'worthwhile',
      'useful',
      'useless',
      'pointless',
      'worthless',
      'waste',
      'value',
      'valuable',
    ],
  },
  // How-much / how-long questions.
  { to: ['duration'], variants: ['how long', 'length', 'lengths'] },
  { to: ['amount'], variants: ['how much', 'how many', 'quantity'] },
  {
    to: ['difference'],
    variants: ['diff', 'vs', 'versus', 'different', 'differ', 'compared', 'compare', 'comparison', 'same'],
  },
  { to: ['simultaneously'], variants: ['at the same time', 'same time', 'while doing', 'alongside'] },
  // Units and chat shorthand.
  { to: ['year'], variants: ['yr', 'yrs', 'years', 'yearnumber'] },
  { to: ['month'], variants: ['mo', 'mos', 'mths', 'months'] },
  { to: ['week'], variants: ['wk', 'wks', 'weeks'] },
  { to: ['people'], variants: ['ppl', 'folks'] },
  {
    to: ['reply'],
    variants: [
      'replied',
      'replies',
      'respond',
      'responded',
      'response',
      'responses',
      'answer',
      'answered',
      'hear back',
      'heard back',
      'get back',
      'got back',
    ],
  },
  { to: ['email'], variants: ['mail', 'emails', 'e mail', 'emailed', 'emailing'] },
];
