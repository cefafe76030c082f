import type { types } from '@slack/bolt';
import type { Command, CommandGroup } from '../../../core/commands/command.ts';
import type { Reply } from '../../../core/reply.ts';
import { slackExample, slackSlash } from '../slack-names.ts';
import { type Block, mrkdwn, plain, renderReply } from './blocks.ts';
import { escapeMrkdwn, mrkdwnText } from './escape.ts';
import { SLACK_LIMITS as L } from './limits.ts';

/** One part of the Home tab, filled from a core command's reply. */
export interface HomePart {
  readonly heading: string;
  /** The command's reply; undefined when the command does not exist in this version. */
  readonly reply: Reply | undefined;
  /** Shown when the reply is missing or an error. */
  readonly fallback: string;
}

export interface HomeInput {
  readonly displayName: string;
  readonly parts: readonly HomePart[];
  /** Commands this member may run, in registry order. */
  readonly commands: readonly Command[];
}

const BLOCKS_PER_PART = 14; // why: three parts plus the command list stay under the tab's 100 blocks
const PER_GROUP = 2; // why: the first two of each group are its everyday commands (search, ask, remind, track)
const COMMANDS_SHOWN = 14; // why: two per group fits one screen; /imgbot help has the rest

const GROUP_ORDER: readonly CommandGroup[] = [
  'opportunities',
  'faq',
  'reminders',
  'tracker',
  'account',
  'moderation',
  'general',
];

/** A few commands to try: the first two of each group, searches first, in registry order within a group. */
export function commandsToTry(commands: readonly Command[]): Command[] {
  return GROUP_ORDER.flatMap((group) => commands.filter((c) => c.group === group).slice(0, PER_GROUP)).slice(
    0,
    COMMANDS_SHOWN,
  );
}

function section(text: string): Block {
  return { type: 'section', text: mrkdwn(text) };
}

function partBlocks(part: HomePart): Block[] {
  const blocks: Block[] = [{ type: 'header', text: plain(part.heading, L.headerText) }];
  if (!part.reply || part.reply.error) {
    const why = part.reply?.error ? `${part.reply.text}\n` : '';
    blocks.push(section(mrkdwnText(`${why}${part.fallback}`, L.sectionText)));
    return blocks;
  }
  // The part's own heading replaces the reply's title.
  const { blocks: body } = renderReply({ ...part.reply, title: undefined }, { maxBlocks: BLOCKS_PER_PART });
  return [...blocks, ...body];
}

function commandLine(command: Command): string {
  const example = slackExample(command.examples[0] ?? `/${command.name}`);
  return `\`${escapeMrkdwn(slackSlash(command.name))}\` ${escapeMrkdwn(command.description)}\n      _${escapeMrkdwn(example)}_`;
}

/**
 * The App Home tab: a greeting, the member's parts (next reminders, tracked
 * applications, the review queue for moderators) and commands to try. Every
 * slash command also works as `/imgbot <command>`, which the footer says,
 * because some names (like /remind) belong to Slack itself.
 */
export function homeView(input: HomeInput): types.HomeView {
  const blocks: Block[] = [
    { type: 'header', text: plain('imgbot', L.headerText) },
    section(
      mrkdwnText(
        `Hi ${input.displayName}! I help you find U.S. clinical experience, remember deadlines, track applications and answer common questions. Send me a question in Messages, or use the commands below.`,
        L.sectionText,
      ),
    ),
  ];
  for (const part of input.parts) blocks.push({ type: 'divider' }, ...partBlocks(part));
  const shown = commandsToTry(input.commands);
  blocks.push({ type: 'divider' }, { type: 'header', text: plain('Commands to try', L.headerText) });
  for (let i = 0; i < shown.length; i += 5) {
    blocks.push(
      section(
        shown
          .slice(i, i + 5)
          .map(commandLine)
          .join('\n'),
      ),
    );
  }
  blocks.push({
    type: 'context',
    elements: [mrkdwn('Every command also works as `/imgbot <command>`; `/imgbot help` lists them all.')],
  });
  return { type: 'home', blocks: blocks.slice(0, L.blocksPerView) };
}
