import { type Reply, reply } from '../reply.ts';
import type { FaqIndex } from './faq-index.ts';
import { showButton } from './faq-replies.ts';
import type { SmallTalk } from './faq-small-talk.ts';

/** Commands worth trying first, shown to someone who says hello. */
const TRY_FIRST =
  'Try:\n' +
  '- a question in your own words, e.g. "how long is an observership?"\n' +
  '- /observership cardiology NY (or /externship, /opportunities) to find listings\n' +
  '- /remind when:"tomorrow 9am" what:"email Dr. Rivera" for a reminder\n' +
  '- /faq-list for every topic, /help for every command';

/** Topics offered to someone who says hello: the usual first questions. */
const STARTERS = ['what-counts-as-usce', 'externship-vs-observership', 'how-to-find-opportunities'];

/**
 * The reply to a greeting, a thank-you, or a request for work the bot does
 * not do. Short, friendly, and always says what the bot can do instead.
 */
export function smallTalkReply(talk: SmallTalk, index: FaqIndex): Reply {
  if (talk.kind === 'greeting') {
    return reply({
      title: 'Hi! I am imgbot',
      text: `I help IMGs find U.S. clinical experience and answer the questions every community gets. ${TRY_FIRST}`,
      actions: STARTERS.flatMap((id) => index.get(id) ?? []).map(showButton),
      ephemeral: true,
    });
  }
  if (talk.kind === 'thanks') {
    return reply({
      title: "You're welcome",
      text: 'Glad to help. Ask another question any time, or type /help to see everything I can do.',
      ephemeral: true,
    });
  }
  const topics = talk.topics.flatMap((id) => index.get(id) ?? []);
  return reply({
    title: "That's not something I can do",
    text:
      `I can't write or fill in ${talk.what} for you: that work has to be your own, and programs expect it to be. ` +
      'What I can do is explain what it should contain and how to present your experience' +
      (topics.length > 0 ? ' (topics below)' : '') +
      ', find listings with /opportunities and remind you of deadlines with /remind.',
    actions: topics.map(showButton),
    ephemeral: true,
  });
}
