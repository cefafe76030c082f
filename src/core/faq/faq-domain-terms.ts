import { analyze } from './faq-text.ts';

/**
 * The field's own vocabulary, used by the confidence rule to tell a question
 * about clinical experience and the Match from chit-chat that shares a word
 * or two with an answer. Words are written plainly and stemmed on load; add
 * to these lists when a new topic brings new field words.
 */

/** Words that on their own place a question in the field (nobody says "ECFMG" about the weather). */
const FIELD_WORDS =
  'usce observership externship subinternship clerkship rotation handson img attending pd step1 step2ck step3 usmle ' +
  'ecfmg eras nrmp yog lor cv residency resident intern internship visa b1b2 j1 h1b fqhc acp aafp hipaa bls ' +
  'acls pals cme emr elective shadowing observational observe malpractice immunization prelim personalstatement ' +
  'preceptor scam graduation reject gap';

/** Field words that everyday talk uses too ("hospital parking", "the match tonight"). */
const SHARED_WORDS =
  'hospital clinic clinical patient medical program apply physician specialty interview network networking mentor ' +
  'volunteer match society coordinator fellowship research soap';

/**
 * Words that mark a request as being about something else (gadgets, food,
 * travel, entertainment), however many field words come with it: "recommend
 * a laptop for Step 1 studying" asks for a laptop, not for study advice.
 * Only words no FAQ entry is about belong here.
 */
const OFF_TOPIC_WORDS =
  'laptop laptops computer pc macbook ipad tablet phone iphone android wifi password printer keyboard headphones ' +
  'weather rain snow pizza restaurant restaurants recipe cook cooking biryani food movie movies netflix song songs ' +
  'music football soccer cricket basketball nba nfl game games flight flights hotel hotels apartment rent airbnb ' +
  'bitcoin crypto stock stocks joke jokes dating girlfriend boyfriend tinder gym workout diet homemade';

const stems = (words: string) => new Set(words.split(' ').flatMap((w) => analyze(w)));

/** Stemmed words that mark a question as the field's. */
export const FIELD_TERMS: ReadonlySet<string> = stems(FIELD_WORDS);
/** Stemmed words of the field that also occur in everyday talk. */
export const SHARED_TERMS: ReadonlySet<string> = stems(SHARED_WORDS);
/** Stemmed words of requests that are about something else (see {@link OFF_TOPIC_WORDS}). */
export const OFF_TOPIC_TERMS: ReadonlySet<string> = stems(OFF_TOPIC_WORDS);
