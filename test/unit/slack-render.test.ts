import { describe, expect, it } from 'vitest';
import { actionBlocks, coreActionId, renderReply } from '../../src/bots/slack/render/blocks.ts';
import { clipMrkdwn, escapeMrkdwn, linkify, mrkdwnText } from '../../src/bots/slack/render/escape.ts';
import { reply } from '../../src/core/reply.ts';

type Loose = {
  type: string;
  text?: { text: string; type: string };
  fields?: { text: string }[];
  elements?: Loose[];
};
const blocksOf = (r: ReturnType<typeof renderReply>) => r.blocks as unknown as Loose[];

describe('Slack text escaping', () => {
  it.each([
    ['<!channel> hi', '&lt;!channel&gt; hi'],
    ['<@U123> and <#C1|general>', '&lt;@U123&gt; and &lt;#C1|general&gt;'],
    ['<!subteam^S1|@mods>', '&lt;!subteam^S1|@mods&gt;'],
    ['Fees & <b>costs</b>', 'Fees &amp; &lt;b&gt;costs&lt;/b&gt;'],
    ['already &amp; escaped', 'already &amp;amp; escaped'],
    ['it\'s "fine"', 'it\'s "fine"'],
  ])('GIVEN %j THEN %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it('GIVEN a disguised link <https://evil|bank> THEN only the honest URL is a link; bare URLs become links', () => {
    // Shown as "bank (https://evil.example)" with the real address linked: nothing hides behind "bank".
    expect(mrkdwnText('see <https://evil.example|bank>', 3000)).toBe('see bank (<https://evil.example>)');
    expect(linkify(escapeMrkdwn('Apply at https://x.example.org/a?b=1&c=2.'))).toBe(
      'Apply at <https://x.example.org/a?b=1&amp;c=2>.',
    );
  });

  it.each([
    ['[mayo.edu](http://mayo-clinic-observe.xyz)', 'mayo.edu (<http://mayo-clinic-observe.xyz>)'],
    ['Apply [here](https://x.example.org/a?b=1&c=2).', 'Apply here (<https://x.example.org/a?b=1&amp;c=2>).'],
    ['<http://evil.example|www.mayoclinic.org>', 'www.mayoclinic.org (<http://evil.example>)'],
    ['[https://ok.example.org](https://ok.example.org)', '<https://ok.example.org>'],
  ])('GIVEN the masked link %j THEN the real address is shown and linked: %j', (input, expected) => {
    expect(mrkdwnText(input, 3000)).toBe(expected);
  });

  it('GIVEN a listing with a masked link THEN no block of the reply hides the address', () => {
    const r = renderReply(
      reply({
        title: 'Cardiology Observership',
        text: 'Apply [on our site](http://mayo-clinic-observe.xyz/apply).',
        fields: [{ name: 'Contact', value: '<http://mayo-clinic-observe.xyz|mayo.edu>' }],
        records: [{ id: 'obs-1', title: 'Obs', text: '[mayo.edu](http://mayo-clinic-observe.xyz)' }],
      }),
    );
    const all = JSON.stringify(r.blocks);
    expect(all).not.toMatch(/\|mayo\.edu>|\]\(http/);
    expect(all).toContain('on our site (<http://mayo-clinic-observe.xyz/apply>)');
    expect(all).toContain('mayo.edu (<http://mayo-clinic-observe.xyz>)');
  });

  it('GIVEN text longer than the limit THEN clipped with … and never inside an entity or a link', () => {
    expect(clipMrkdwn('a'.repeat(10), 5)).toBe('aaaa…');
    expect(clipMrkdwn('abc &amp; def', 6)).toBe('abc …');
    expect(clipMrkdwn('go <https://example.org/long/path> now', 12)).toBe('go …');
  });
});

