import { stringOption } from '../commands/options.ts';
import { errorReply, type Reply, type ReplyAction, type ReplyField, reply } from '../reply.ts';
import type { FaqEntry } from './faq-entry.ts';
import type { VoteCounts } from './faq-feedback.port.ts';
import type { FaqIndex } from './faq-index.ts';

/** The button action that shows one entry; payload = entry id. */
export const FAQ_SHOW_ACTION = 'faq.show';
/** The helpful / not helpful buttons of an answer; payload = `<entry id>.up` or `<entry id>.down`. */
export const FAQ_VOTE_ACTION = 'faq.vote';

/** What the bot covers, for replies to questions it cannot answer. */
export const WHAT_I_COVER =
  'I answer questions about clinical experience for IMGs heading to the U.S. Match: observerships and externships, ' +
  'USCE, letters, documents and ERAS, visas, costs and scams. I also find listings (/observership, /externship, ' +
  '/opportunities), set reminders (/remind) and track your applications (/track add).';

const MAX_LABEL = 80; // why: Discord's button label limit (Slack allows 75 in some places; adapters clip further)
const NO_ANSWER_CHOICES = 3; // why: three close topics let a member pick without scrolling a list

/** Topics offered when a question matched nothing at all: the usual first questions. */
const STARTER_TOPICS = ['why-usce-matters', 'externship-vs-observership', 'how-to-find-opportunities'];

const TAG_TITLES: Readonly<Record<string, string>> = {
  'experience-types': 'Kinds of clinical experience',
  planning: 'Planning and timing',
  applications: 'Applying',
  'during-rotation': 'During a rotation',
  'letters-and-networking': 'Letters and networking',
  'match-process': 'The Match',
  'costs-and-safety': 'Costs, visas and safety',
};

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The required `id:` option of the moderator commands. */
export function topicIdOption(description: string) {
  return stringOption({ description, example: 'visa-constraints', required: true as const, maxLength: 60 });
}

/** A button that opens an entry. */
export function showButton(entry: FaqEntry): ReplyAction {
  return { action: FAQ_SHOW_ACTION, label: clip(entry.title, MAX_LABEL), payload: entry.id };
}

/** The related entries still visible (a removed topic drops out of every link to it). */
export function relatedEntries(entry: FaqEntry, index: FaqIndex): FaqEntry[] {
  return entry.related.flatMap((id) => index.get(id) ?? []);
}

/** An answer's `Related: /faq id:a · /faq id:b · try /externship` line. */
const RELATED_LINE = /^\s*related:\s*(.*)$/i;

/**
 * Takes the `Related:` line out of an answer: its topics become buttons
 * (shown once, by title), and only its command suggestions stay in the text.
 */
