/**
 * Messages that are not questions for the FAQ: a greeting, a thank-you, or a
 * request for work the bot does not do (writing a personal statement, filling
 * in an application). Each gets its own short reply instead of a neighbouring
 * topic that happens to share a word ("personal statement" sits in the letters
 * answer) or a bare "no answer".
 */

/** What kind of small talk a message is, if any. */
export type SmallTalk =
  | { readonly kind: 'greeting' }
  | { readonly kind: 'thanks' }
  /** A request to do a member's own work; `topics` are the FAQ ids that help them do it. */
  | { readonly kind: 'request'; readonly what: string; readonly topics: readonly string[] };

const GREETING = new Set(
  'hi hii hiii hello helo hey heya hiya howdy yo sup salam salaam assalamualaikum asalamualaikum namaste hola greetings morning afternoon evening gm'.split(
    ' ',
  ),
);
const THANKS = new Set(
  'thanks thank thx ty tysm tyvm thanx thnx cheers appreciate appreciated grateful helpful awesome great perfect cool nice ok okay got it'.split(
    ' ',
  ),
);
/** The words that make a message a thank-you rather than a greeting ("hi, thanks!"). */
const THANKING = new Set(
  'thanks thank thx ty tysm tyvm thanx thnx cheers appreciate appreciated grateful'.split(' '),
);
/** Words that may come with a greeting or thanks without making it a question. */
const FILLER = new Set(
  'so much very a lot lots again you u bot imgbot there everyone all guys folks team friends good whats up it man bro sis dear doc sir madam for the help this that really and oh well'.split(
    ' ',
  ),
);

// why: the polite openings members put before a request ("can you please", "I need you to")
const PREFIX =
  /^(?:(?:hi|hello|hey)\b[\s,!]*)?(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?|(?:please|pls|plz)\s+|i\s+(?:need|want)\s+(?:you|u)\s+to\s+|help\s+me\s+)*/;
// why "do" only before a possessive: "do I need..." is a question, "do my application" a request
const VERB =
  /^(?:write|draft|fill\s+(?:in|out)|fill|complete|edit|proofread|rewrite|re-write|polish|correct|fix|generate|create|make|prepare|submit|compose|do\s+(?:my|the|this|a|an)\b)/;

/** Documents and forms; each with the topics that explain how to do it oneself. */
const OBJECTS: readonly {
  readonly pattern: RegExp;
  readonly what: string;
  readonly topics: readonly string[];
}[] = [
  {
    pattern: /\bpersonal\s+statement|\bps\b|\bessay/,
    what: 'a personal statement',
    topics: ['application-documents', 'listing-experience-eras', 'letters-of-recommendation'],
  },
  {
    pattern: /\bcover\s+letter/,
    what: 'a cover letter',
    topics: ['application-documents', 'how-to-find-opportunities', 'follow-up-etiquette'],
  },
  {
    pattern: /\b(?:cv|resume|résumé)\b/,
    what: 'a CV',
    topics: ['listing-experience-eras', 'application-documents', 'certifications-to-strengthen'],
  },
  {
    pattern: /\b(?:lor|lors|letters?\s+of\s+rec\w*|rec(?:ommendation)?\s+letters?)\b/,
    what: 'a letter of recommendation',
    topics: ['letters-of-recommendation', 'observership-letters', 'maximize-rotation'],
  },
  {
    pattern: /\b(?:eras|myeras|application|applications|form|forms)\b/,
    what: 'an application',
    topics: ['listing-experience-eras', 'eras-and-soap', 'application-documents'],
  },
  {
    pattern: /\b(?:email|e-mail|mail|message)\b/,
    what: 'an email',
    topics: ['follow-up-etiquette', 'networking', 'letters-of-recommendation'],
  },
  { pattern: /\bhomework|\bassignment/, what: 'homework', topics: [] },
];

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .split(/[^a-z]+/)
    .filter((w) => w !== '');
}

/**
 * Classifies a message as small talk, or undefined for a real question. A
 * greeting or thanks must be only that ("hi!", "thank you so much"): "hi, how
 * long is an externship" is a question. A request is an instruction to write,
 * fill in or edit a document, said as one ("write my cover letter", "can you
 * fill in my ERAS application for me"); "how do I write a cover letter" is a
 * question and goes to the FAQ.
 */
export function classifySmallTalk(message: string): SmallTalk | undefined {
  const ws = words(message);
  if (ws.length === 0) return undefined;
  // why 8: a greeting or a thank-you is short; longer messages carry a question
  if (ws.length <= 8 && ws.every((w) => GREETING.has(w) || THANKS.has(w) || FILLER.has(w))) {
    if (ws.some((w) => THANKING.has(w))) return { kind: 'thanks' };
    if (ws.some((w) => GREETING.has(w))) return { kind: 'greeting' };
    if (ws.some((w) => THANKS.has(w))) return { kind: 'thanks' }; // "ok great", "perfect": an acknowledgement
  }
  const text = message
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .trim();
  const rest = text.slice((PREFIX.exec(text)?.[0] ?? '').length);
  if (!VERB.test(rest)) return undefined;
  const object = OBJECTS.find((o) => o.pattern.test(rest));
  if (!object) return undefined;
  return { kind: 'request', what: object.what, topics: object.topics };
}