describe('Block Kit rendering of the neutral reply', () => {
  const full = reply({
    title: 'Observerships: cardiology · NY',
    text: 'Two listings match.',
    fields: [
      { name: 'When', value: 'Fri 4 Dec', inline: true },
      { name: 'Where', value: 'Albany, NY', inline: true },
      { name: 'Notes', value: 'Bring <!here> your CV' },
    ],
    records: [{ id: 'obs-1', title: 'Cardio <@U999>', subtitle: 'Albany', text: 'Rounds' }],
    actions: [
      { action: 'listing.page', label: 'Previous page', payload: 't.1' },
      { action: 'listing.page', label: 'Next page', payload: 't.3', style: 'primary' },
      { action: 'listing.view', label: 'Details 1', payload: 'obs-1', style: 'secondary' },
    ],
    footer: 'Page 2 of 3',
  });

  it('renders header, text, a 2-column field section, records, context footer and buttons, in that order', () => {
    const blocks = blocksOf(renderReply(full));
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'section',
      'context',
      'actions',
    ]);
    expect(blocks[0]?.text).toMatchObject({ type: 'plain_text', text: 'Observerships: cardiology · NY' });
    expect(blocks[2]?.fields?.map((f) => f.text)).toEqual(['*When*\nFri 4 Dec', '*Where*\nAlbany, NY']);
    expect(blocks[3]?.text?.text).toBe('*Notes*\nBring &lt;!here&gt; your CV');
    expect(blocks[4]?.text?.text).toBe('*Cardio &lt;@U999&gt;*  `obs-1`\n_Albany_\nRounds');
    expect(blocks[5]?.elements?.[0]?.text).toBe('Page 2 of 3');
  });

  it('gives repeated actions unique action ids that map back to the core action', () => {
    const [row] = actionBlocks(full.actions) as unknown as {
      elements: { action_id: string; style?: string }[];
    }[];
    const ids = row?.elements.map((e) => e.action_id) ?? [];
    expect(ids).toEqual(['listing.page', 'listing.page|1', 'listing.view']);
    expect(ids.map(coreActionId)).toEqual(['listing.page', 'listing.page', 'listing.view']);
    expect(row?.elements.map((e) => e.style)).toEqual([undefined, 'primary', undefined]);
  });

  it('GIVEN a 7,000-character text THEN sections of at most 3,000 characters', () => {
    const long = reply({ text: `${'word '.repeat(1400)}end` });
    const sections = blocksOf(renderReply(long)).filter((b) => b.type === 'section');
    expect(sections.length).toBe(3);
    for (const s of sections) expect(s.text?.text.length).toBeLessThanOrEqual(3000);
    expect(sections.map((s) => s.text?.text).join(' ')).toContain('end');
  });

  it('GIVEN 80 records THEN 50 blocks at most, paging buttons and footer kept, and a note on what is hidden', () => {
    const many = reply({
      title: 'Many',
      text: 'x',
      records: Array.from({ length: 80 }, (_, i) => ({ id: `l${i}`, title: `Listing ${i}` })),
      actions: [{ action: 'listing.page', label: 'Next page', payload: 't.2' }],
      footer: 'Page 1 of 9',
    });
    const blocks = blocksOf(renderReply(many));
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-1)?.type).toBe('actions');
    expect(blocks.at(-2)?.elements?.[0]?.text).toBe('Page 1 of 9');
    expect(blocks.at(-3)?.elements?.[0]?.text).toMatch(
      /^\d+ more blocks not shown \(Slack's limit is 50\)\.$/,
    );
  });

  it('marks errors and escapes the notification text', () => {
    const error = renderReply(reply({ text: 'No <!everyone> here', error: true }));
    expect(blocksOf(error)[0]?.text?.text).toBe(':warning: No &lt;!everyone&gt; here');
    expect(error.text).toBe('No &lt;!everyone&gt; here');
    expect(renderReply(reply({ text: '', records: [{ id: 'a', title: 'A' }] })).text).toBe('1 results');
  });

  it('clips a header to 150 characters and a button label to 75', () => {
    const r = renderReply(
      reply({
        title: 'T'.repeat(400),
        text: '',
        actions: [{ action: 'a.b', label: 'L'.repeat(100), payload: '' }],
      }),
    );
    const [header, actions] = blocksOf(r);
    expect(header?.text?.text).toHaveLength(150);
    expect(actions?.elements?.[0]?.text?.text).toHaveLength(75);
  });
});

describe('a reply addressed to a member', () => {
  it('GIVEN an addressee THEN the message starts with the one mention the bot writes; user text stays escaped', () => {
    const r = renderReply(
      reply({
        addressee: 'slack:T1:U777',
        title: 'I could not send you a direct message',
        text: 'hi <@U999>',
      }),
    );
    expect(blocksOf(r)[0]?.text?.text).toBe('<@U777>');
    expect(r.text.startsWith('<@U777> ')).toBe(true);
    expect(JSON.stringify(r.blocks)).not.toContain('<@U999>');
  });

  it('GIVEN another platform as addressee THEN no mention at all', () => {
    const r = renderReply(reply({ addressee: 'discord:123456789', text: 'hi' }));
    expect(JSON.stringify(r)).not.toContain('<@');
  });
});