function splitRelated(body: string): { text: string; ids: string[] } {
  const ids: string[] = [];
  const lines = body.split('\n').flatMap((line) => {
    const hit = RELATED_LINE.exec(line);
    if (!hit) return [line];
    const tries: string[] = [];
    for (const part of (hit[1] ?? '').split('·').map((p) => p.trim())) {
      const id = /^\/faq id:([a-z0-9-]+)$/.exec(part)?.[1];
      if (id) ids.push(id);
      else if (/^try \//i.test(part)) tries.push(part.replace(/^try /i, ''));
    }
    return tries.length > 0 ? [`Try ${tries.join(' or ')}.`] : [];
  });
  return {
    text: lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    ids,
  };
}

/** The two vote buttons of an answer. */
export function voteButtons(entry: FaqEntry): ReplyAction[] {
  return [
    { action: FAQ_VOTE_ACTION, label: 'Helpful', payload: `${entry.id}.up`, style: 'secondary' },
    { action: FAQ_VOTE_ACTION, label: 'Not helpful', payload: `${entry.id}.down`, style: 'secondary' },
  ];
}

/**
 * One entry as an answer: its text, when it was last checked, one button per
 * related topic (listed once, as those buttons) and the vote buttons.
 */
export function entryReply(entry: FaqEntry, index: FaqIndex): Reply {
  const { text, ids } = splitRelated(entry.body);
  const related = relatedEntries(entry, index);
  for (const id of ids) {
    const extra = index.get(id);
    if (extra && extra.id !== entry.id && !related.some((r) => r.id === id)) related.push(extra);
  }
  return reply({
    title: entry.title,
    text,
    footer: `last verified ${entry.last_verified}`,
    ids: [entry.id],
    actions: [...related.map(showButton), ...voteButtons(entry)],
  });
}

/** Two topics fit about equally: both offered, the closer first, instead of a guess. */
export function choiceReply(entries: readonly FaqEntry[]): Reply {
  return reply({
    title: 'Which of these did you mean?',
    text: `Your question fits two topics about equally well:\n${entries.map((e, i) => `${i + 1}. ${e.title}`).join('\n')}\nPick one below.`,
    ids: entries.map((e) => e.id),
    actions: entries.map((e) => ({ ...showButton(e), style: 'primary' as const })),
    ephemeral: true,
  });
}

/** "No answer": honest, with the closest topics as buttons and a pointer to the full list. */
export function noAnswerReply(closest: readonly FaqEntry[], index: FaqIndex): Reply {
  const offered = [...closest];
  for (const id of [...STARTER_TOPICS, ...index.entries.map((e) => e.id)]) {
    if (offered.length >= NO_ANSWER_CHOICES) break;
    const e = index.get(id);
    if (e && !offered.some((o) => o.id === e.id)) offered.push(e);
  }
  const shown = offered.slice(0, NO_ANSWER_CHOICES);
  return reply({
    title: 'No answer for that yet',
    text:
      `I don't have an answer for that. ${WHAT_I_COVER}\n` +
      (shown.length > 0 ? 'These topics are the closest I have; ' : '') +
      'type /faq-list to see every topic, or ask a moderator. Moderators see unanswered questions, so it may be answered soon.',
    ids: [],
    actions: shown.map(showButton),
    ephemeral: true,
  });
}

/** The error for an id that is not (or no longer) a topic, with the closest ids. */
export function unknownTopicReply(id: string, index: FaqIndex, closest: readonly string[]): Reply {
  const hint = closest.length > 0 ? ` Did you mean ${closest.map((c) => `id:${c}`).join(' or ')}?` : '';
  return errorReply(
    'FAQ.NOT_FOUND',
    `There is no FAQ topic ${id}.${hint} Type /faq-list to see every topic (${index.entries.length} now).`,
  );
}

function tagTitle(tag: string): string {
  return TAG_TITLES[tag] ?? tag.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** ` (3 helpful, 1 not)` for an entry with votes, else nothing. */
function voteNote(counts: VoteCounts | undefined): string {
  if (!counts || counts.up + counts.down === 0) return '';
  return ` (${counts.up} helpful, ${counts.down} not)`;
}

/**
 * Every topic grouped by its first tag, ids shown so members can type
 * `/faq id:<id>`. With `votes` (moderators), each topic shows its helpful /
 * not helpful counts.
 */
export function listReply(index: FaqIndex, votes?: ReadonlyMap<string, VoteCounts>): Reply {
  const groups = new Map<string, FaqEntry[]>();
  for (const e of index.entries) {
    const tag = e.tags[0] ?? 'other';
    groups.set(tag, [...(groups.get(tag) ?? []), e]);
  }
  const known = Object.keys(TAG_TITLES);
  const order = [...groups.keys()].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib) || a.localeCompare(b);
  });
  const fields: ReplyField[] = order.map((tag) => ({
    name: tagTitle(tag),
    value: (groups.get(tag) ?? []).map((e) => `${e.id}: ${e.title}${voteNote(votes?.get(e.id))}`).join('\n'),
  }));
  return reply({
    title: `FAQ topics (${index.entries.length})`,
    text:
      'Type /faq id:<id> to read one, or just ask your question with /faq.' +
      (votes
        ? " Counts are members' helpful / not helpful votes; /faq-gaps shows what members asked that no topic answers."
        : ''),
    fields,
    ids: order.flatMap((tag) => (groups.get(tag) ?? []).map((e) => e.id)),
    ephemeral: true,
  });
}
