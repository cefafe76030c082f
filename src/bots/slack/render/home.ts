import type { types } from '@slack/bolt';
import type { Command } from '../../../core/commands/command.ts';
import type { HomeReply, HomeSection } from '../../../core/home/build-home.ts';
import { slackExample, slackMentions, slackSlash } from '../slack-names.ts';
import { type Block, mrkdwn, plain, renderReply } from './blocks.ts';
import { escapeMrkdwn, mrkdwnText } from './escape.ts';
import { SLACK_LIMITS as L } from './limits.ts';

const BLOCKS_PER_PART = 14; // why: three parts plus the command list stay under the tab's 100 blocks

function section(text: string): Block {
  return { type: 'section', text: mrkdwn(text) };
}

function partBlocks(part: HomeSection): Block[] {
  const blocks: Block[] = [{ type: 'header', text: plain(part.heading, L.headerText) }];
  if (part.reply.error) {
    blocks.push(section(mrkdwnText(`${part.reply.text}\n${slackMentions(part.fallback)}`, L.sectionText)));
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
 * The App Home tab: a greeting, the sections of the core's overview (next
 * reminders, tracked applications, the review queue for moderators) and
 * commands to try. Every slash command also works as `/imgbot <command>`,
 * which the footer says, because some names (like /remind) belong to Slack itself.
 */
export function homeView(input: HomeReply): types.HomeView {
  const blocks: Block[] = [
    { type: 'header', text: plain('imgbot', L.headerText) },
    section(
      mrkdwnText(
        `Hi ${input.displayName}! I help you find U.S. clinical experience, remember deadlines, track applications and answer common questions. Send me a question in Messages, or use the commands below.`,
        L.sectionText,
      ),
    ),
  ];
  for (const part of input.sections) blocks.push({ type: 'divider' }, ...partBlocks(part));
  const shown = input.commandsToTry;
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
